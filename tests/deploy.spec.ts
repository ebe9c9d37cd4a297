/** The ready deployments: what can be checked without a host. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; id?: string }

describe('.github/workflows/pages.yml', () => {
	const workflow = parse(readFileSync('.github/workflows/pages.yml', 'utf8')) as {
		on: Record<string, unknown>;
		permissions: Record<string, string>;
		jobs: Record<string, { needs?: string; steps: Step[]; environment?: { name: string } }>;
	};

	it('builds with the repository name as base path, then uploads build/ for Pages', () => {
		const steps = workflow.jobs.build.steps;
		expect(steps.map((s) => s.uses ?? s.run)).toEqual([
			'actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'npm run build', 'actions/configure-pages@v5', 'actions/upload-pages-artifact@v3'
		]);
		expect(steps.find((s) => s.run === 'npm run build')?.env).toEqual({ BASE_PATH: '/${{ github.event.repository.name }}' });
		expect(steps.at(-1)?.with).toEqual({ path: 'build' });
		expect(Object.keys(workflow.on)).toEqual(['push', 'workflow_dispatch']);
	});

	it('deploys with the official Pages action, with only the permissions it needs', () => {
		expect(workflow.jobs.deploy.needs).toBe('build');
		expect(workflow.jobs.deploy.environment?.name).toBe('github-pages');
		expect(workflow.jobs.deploy.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
		expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
	});
});

describe('static/_headers (Netlify, Cloudflare Pages)', () => {
	const text = readFileSync('static/_headers', 'utf8');
	it('sends the security headers on every page, and caches the hashed app files for good', () => {
		const rules = new Map<string, string[]>();
		let path = '';
		for (const line of text.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
			if (!/^\s/.test(line)) rules.set((path = line.trim()), []);
			else rules.get(path)!.push(line.trim());
		}
		expect(rules.get('/*')).toEqual(expect.arrayContaining(['X-Content-Type-Options: nosniff', 'Referrer-Policy: no-referrer', 'X-Frame-Options: DENY']));
		expect(rules.get('/*')!.find((h) => h.startsWith('Content-Security-Policy:'))).toContain("frame-ancestors 'none'");
		expect(rules.get('/_app/immutable/*')).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
	});
});
