/**
 * A header its column's values do not confirm (field-doubts.ts): said in the check report, in
 * `npm run release` and in the check report spreadsheet, by the column's header and place and the
 * share, never a value; the column whose values fit proposed; and no false alarm on real registers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { mapHeaders } from '$lib/normalise/fields';
import { fieldReading } from '$lib/normalise/profile';
import { formatCheck } from '$lib/server/release-exports';
import { checkReportCsv } from '$lib/upload/check-report-csv';
import en from '$lib/i18n/messages/en';
import ru from '$lib/i18n/messages/ru';
import ky from '$lib/i18n/messages/ky';
import { formatPercent } from '$lib/i18n/format';
import { chooseColumns } from './columns';
import { fieldDoubts } from './field-doubts';
import { loadExports, type ColumnChoice } from './load-export';
import { englishRegister, koboExport, oneRowPerPerson, russianRegister, unnamedIdRegister } from '../../../tests/fixtures/registers-by-meaning';
import { ctdcWithFlags } from '../../../tests/fixtures/ctdc-flags';

vi.setConfig({ testTimeout: 30_000 });

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const utf8 = (text: string) => new TextEncoder().encode(text);
const load = (name: string, bytes: Uint8Array, choice?: ColumnChoice) => loadExports(engine, [{ name, bytes }], { exportDate: '2026-01-15', choices: choice ? { [name]: choice } : undefined });

/** The doubts of a table (header first) read as its headers name it. */
function doubtsOf(table: string[][]) {
	const [headers, ...rows] = table;
	const { columns } = mapHeaders(headers);
	return fieldDoubts(columns, chooseColumns(columns), rows);
}

const day = (i: number) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
/** 30 visits: a "Sex" column holding dates, the sexes under "Q7" (a header that says nothing). */
const swapped = () => [
	['case_id', 'registration_date', 'Sex', 'Q7', 'nationality'],
	...Array.from({ length: 30 }, (_, i) => [`C-${100 + (i % 20)}`, day(i), day(i + 3), i % 3 ? 'F' : 'M', 'KG'])
];
const csvOf = (table: string[][]) => table.map((r) => r.join(',')).join('\n') + '\n';

describe('fieldDoubts(columns, chosen, rows): the values against the header', () => {
	it('a "Sex" column holding dates is in doubt: all 30 of its values do not read as a sex', () => {
		expect(doubtsOf(swapped())).toEqual([{ field: 'sex', column: 'Sex', index: 2, read: 30, notReading: 30 }]);
	});

	it('a "Date" column of dates in several formats is confirmed; so are ages as bands, sexes as 1/2 or м/ж, countries as ISO codes, yes/no as 1/0', () => {
		const formats = ['2024-03-15', '15.03.2024', '15/03/2024', '3/15/2024', '15 марта 2024', 'March 15, 2024', '2024-03-15 10:22', '20240315', 'Q1 2024', '2023'];
		const bands = ['0-4', '18-59', '60+', 'Age 30-38', '0--8', 'adult', '34', '5 лет'];
		const table = [
			['Date', 'Age group', 'Sex', 'Пол', 'Nationality', 'Disability'],
			...Array.from({ length: 40 }, (_, i) => [formats[i % formats.length], bands[i % bands.length], String(1 + (i % 2)), i % 2 ? 'м' : 'ж', ['KG', 'KGZ', 'UZ', 'TJK', 'RU'][i % 5], String(i % 2)])
		];
		expect(doubtsOf(table)).toEqual([]);
	});

	it('wrong values of the right shape are no doubt: dates out of range or with two-digit years, an age across 18, a year before 1950 (reported as problems by line)', () => {
		const table = [['date', 'age', 'year'], ...Array.from({ length: 30 }, (_, i) => [i % 2 ? '1899-01-01' : '15.03.24', i % 2 ? '15-24' : '130', i % 2 ? '1900' : '2024'])];
		expect(doubtsOf(table)).toEqual([]);
	});

	it('fewer than 20 filled values are not weighed; a column mostly read as its field is not in doubt', () => {
		expect(doubtsOf(swapped().slice(0, 20))).toEqual([]);
		const table = swapped();
		for (let i = 1; i <= 16; i++) table[i][2] = i % 2 ? 'F' : 'm';
		expect(fieldReading(table.slice(1), 2, 'sex')).toEqual({ read: 30, notReading: 14 });
		expect(doubtsOf(table)).toEqual([]);
		table[17][2] = '';
		table[18][2] = '';
		expect(fieldReading(table.slice(1), 2, 'sex')).toEqual({ read: 28, notReading: 12 });
	});
});

describe('a header over the wrong column, as /upload, the spreadsheet and `npm run release` say it', () => {
	it('"Sex" over dates: in doubt, "Q7" (its sexes) proposed; named by header and place and the share, never a value, in three languages', async () => {
		const table = swapped();
		const result = await load('swapped.csv', utf8(csvOf(table)));
		const [file] = result.files;
		expect(file.fieldDoubts).toEqual([{ field: 'sex', column: 'Sex', index: 2, read: 30, notReading: 30, candidate: 'Q7', candidateIndex: 3 }]);
		expect(file.columns[3]).toMatchObject({ status: 'ignored', guess: 'sex' });
		// The key fields are as before: the id and the date read and confirmed.
		expect(file.keyFields).toEqual([
			{ field: 'id', status: 'recognised', column: 'case_id', confirmed: true },
			{ field: 'date', status: 'recognised', column: 'registration_date' }
		]);
		expect(formatCheck(result.files).split('\n')[1]).toBe(
			'  sex: the column at line 1, column 3 ("Sex") is read as the sex by its header, but 30 of its first 30 values (100%) do not read as one — is the header over the right column? (they are counted as unknown); the column at line 1, column 4 holds values that do: name it "sex" in the header row, or choose it on /upload'
		);
		const sentence = en.fieldDoubt('Sex', 'column 3', 'Sex', '100%');
		expect(sentence).toBe(
			'Column “Sex” (column 3) is read as “Sex” by its header, but 100% of its values do not read as such: is the header over the right column? Until it is, those values are counted as unknown (a year or date: the row is rejected).'
		);
		const lines = (m: typeof en, lang: 'en' | 'ru' | 'ky') => checkReportCsv(result.files, m, lang).split('\r\n').filter((l) => l.includes(m.fieldDoubtCandidate('Q7')));
		expect(lines(en, 'en')).toEqual([`swapped.csv,summary,Sex,"${sentence} Column “Q7” holds values that do.",,1,`]);
		expect(lines(ru, 'ru')).toHaveLength(1);
		expect(lines(ru, 'ru')[0]).toContain(ru.fieldDoubt('Sex', 'столбец 3', 'Пол', formatPercent(1, 'ru')));
		expect(lines(ky, 'ky')).toHaveLength(1);
		expect(lines(ky, 'ky')[0]).toContain(ky.fieldDoubt('Sex', '3-мамыча', 'Жынысы', formatPercent(1, 'ky')));
		// No value of the file in what is said of the doubt (the problems table lists the sexes not read, for staff, as before).
		const said = [formatCheck(result.files), ...lines(en, 'en'), ...lines(ru, 'ru'), ...lines(ky, 'ky')].join('\n');
		for (const row of table.slice(1)) for (const value of row) expect(said).not.toContain(value);
	});

	it('one click on the candidate: read as the sex, no doubt left, the people and their sexes right', async () => {
		const result = await load('swapped.csv', utf8(csvOf(swapped())), { sex: 3 });
		expect(result.files[0].fieldDoubts).toBeUndefined();
		expect(result.files[0].fieldColumns?.sex).toBe('Q7');
		expect(result.people).toBe(20);
		expect(result.rows.filter((r) => r.sex === 'male').reduce((s, r) => s + r.n, 0)).toBeGreaterThan(0);
		expect(result.rows.every((r) => r.sex === 'male' || r.sex === 'female')).toBe(true);
	});

	it('a "Date" header over case codes: the date key field not confirmed, the column of dates its candidate; said by `npm run release`', async () => {
		const table = [['Date', 'Когда', 'Sex'], ...Array.from({ length: 25 }, (_, i) => [`C-${i}`, `${String(1 + (i % 28)).padStart(2, '0')}.03.2024`, 'F'])];
		const result = await load('dates.csv', utf8(csvOf(table)));
		const [file] = result.files;
		expect(file.keyFields?.find((k) => k.field === 'date')).toEqual({ field: 'date', status: 'recognised', column: 'Date', confirmed: false, candidate: 'Когда', candidateIndex: 1 });
		expect(file.fieldDoubts).toEqual([{ field: 'date', column: 'Date', index: 0, read: 25, notReading: 25, candidate: 'Когда', candidateIndex: 1 }]);
		const printed = formatCheck(result.files);
		expect(printed).toContain(
			'  date: the column at line 1, column 1 ("Date") is read as the date by its header, but 25 of its first 25 values (100%) do not read as one — is the header over the right column? (rows without a readable one are rejected); the column at line 1, column 2 holds values that do: name it "registration_date" in the header row, or choose it on /upload'
		);
		// Never the id's doubt for a date.
		expect(printed).not.toContain('person id: the column');
		expect(checkReportCsv(result.files, en, 'en')).not.toContain(en.idDoubt('Date'));
		const chosen = await load('dates.csv', utf8(csvOf(table)), { date: 1 });
		expect(chosen.files[0].fieldDoubts).toBeUndefined();
		expect(chosen.rowsLoaded).toBe(25);
	});

	it('a "Sex" column of free text with no column to propose: only warned', async () => {
		const table = [['case_id', 'date', 'Sex'], ...Array.from({ length: 24 }, (_, i) => [`C-${i}`, day(i), `note ${i}`])];
		const { files } = await load('notes.csv', utf8(csvOf(table)));
		expect(files[0].fieldDoubts).toEqual([{ field: 'sex', column: 'Sex', index: 2, read: 24, notReading: 24 }]);
		expect(formatCheck(files)).toContain('(they are counted as unknown)\n');
	});

	it('the same as a workbook and as Parquet (read through the same path)', async () => {
		const table = swapped();
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'Register');
		const fromBook = await load('swapped.xlsx', new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })));
		expect(fromBook.files[0].fieldDoubts).toMatchObject([{ field: 'sex', column: 'Sex', index: 2, notReading: 30, read: 30, candidate: 'Q7' }]);
		expect(formatCheck(fromBook.files)).toContain('sex: the column at Register!C1 ("Sex")');
		const [header, ...rows] = table;
		const parquet = new Uint8Array(parquetWriteBuffer({ columnData: header.map((name, c) => ({ name, data: rows.map((r) => r[c]) })) }));
		const fromParquet = await load('swapped.parquet', parquet);
		expect(fromParquet.files[0].fieldDoubts).toMatchObject([{ field: 'sex', column: 'Sex', index: 2, candidate: 'Q7' }]);
	});
});

describe('no false alarm: real registers are confirmed as they are', () => {
	it.each([
		['the Russian «№ дела» register', russianRegister],
		['the KoboToolbox export', koboExport],
		['the English "Case #" register', englishRegister],
		['the «Досье» register', unnamedIdRegister],
		['a register of one row per person', oneRowPerPerson]
	])('%s: no doubt, its key fields unchanged', async (_, make) => {
		const register = make();
		const { files } = await load(register.name, utf8(register.csv));
		expect(files[0].fieldDoubts).toBeUndefined();
		expect(files[0].keyFields?.every((k) => k.confirmed !== false)).toBe(true);
	});

	it.each([['data/sample-export.csv'], ['tests/fixtures/ctdc.csv'], ['tests/fixtures/known.csv'], ['tests/fixtures/data-case-level/export.csv']])('%s: no doubt', async (path) => {
		const { files } = await load(path.split('/').at(-1)!, new Uint8Array(readFileSync(path)));
		expect(files[0].fieldDoubts).toBeUndefined();
	});

	it('the CTDC file with its flags: no doubt', async () => {
		const { files } = await load('ctdc.csv', utf8(ctdcWithFlags()));
		expect(files[0].fieldDoubts).toBeUndefined();
	});
});
