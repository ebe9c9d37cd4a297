/**
 * `npm run release` says a key field no header names (#23, item 3): without an id each row is a
 * person, and the column whose values propose one is named by its place — for a CSV export and
 * for the same register as a workbook.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { russianRegister, unnamedIdRegister } from '../tests/fixtures/registers-by-meaning';

function release(name: string, bytes: Uint8Array | string) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'key-fields-'));
	writeFileSync(path.join(dir, name), bytes);
	const result = spawnSync('node', ['scripts/release.mjs', path.join(dir, name), '--out', path.join(dir, 'release.json'), '--export-date', '2026-01-15'], { encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm run release -- FILE: the key fields', () => {
	it('an id no header names: each row counted as a person, the candidate by its place (CSV, and a workbook by its cell)', () => {
		const register = unnamedIdRegister();
		const csv = release(register.name, register.csv);
		expect(csv.status).toBe(0);
		expect(csv.output).toContain(`${register.name}: ${register.truth.rows} rows read = ${register.truth.rows} loaded + 0 rejected`);
		expect(csv.output).toContain('  person id: none named — each row is counted as one person; the column at line 1, column 2 looks like one');
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(register.table), 'Реестр');
		const xlsx = release('досье.xlsx', new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })));
		expect(xlsx.status).toBe(0);
		expect(xlsx.output).toContain('  person id: none named — each row is counted as one person; the column at Реестр!B1 looks like one');
		for (const value of register.table.slice(1, 10).map((row) => row[1])) expect(csv.output + xlsx.output).not.toContain(value);
	}, 120_000);

	it('the «№ дела» register: nothing to say of its id (a header names it)', () => {
		const register = russianRegister();
		const { status, output } = release(register.name, register.csv);
		expect(status).toBe(0);
		expect(output).not.toContain('person id');
		expect(output).toContain(`${register.name}: ${register.truth.rows} rows read`);
	}, 60_000);
});
