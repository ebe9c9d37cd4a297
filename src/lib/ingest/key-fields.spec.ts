/**
 * Registers as real registers and survey tools write their headers, with repeat visits: read to their
 * exact people, disability share and nationalities without a choice; an id no header names proposed
 * by its values, and used once chosen; a file of one row per person given no false id. As CSV, as a
 * workbook and as Parquet. Fixtures with known answers: tests/fixtures/registers-by-meaning.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports, type ColumnChoice, type IngestResult } from './load-export';
import { profileColumns, idScore } from '$lib/normalise/profile';
import { UNKNOWN } from '$lib/types';
import { formatCheck } from '$lib/server/release-exports';
import { checkReportCsv } from '$lib/upload/check-report-csv';
import en from '$lib/i18n/messages/en';
import ru from '$lib/i18n/messages/ru';
import { englishRegister, koboExport, oneRowPerPerson, russianRegister, unnamedIdRegister, type Register } from '../../../tests/fixtures/registers-by-meaning';

vi.setConfig({ testTimeout: 30_000 });

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const load = (name: string, bytes: Uint8Array, choice?: ColumnChoice) =>
	loadExports(engine, [{ name, bytes }], { exportDate: '2026-01-15', choices: choice ? { [name]: choice } : undefined });
const csv = (r: Register) => new TextEncoder().encode(r.csv);

function figures(result: IngestResult) {
	const sum = (keep: (row: IngestResult['rows'][number]) => boolean) => result.rows.filter(keep).reduce((s, row) => s + row.n, 0);
	return {
		rows: result.rowsRead,
		people: result.people,
		disabled: sum((r) => r.disability === 'yes'),
		known: sum((r) => r.disability !== UNKNOWN),
		nationalities: new Set(result.rows.filter((r) => !r.nationality.startsWith('~') && r.nationality !== 'stateless').map((r) => r.nationality)).size
	};
}

describe('registers written as registers write them, with repeat visits', () => {
	it.each([
		['the Russian «№ дела» register', russianRegister, '№ дела', 'Дата первичного обращения'],
		['the KoboToolbox export', koboExport, 'group_intake/beneficiary_code', 'group_intake/date_of_service'],
		['the English "Case #" register', englishRegister, 'Case #', 'Date of first contact']
	])('%s: its exact people, disability share and nationalities, without a choice', async (_, make, id, date) => {
		const register = make();
		const result = await load(register.name, csv(register));
		expect(figures(result)).toEqual(register.truth);
		expect(result.files[0].keyFields).toEqual([
			{ field: 'id', status: 'recognised', column: id, confirmed: true },
			{ field: 'date', status: 'recognised', column: date }
		]);
		expect(result.files[0].problems).toEqual([]);
	});

	it('the Kobo export: its metadata ignored as such, the submission _id never the person', async () => {
		const register = koboExport();
		const { files } = await load(register.name, csv(register));
		const byHeader = Object.fromEntries(files[0].columns.map((c) => [c.header, c]));
		for (const h of ['start', 'end', 'today', '_id', '_uuid', '_submission_time', '_index']) expect(byHeader[h]).toMatchObject({ status: 'ignored', reason: 'survey tool metadata (which submission, when)' });
		expect(files[0].fieldColumns?.id).toBe('group_intake/beneficiary_code');
	});

	it('the Russian register as a workbook (.xlsx): the same people and key fields; the «Досье» register as Parquet: the same candidate', async () => {
		const ru = russianRegister();
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(ru.table), 'Реестр');
		const xlsx = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
		const fromBook = await load('реестр.xlsx', xlsx);
		expect(figures(fromBook)).toEqual(ru.truth);
		expect(fromBook.files[0].keyFields?.map((k) => [k.field, k.status])).toEqual([['id', 'recognised'], ['date', 'recognised']]);

		const unnamed = unnamedIdRegister();
		const [header, ...rows] = unnamed.table;
		const parquet = new Uint8Array(parquetWriteBuffer({ columnData: header.map((name, c) => ({ name, data: rows.map((r) => r[c]) })) }));
		const fromParquet = await load('досье.parquet', parquet);
		expect(fromParquet.files[0].keyFields?.[0]).toEqual({ field: 'id', status: 'guessed', candidate: 'Досье', candidateIndex: 1 });
	});
});

describe('an id no header names', () => {
	it('is proposed by its values (codes repeating on other dates), each row counted as a person until it is chosen', async () => {
		const register = unnamedIdRegister();
		const before = await load(register.name, csv(register));
		expect(before.files[0].keyFields?.[0]).toEqual({ field: 'id', status: 'guessed', candidate: 'Досье', candidateIndex: 1 });
		expect(before.files[0].columns[1]).toMatchObject({ status: 'ignored', guess: 'id' });
		expect(before.people).toBe(register.truth.rows);
		const after = await load(register.name, csv(register), { id: 1 });
		expect(after.files[0].keyFields?.[0]).toEqual({ field: 'id', status: 'recognised', column: 'Досье', confirmed: true });
		expect(figures(after)).toEqual(register.truth);
	});

	it('is said first by `npm run release` (by its place, no value) and in the check report spreadsheet, in the page language', async () => {
		const register = unnamedIdRegister();
		const { files } = await load(register.name, csv(register));
		const printed = formatCheck(files).split('\n');
		expect(printed[1]).toBe(
			'  person id: none named — each row is counted as one person; the column at line 1, column 2 looks like one (its codes repeat on rows with different dates): name it "case_id" in the header row, or choose it on /upload'
		);
		for (const row of register.table.slice(1, 20)) for (const value of row.slice(1, 2)) expect(formatCheck(files)).not.toContain(value);
		expect(checkReportCsv(files, en, 'en')).toContain(en.idGuessed('Досье'));
		expect(checkReportCsv(files, ru, 'ru')).toContain(ru.idGuessed('Досье'));
		const plain = await load('no-id.csv', new TextEncoder().encode('date,sex\n2024-01-01,F\n2024-01-02,M\n'));
		expect(formatCheck(plain.files).split('\n')[1]).toBe('  person id: none — each row is counted as one person (someone registered twice is counted twice)');
		const known = russianRegister();
		expect(formatCheck((await load(known.name, csv(known))).files)).not.toContain('person id');
	});

	it('under «№»: taken for a row number by its header, yet proposed when its values repeat on other dates', async () => {
		const register = unnamedIdRegister();
		const text = register.csv.replace('Досье', '№');
		const { files } = await load('nomer.csv', new TextEncoder().encode(text));
		expect(files[0].columns[1]).toMatchObject({ status: 'ignored', reason: 'row number', guess: 'id' });
		expect(files[0].keyFields?.[0]).toEqual({ field: 'id', status: 'guessed', candidate: '№', candidateIndex: 1 });
	});

	it('a header that names the id over few codes (an organisation\'s): read as named, and said to be in doubt', async () => {
		const text = 'Код,Дата обращения,Пол\n' + Array.from({ length: 60 }, (_, i) => `ORG-${i % 3},${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.2024,ж`).join('\n') + '\n';
		const { files, people } = await load('org.csv', new TextEncoder().encode(text));
		expect(files[0].keyFields?.[0]).toEqual({ field: 'id', status: 'recognised', column: 'Код', confirmed: false });
		expect(people).toBe(3);
		expect(formatCheck(files).split('\n')[1]).toBe(
			"  person id: the column at line 1, column 1 holds few codes for its rows (the same code on many rows): if it is a group's or an organisation's code, many people are counted as one"
		);
		expect(checkReportCsv(files, en, 'en')).toContain(en.idDoubt('Код'));
	});

	it('is not proposed where codes repeat on the same date (a household, a group registered together)', () => {
		const rows = Array.from({ length: 40 }, (_, i) => [`H-${Math.floor(i / 2)}`, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`]);
		for (let i = 0; i < rows.length; i += 2) rows[i + 1][1] = rows[i][1];
		const [same] = profileColumns(rows, [0], (row) => row[1]);
		expect(idScore(same, rows.length, true)).toBe(0);
		rows[1][1] = '2024-03-01';
		rows[3][1] = '2024-03-02';
		const [visits] = profileColumns(rows, [0], (row) => row[1]);
		expect(visits.repeatedOnOtherDates).toBe(2);
		expect(idScore(visits, rows.length, true)).toBe(0);
	});
});

describe('a register of one row per person (CTDC)', () => {
	it('gets no false id, and its "Age 30-38" categories give every person an age group', async () => {
		const register = oneRowPerPerson();
		const result = await load(register.name, csv(register));
		expect(result.files[0].keyFields).toEqual([{ field: 'id', status: 'missing' }, { field: 'year', status: 'recognised', column: 'yearOfRegistration' }]);
		expect(result.files[0].columns.some((c) => c.guess)).toBe(false);
		expect(result.people).toBe(register.truth.people);
		expect(result.rows.filter((r) => r.age === UNKNOWN)).toEqual([]);
	});

	it('tests/fixtures/ctdc.csv: no id proposed', async () => {
		const result = await load('ctdc.csv', new Uint8Array(readFileSync('tests/fixtures/ctdc.csv')));
		expect(result.files[0].keyFields?.[0]).toEqual({ field: 'id', status: 'missing' });
	});
});

describe('a date no header names', () => {
	it('is proposed by its values and not used until chosen: the file still asks which column is the date', async () => {
		const text = 'Когда,Пол,Гражданство\n' + Array.from({ length: 20 }, (_, i) => `${String(1 + i).padStart(2, '0')}.03.2024,ж,KG`).join('\n') + '\n';
		const { files } = await load('when.csv', new TextEncoder().encode(text));
		expect(files[0].needsMapping).toBe(true);
		expect(files[0].keyFields).toEqual([{ field: 'id', status: 'missing' }, { field: 'date', status: 'guessed', candidate: 'Когда', candidateIndex: 0 }]);
	});
});
