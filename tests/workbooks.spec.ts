/**
 * Workbooks and Parquet read through the same ingest as a CSV (Node engine, the code /upload
 * runs): figures known from the fixtures (tests/fixtures/workbooks.ts, register.parquet),
 * problems named by sheet and cell, and a clear message for a file that cannot be read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readExports } from '$lib/server/read-data';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports, type IngestResult } from '$lib/ingest/load-export';
import { placesOf } from '$lib/ingest/sheet-text';
import { isWorkbook } from '$lib/ingest/workbook';
import * as W from './fixtures/workbooks';

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine?.close());

const load = (name: string, bytes: Uint8Array, sheets?: Record<string, string>) => loadExports(engine, [{ name, bytes }], { sheets, exportDate: '2026-11-30' });
const byYear = (result: IngestResult) => {
	const out: Record<number, number> = {};
	for (const r of result.rows) out[r.year] = (out[r.year] ?? 0) + r.n;
	return out;
};
const disabled = (result: IngestResult) => result.rows.filter((r) => r.disability === 'yes').reduce((s, r) => s + r.n, 0);

describe.each([
	['register.xlsx', W.registerXlsx, 'dates in the 1900 system, a hidden row, merged header cells, a formula column'],
	['register-1904.xls', W.register1904Xls, 'Excel 97 (BIFF8), dates in the 1904 system'],
	['register.ods', W.registerOds, 'OpenDocument']
])('%s (%s)', (name, make) => {
	let result: IngestResult;
	beforeAll(async () => (result = await load(name, new Uint8Array(make()))));

	it('reads every row to the figures the fixture was made with: read = loaded + rejected', () => {
		const [file] = result.files;
		expect(file.error).toBeUndefined();
		expect([file.rowsRead, file.rowsLoaded, file.rowsRejected]).toEqual([W.REGISTER.read, W.REGISTER.loaded, W.REGISTER.rejected]);
		expect(result.people).toBe(W.REGISTER.people);
		expect(byYear(result)).toEqual(W.REGISTER.byYear);
		expect(disabled(result)).toBe(W.REGISTER.disability);
		expect(result.rows.filter((r) => r.nationality === 'UZ').reduce((s, r) => s + r.n, 0)).toBe(12);
	});

	it('names the rejected date by sheet and cell, as the spreadsheet shows it', () => {
		const [file] = result.files;
		const date = file.problems.find((p) => p.field === 'date' && p.rejected)!;
		const row = name === 'register.ods' ? 32 : 35;
		expect(placesOf(file, date)).toEqual([`Регистр!B${row}`]);
		expect(file.sheet?.sheet).toBe('Регистр');
	});
});

describe('register.xlsx: what a person expects of a spreadsheet', () => {
	it('reads its hidden row like the others, and says so; a merged header names each column', async () => {
		const result = await load('register.xlsx', new Uint8Array(W.registerXlsx()));
		const [file] = result.files;
		expect(file.sheet?.hidden).toEqual([9]);
		expect(file.fieldColumns).toMatchObject({ sex: 'Пол', age: 'Возраст', date: 'Дата регистрации', nationality: 'Гражданство' });
		// The formula column is read as its cached value, and is no field of the contract.
		expect(file.headers).toContain('Дней в программе');
	});

	it('reads a spreadsheet date as the same day in both date systems', () => {
		const day = new Date(Date.UTC(2024, 2, 15));
		expect(W.serial(day) - W.serial(day, true)).toBe(1462);
	});
});

describe('two-sheets.xlsx', () => {
	it('reads the first sheet with data, names both, and reads the other when it is picked', async () => {
		const bytes = new Uint8Array(W.twoSheetsXlsx());
		const first = await load('two-sheets.xlsx', bytes);
		expect(first.files[0].sheet).toMatchObject({ sheet: '2023', sheets: ['2023', '2024'] });
		expect([first.rowsRead, first.people, byYear(first)]).toEqual([18, 18, { 2023: 18 }]);
		const second = await load('two-sheets.xlsx', bytes, { 'two-sheets.xlsx': '2024' });
		expect(second.files[0].sheet?.sheet).toBe('2024');
		expect([second.rowsRead, second.people, byYear(second)]).toEqual([12, 12, { 2024: 12 }]);
	});
});

describe('a workbook that cannot be read', () => {
	it.each([
		['damaged.xlsx', W.corruptXlsx, /damaged\.xlsx: it looks like a workbook but could not be read .* it may be damaged/],
		['locked.xlsx', W.passwordXlsx, /locked\.xlsx: the workbook is protected by a password/]
	])('%s gets a clear message, and nothing is loaded', async (name, make, message) => {
		const result = await load(name, new Uint8Array(make()));
		expect(result.files[0].error).toMatch(message);
		expect([result.rowsRead, result.rowsLoaded, result.people]).toEqual([0, 0, 0]);
	});

	it('a workbook is known by its bytes, not its name', () => {
		expect(isWorkbook(new Uint8Array(W.registerXlsx()))).toBe(true);
		expect(isWorkbook(new Uint8Array(W.register1904Xls()))).toBe(true);
		expect(isWorkbook(new TextEncoder().encode('id,date\n1,2024-01-01\n'))).toBe(false);
	});
});

describe('register.parquet', () => {
	const bytes = new Uint8Array(readFileSync('tests/fixtures/register.parquet'));

	it('reads every row to its known figures (a returning person counted once)', async () => {
		const result = await load('register.parquet', bytes);
		expect(result.files[0].error).toBeUndefined();
		expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([41, 41, 0]);
		expect(result.people).toBe(40);
		expect(byYear(result)).toEqual({ 2022: 25, 2023: 15 });
		expect(disabled(result)).toBe(5);
		expect(result.rows.filter((r) => r.nationality === 'TJ').reduce((s, r) => s + r.n, 0)).toBe(15);
	});

	it('a Parquet file cut short gets a clear message', async () => {
		const result = await load('cut.parquet', bytes.subarray(0, 900));
		expect(result.files[0].error).toMatch(/^cut\.parquet: /);
		expect(result.rowsLoaded).toBe(0);
	});
});

describe('data/ for the build', () => {
	it('takes workbooks and Parquet files beside CSV exports, and leaves notes alone', async () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'impact-data-'));
		writeFileSync(path.join(dir, 'register.xlsx'), W.registerXlsx());
		writeFileSync(path.join(dir, 'register.parquet'), readFileSync('tests/fixtures/register.parquet'));
		writeFileSync(path.join(dir, 'a.csv'), 'id,date\n1,2024-01-01\n');
		writeFileSync(path.join(dir, 'notes.txt'), 'not an export');
		const files = await readExports(dir);
		expect(files.map((f) => path.basename(f.name))).toEqual(['a.csv', 'register.parquet', 'register.xlsx']);
		const result = await loadExports(engine, files, { exportDate: '2026-11-30' });
		expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([1 + 41 + 31, 1 + 41 + 30, 1]);
	});
});

describe('the fast .xlsx reader', () => {
	it('reads what SheetJS reads: every value, date format, merge and hidden row of the fixtures', async () => {
		const XLSX = await import('@e965/xlsx');
		const { readXlsxSheets } = await import('$lib/ingest/xlsx-sheets');
		for (const make of [W.registerXlsx, W.twoSheetsXlsx]) {
			const bytes = new Uint8Array(make());
			const fast = readXlsxSheets(XLSX, bytes)!;
			const slow = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: false, cellStyles: true });
			expect(fast.SheetNames).toEqual(slow.SheetNames);
			for (const name of slow.SheetNames) {
				const [f, s] = [fast.Sheets[name], slow.Sheets[name]];
				expect(f['!ref']).toBe(s['!ref']);
				expect(f['!merges']).toEqual(s['!merges']);
				const values = (data: import('@e965/xlsx').CellObject[][]) => data.map((row) => (row ?? []).map((c) => (c ? [c.t, c.v, c.t === 'n' ? (c.z ?? 'General') : ''] : null)));
				expect(values(f['!data']!)).toEqual(values(s['!data']!));
				expect([...fast.hiddenRows[name]]).toEqual((s['!rows'] ?? []).flatMap((r, i) => (r?.hidden ? [i + 1] : [])));
			}
		}
	});
});
