import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { laterExport } from '../tests/fixtures/successive';

const run = (...args: string[]) => {
	const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'release-')), 'release.json');
	const date = args.includes('--export-date') ? [] : ['--export-date', '2026-01-15'];
	const result = spawnSync('node', ['scripts/release.mjs', ...args, '--out', out, ...date], { encoding: 'utf8' });
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

	it('--previous: releases against the published release, keeps its rows, and says what is held back (in the report, not the file)', () => {
		const first = run('data/sample-export.csv');
		expect(first.status).toBe(0);
		const dir = mkdtempSync(path.join(os.tmpdir(), 'later-'));
		const later = path.join(dir, 'register-2026-02-26.csv');
		writeFileSync(later, laterExport(readFileSync('data/sample-export.csv', 'utf8'), { newIn2026: 60, late2024: 3, corrections: 5 }));
		const { status, output, out } = run(later, '--previous', first.out, '--export-date', '2026-02-26');
		expect(status, output).toBe(0);
		expect(output).toContain('Held back: 8');
		expect(output).toContain('  2024: 3 late registrations');
		expect(output).toMatch(/lineage: \d+ rows frozen \(published 2026-01-15, its whole period now "2019-2025"\), \d+ new; whole period 2019-2026/);
		const A = JSON.parse(readFileSync(first.out, 'utf8'));
		const B = JSON.parse(readFileSync(out, 'utf8'));
		expect(B.lineage).toEqual([{ exportDate: '2026-01-15', period: '2019-2025', rows: A.rows.length }]);
		const total = (doc: typeof A, year: string) => doc.rows.find((r: { view: string; year: string; organisation: string }) => r.view === 'total' && r.year === year && r.organisation === '~all')?.n;
		expect(total(B, '2024')).toBe(455);
		expect(total(B, '2026')).toBe(60);
		// Nothing of the held-back people in the file: no word of them at all.
		expect(readFileSync(out, 'utf8')).not.toMatch(/held.back|late|correct/i);
		// A revision publishing these changes is refused: each is one person, provable from both files.
		const revision = run(later, '--previous', first.out, '--revise', '--export-date', '2026-02-26');
		expect(revision.status).toBe(1);
		expect(revision.output).toMatch(/revision refused: \d+ changed counts? of 1\.\.9 people can be proven/);
		expect(revision.output).toContain('what would let it pass: wait for more changes');
		expect(existsSync(revision.out)).toBe(false);
		// An export date before the previous one's is refused.
		expect(run(later, '--previous', first.out, '--export-date', '2026-01-01').output).toContain('the new export must be later');
	}, 120_000);

	it('refuses an export with a direct identifier, naming file, line and column, and writes nothing', () => {
		const { status, output, out } = run('tests/fixtures/data-with-pii/export.csv');
		expect(status).toBe(1);
		expect(existsSync(out)).toBe(false);
		expect(output).toContain('export.csv, line 1, column 4 "Client name": refused, looks like a name column');
		expect(output).not.toContain('Aida');
	}, 60_000);
});
