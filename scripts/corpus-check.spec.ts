import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const release = (file: string) => {
	const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'refused-')), 'release.json');
	const result = spawnSync('node', ['scripts/release.mjs', file, '--out', out, '--export-date', '2026-01-15'], { encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const write = (dir: string, name: string, text: string) => {
	const file = path.join(dir, name);
	writeFileSync(file, text);
	return file;
};

describe('npm run release -- FILE, refused', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'refused-files-'));

	it('prints the check report before the reasons: its rows read = loaded + rejected, and no value', () => {
		const file = write(dir, 'named.csv', 'year,full_name,sex\n2024,Aigul Osmonova,F\n2024,Nurlan Bekov,M\n2025,Dana Ivanova,F,extra\n');
		const { status, stdout, stderr } = release(file);
		expect(status).toBe(1);
		expect(stdout).toContain('named.csv: 3 rows read = 2 loaded + 1 rejected');
		expect(stderr).toContain('named.csv, line 1, column 2 "full_name": refused, looks like a name column');
		for (const value of ['Aigul', 'Osmonova', 'Nurlan', 'Bekov', 'Dana', 'Ivanova', 'extra']) expect(`${stdout}${stderr}`).not.toContain(value);
	}, 60_000);

	it('a file with no year or date column says its rows were not counted (not "0 rows read")', () => {
		const file = write(dir, 'undated.csv', 'code,sex\nA1,F\nA2,M\n');
		const { status, stdout, stderr } = release(file);
		expect(status).toBe(1);
		expect(stdout).toContain('undated.csv: rows not counted (no year or date column to read them by)');
		expect(stdout).not.toContain('rows read');
		expect(stderr).toContain('undated.csv: no year or date column recognised among its 2 columns');
	}, 60_000);
});

it('scripts/corpus-check.mjs runs the command on each .csv of a folder and classifies it', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
	copyFileSync('tests/fixtures/known.csv', path.join(dir, 'known.csv'));
	write(dir, 'undated.csv', 'code,sex\nA1,F\nA2,M\n');
	write(dir, 'notes.txt', 'not a .csv: not run\n');
	const result = spawnSync('node', ['scripts/corpus-check.mjs', dir, '--jobs', '2'], { encoding: 'utf8' });
	expect(result.status).toBe(0);
	expect(result.stdout).toMatch(/^published\s+1$/m);
	expect(result.stdout).toMatch(/^refused\s+1$/m);
	expect(result.stdout).toMatch(/^crash\s+0$/m);
	expect(result.stdout).toMatch(/^total\s+2$/m);
	// known.csv is well-formed CSV: its rows read were checked against PapaParse's count of its records.
	expect(result.stdout).toContain('counts checked against PapaParse (well-formed CSV): 1');
}, 120_000);
