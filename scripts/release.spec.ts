import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (...args: string[]) => {
	const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'release-')), 'release.json');
	const result = spawnSync('node', ['scripts/release.mjs', ...args, '--out', out, '--export-date', '2026-01-15'], { encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}\n${result.stderr}`, out };
};

describe('npm run release -- FILE…', () => {
	it('prints the check report, the loss report and the audit, and writes release.json', () => {
		const { status, output, out } = run('tests/fixtures/known.csv');
		expect(status).toBe(0);
		expect(output).toContain('known.csv: 9 rows read = 7 loaded + 2 rejected');
		expect(output).toMatch(/audit: nationality \d+ small hidden cells checked/);
		const doc = JSON.parse(readFileSync(out, 'utf8'));
		expect([doc.format, doc.exportDate, doc.loss.people]).toEqual(['impact-dashboard-release/2', '2026-01-15', 6]);
	}, 60_000);

	it('refuses an export with a direct identifier, naming file, line and column, and writes nothing', () => {
		const { status, output, out } = run('tests/fixtures/data-with-pii/export.csv');
		expect(status).toBe(1);
		expect(existsSync(out)).toBe(false);
		expect(output).toContain('export.csv, line 1, column 4 "Client name": refused, looks like a name column');
		expect(output).not.toContain('Aida');
	}, 60_000);
});
