/**
 * The documents stay true: README.md and docs/*.md link only to files (and headings) that exist,
 * the README names only npm scripts that package.json has, and every hook the test contract in
 * docs/testing.md names (`[data-testid=…]`, `[data-kpi=…]`, `[data-chart=…]`) is written in src/.
 * The last is a cheap check of the source text, not of the pages: the e2e run checks the hooks on
 * the built pages themselves.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { contractHooks } from './contract-hooks';

const root = resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Markdown without its fenced code blocks and inline code (links there are examples, not links). */
function prose(text: string): string {
	return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(text: string): Set<string> {
	const seen = new Map<string, number>();
	const out = new Set<string>();
	for (const [, heading] of text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
		const slug = heading
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const n = seen.get(slug) ?? 0;
		seen.set(slug, n + 1);
		out.add(n === 0 ? slug : `${slug}-${n}`);
	}
	return out;
}

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

describe('documents', () => {
	it('has a README of one screen or so and the documents the README promises', () => {
		expect(read('README.md').split('\n').length).toBeLessThanOrEqual(120);
		for (const doc of ['publishing', 'publishing.ru', 'formats', 'privacy', 'security', 'testing', 'benchmark', 'architecture']) {
			expect(documents, doc).toContain(`docs/${doc}.md`);
		}
	});

	it.each(documents)('%s: every relative link resolves, to a heading where it names one', (doc) => {
		const links = [...prose(read(doc)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
		const relativeLinks = links.filter((link) => !/^[a-z][a-z+.-]*:/i.test(link));
		for (const link of relativeLinks) {
			const [path, anchor] = link.split('#');
			const target = path ? relative(root, resolve(root, dirname(doc), path)) : doc;
			expect(existsSync(join(root, target)), `${doc} → ${link}`).toBe(true);
			if (anchor && target.endsWith('.md')) expect([...anchors(read(target))], `${doc} → ${link}`).toContain(anchor);
		}
	});

	it('names only npm commands that package.json has', () => {
		const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
		const readme = read('README.md');
		const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
		const short = [...readme.matchAll(/npm (start|test)\b/g)].map((m) => m[1]);
		expect(named.length).toBeGreaterThan(0);
		for (const name of [...named, ...short]) expect(scripts, `npm run ${name}`).toContain(name);
		// The README's test command is what CI runs (.ci/run).
		expect(readme).toMatch(/^npm test\b/m);
		expect(read('.ci/run')).toMatch(/^npm test$/m);
	});

	it('names test-contract hooks that are written in src/', () => {
		const hooks = contractHooks();
		expect(hooks.length).toBeGreaterThan(20);
		const source = files(join(root, 'src'))
			.filter((file) => /\.(svelte|ts)$/.test(file) && !file.endsWith('.spec.ts'))
			.map((file) => readFileSync(file, 'utf8'))
			.join('\n');
		for (const value of hooks) {
			// Written as the attribute's value, or as a string the attribute is given (data-kpi={tile.kpi}).
			expect(source.includes(`"${value}"`) || source.includes(`'${value}'`) || source.includes(`\`${value}\``), value).toBe(true);
		}
	});
});
