/** A build refuses data it must not publish, and says which file, line and column. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

function build(dataDir: string, env: Record<string, string> = {}) {
	// Built into a throwaway folder with its own intermediate files (svelte.config.js): the site
	// under test in build/, built by the end-to-end run beside this one, stays as it is.
	const run = spawnSync('npx', ['vite', 'build'], {
		env: { ...process.env, IMPACT_DATA_DIR: dataDir, BUILD_DIR: '.svelte-kit/guard-output', ...env },
		encoding: 'utf8'
	});
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('vite build with data/ that must not be published', { timeout: 120_000 }, () => {
	// One build for both refusals (each build costs ~25 s): every file's problems are listed.
	it('fails on a direct identifier column, naming file, line and column, and on a file that is not CSV, naming it', () => {
		const { status, output } = build('tests/fixtures/data-with-pii');
		expect(status).not.toBe(0);
		expect(output).toContain('tests/fixtures/data-with-pii/export.csv, line 1, column 4 "Client name": refused, looks like a name column');
		expect(output).toContain('tests/fixtures/data-with-pii/damaged.csv: it looks like a workbook but could not be read');
		expect(output).not.toContain('Aida');
	});

	it('refuses case-level exports on a CI runner or a host, and says what to do instead', () => {
		const { status, output } = build('tests/fixtures/data-case-level', { CI: 'true' });
		expect(status).not.toBe(0);
		expect(output).toContain('data/ holds case-level exports (tests/fixtures/data-case-level/export.csv) and this build runs on a CI runner or a host (CI is set)');
		expect(output).toContain('put the release.json it gives in data/');
	});
});
