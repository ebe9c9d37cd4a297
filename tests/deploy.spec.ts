/** The ready deployments: what can be checked without a host. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CSP_DIRECTIVES, HEADER_CSP, headersFor, parseHeadersFile, policyText } from '../scripts/security-policy.mjs';

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
	const rules = parseHeadersFile(readFileSync('static/_headers', 'utf8'));

	it('sends the security headers on every page, with the policy of scripts/security-policy.mjs, and caches the hashed app files for good', () => {
		const page = headersFor(rules, '/ru/upload/');
		expect(page).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' });
		expect(page['Content-Security-Policy']).toBe(HEADER_CSP);
		expect(page['Permissions-Policy']).toMatch(/camera=\(\)/);
		expect(page['Cache-Control']).toBeUndefined();
		expect(headersFor(rules, '/_app/immutable/chunks/x.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
	});

	it('says in its policy what a <meta> cannot (never framed), and leaves the script hashes to each page', () => {
		expect(HEADER_CSP).toContain("frame-ancestors 'none'");
		expect(HEADER_CSP).toContain("connect-src 'self'");
		expect(policyText(CSP_DIRECTIVES)).not.toContain('frame-ancestors');
		expect(policyText(CSP_DIRECTIVES)).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(policyText(CSP_DIRECTIVES)).not.toMatch(/'unsafe-eval'/);
	});
});
