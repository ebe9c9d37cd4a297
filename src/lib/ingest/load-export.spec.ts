import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { UNKNOWN } from '$lib/types';
import { loadExports, type IngestResult } from './load-export';
import { cp1251 } from '../../../tests/fixtures/encodings';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`tests/fixtures/${name}`)) });
let engine: Engine;
// More engines, as the browser has one per core: a file is then read in parts, one per engine.
let others: Engine[];
beforeAll(async () => {
	[engine, ...others] = await Promise.all([createNodeEngine(), createNodeEngine(), createNodeEngine()]);
}, 30_000);
afterAll(() => Promise.all([engine, ...others].map((e) => e.close())));

/** The same load on 2 or 3 engines, the file cut into parts however small. */
const inParts = (count: number, files: Parameters<typeof loadExports>[1]) => loadExports([engine, ...others.slice(0, count - 1)], files, { partBytes: 0 });

describe('loadExports(engine, [known.csv])', () => {
	let result: IngestResult;
	beforeAll(async () => {
		result = await loadExports(engine, [fixture('known.csv')]);
	});

	it('accounts for every row: read = loaded + rejected', () => {
		const [file] = result.files;
		expect([file.rowsRead, file.rowsLoaded, file.rowsRejected]).toEqual([9, 7, 2]);
		expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([9, 7, 2]);
	});

	it('counts unique people once, in the year of their first record', () => {
		expect(result.people).toBe(6);
		const byYear = new Map<number, number>();
		for (const r of result.rows) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.n);
		expect(Object.fromEntries(byYear)).toEqual({ 2023: 3, 2024: 2, 2025: 1 });
		const p1 = result.rows.find((r) => r.year === 2023 && r.age === '18-59' && r.disability === 'yes');
		expect(p1).toMatchObject({ organisation: 'A', programme: 'Shelter', nationality: 'KG', sex: 'female', region: 'Chuy' });
	});

	it('normalises values in three languages and keeps unrecognised ones as unknown', () => {
		const p3 = result.rows.find((r) => r.organisation === 'B' && r.year === 2023);
		expect(p3).toMatchObject({ sex: 'female', age: '12-17', nationality: 'KG', disability: 'yes' });
		const p6 = result.rows.find((r) => r.region === 'Talas');
		expect(p6).toMatchObject({ year: 2024, sex: UNKNOWN, nationality: UNKNOWN, disability: UNKNOWN, age: '18-59' });
		const p8 = result.rows.find((r) => r.year === 2025);
		expect(p8).toMatchObject({ organisation: 'B, Inc', group: 'Survivor, "DV"', nationality: 'stateless', region: 'Osh city' });
	});

	it('reports each problem with its count and line numbers', () => {
		const problems = result.files[0].problems.map((p) => ({ field: p.field, rows: p.rows, lines: p.lines, rejected: p.rejected, values: p.values }));
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ field: 'date', rows: 1, lines: [7], rejected: true }),
				expect.objectContaining({ field: 'date', rows: 1, lines: [9], rejected: true }),
				{ field: 'sex', rows: 1, lines: [8], rejected: false, values: ['?'] },
				{ field: 'nationality', rows: 1, lines: [8], rejected: false, values: ['Atlantis'] },
				{ field: 'disability', rows: 1, lines: [8], rejected: false, values: ['maybe'] }
			])
		);
	});
});

it('reads a Windows-1251, semicolon, CRLF export with Russian headers and dd.mm.yyyy dates', async () => {
	const text = ['Код клиента;Дата регистрации;Пол;Возраст;Гражданство;Инвалидность', 'A1;01.02.2022;жен;34;Кыргызстан;да', 'A2;03.04.2023;муж;12;Узбекистан;нет', ''].join('\r\n');
	const result = await loadExports(engine, [{ name: 'ru.csv', bytes: cp1251(text) }]);
	expect(result.files[0].encoding).toBe('windows-1251');
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([2, 2, 0]);
	expect(result.rows.map((r) => [r.year, r.sex, r.age, r.nationality, r.disability])).toEqual([
		[2022, 'female', '18-59', 'KG', 'yes'],
		[2023, 'male', '12-17', 'UZ', 'no']
	]);
});

it('never loads a refused identifier column and names it in the report', async () => {
	const text = 'id,year,full_name,phone,sex\n1,2024,Aida Example,+996 555 123 456,F\n2,2024,Bek Example,+996 700 000 000,M\n';
	const result = await loadExports(engine, [{ name: 'pii.csv', bytes: new TextEncoder().encode(text) }]);
	const refused = result.files[0].columns.filter((c) => c.status === 'refused').map((c) => c.header);
	expect(refused).toEqual(['full_name', 'phone']);
	expect(JSON.stringify(result)).not.toMatch(/Aida|Bek|555 123/);
	expect(result.people).toBe(2);
});

it('sums a count column for pre-aggregated exports and rejects a row whose count is invalid', async () => {
	const text = 'year,sex,count\n2024,F,12\n2024,M,3\n2025,F,-1\n';
	const result = await loadExports(engine, [{ name: 'agg.csv', bytes: new TextEncoder().encode(text) }]);
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.people]).toEqual([3, 2, 1, 15]);
});

// Phone numbers under a "number" header (a count alias) overflowed the engine's INTEGER codes: the
// load stopped with a DuckDB cast error. Each is an invalid count now, its row rejected on its line.
it('rejects a row whose count is beyond any register (a phone number under "number"), on one engine and in parts', async () => {
	const text = 'year,sex,number\n2024,F,9193046161\n2024,M,2\n2023,F,5551234567\n';
	for (const result of [await loadExports(engine, [{ name: 'phones.csv', bytes: new TextEncoder().encode(text) }]), await inParts(3, [{ name: 'phones.csv', bytes: new TextEncoder().encode(text) }])]) {
		expect([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.people]).toEqual([3, 1, 2, 2]);
		const [problem] = result.files[0].problems;
		expect(problem).toMatchObject({ field: 'count', kind: 'invalid count', rows: 2, lines: [2, 4], rejected: true });
	}
});

it("reads an export that starts with Excel's sep= line, with the problems' physical line numbers", async () => {
	const text = 'sep=;\r\nyear;sex;nationality\r\n2024;F;KG\r\n2024;M;Atlantis\r\nn/a;F;KG\r\n';
	const result = await loadExports(engine, [{ name: 'excel.csv', bytes: new TextEncoder().encode(text) }]);
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.people]).toEqual([3, 2, 1, 2]);
	expect(result.files[0].problems.map((p) => [p.field, p.lines])).toEqual([['year', [5]], ['nationality', [4]]]);
});

it("rejects Excel's trailing ';;;;' rows as empty rows, not as rows with a missing date, each with its lines", async () => {
	const text = 'id;date;sex;nationality;notes\r\nA1;01.02.2024;F;KG;\r\nA2;;M;KG;\r\n;;;;\r\nA3;03.04.2024;F;UZ;\r\n;;;;\r\n;;;;seen twice\r\n';
	const result = await loadExports(engine, [{ name: 'excel.csv', bytes: new TextEncoder().encode(text) }]);
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.people]).toEqual([6, 2, 4, 2]);
	expect(result.files[0].problems.map((p) => [p.field, p.kind, p.rows, p.lines, p.rejected])).toEqual([
		['date', 'empty row (no recognised field filled)', 3, [4, 6, 7], true],
		['date', 'missing date', 1, [3], true]
	]);
});

it('reads a report whose header follows a title line, with the physical line numbers of its problems', async () => {
	const text = 'Отчёт по клиентам\n\nгод;пол;гражданство\n2024;Ж;KG\n2024;М;Атлантида\n';
	const result = await loadExports(engine, [{ name: 'report.csv', bytes: new TextEncoder().encode(text) }]);
	expect([result.rowsRead, result.rowsLoaded, result.people]).toEqual([2, 2, 2]);
	expect(result.files[0].problems.map((p) => [p.field, p.lines])).toEqual([['nationality', [5]]]);
});

it('combines several exports and counts a person present in both once', async () => {
	const a = 'case_id,year\nX,2022\nY,2023\n';
	const b = 'case_id;year\nX;2024\nZ;2024\n';
	const enc = (t: string) => new TextEncoder().encode(t);
	const result = await loadExports(engine, [{ name: 'a.csv', bytes: enc(a) }, { name: 'b.csv', bytes: enc(b) }]);
	expect(result.people).toBe(3);
	expect(result.rows.map((r) => [r.year, r.n])).toEqual([[2022, 1], [2023, 1], [2024, 1]]);
});

it('asks which column is the year when none is recognised, and loads with the answer', async () => {
	const text = 'when,sex\n2024,F\n2025,M\n';
	const file = { name: 'odd.csv', bytes: new TextEncoder().encode(text) };
	const first = await loadExports(engine, [file]);
	expect(first.files[0].needsMapping).toBe(true);
	const second = await loadExports(engine, [file], { choices: { 'odd.csv': { year: 0 } } });
	expect(second.people).toBe(2);
});

it('classifies disability from the six Washington Group domains and reports an unrecognised answer', async () => {
	const text = [
		'year,wg_seeing,wg_hearing,wg_walking,wg_remembering,wg_self_care,wg_communicating',
		'2024,1,1,3,1,1,1',
		'2024,no difficulty,some difficulty,1,1,1,1',
		'2024,1,1,1,,1,1',
		'2024,cannot do at all,1,1,1,1,often'
	].join('\n');
	const result = await loadExports(engine, [{ name: 'wg.csv', bytes: new TextEncoder().encode(text) }]);
	expect(result.rows.map((r) => [r.disability, r.n]).sort()).toEqual([['no', 1], ['yes', 2], [UNKNOWN, 1]]);
	expect(result.files[0].problems).toEqual([
		{ field: 'wg_communicating', kind: 'unrecognised Washington Group answer', values: ['often'], rows: 1, lines: [5], rejected: false }
	]);
});

it('rejects a row with more or fewer fields than the header, with its line', async () => {
	const text = 'year,sex\n2024,F\n2024,M,extra\n2025\n2025,F\n';
	const result = await loadExports(engine, [{ name: 'ragged.csv', bytes: new TextEncoder().encode(text) }]);
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([4, 2, 2]);
	expect(result.files[0].problems.map((p) => [p.kind, p.lines])).toEqual([
		['more fields than the header has (2)', [3]],
		['fewer fields than the header has (2)', [4]]
	]);
});

it('reads an export in parts on several engines as one engine reads it whole', async () => {
	const enc = (text: string) => new TextEncoder().encode(text);
	const exports = [
		fixture('known.csv'),
		{ name: 'ru.csv', bytes: cp1251('Код клиента;Дата регистрации;Пол\r\nA1;01.02.2022;жен\r\nA2;;муж\r\nA1;03.04.2023;жен\r\n;;\r\n') },
		{ name: 'sep.csv', bytes: enc('sep=;\r\nyear;sex;nationality\r\n2024;F;KG\r\n2024;M;Atlantis\r\nn/a;F;KG\r\n2025;F;"Kyrgyz\r\nstan"\r\n') },
		{ name: 'title.csv', bytes: enc('Отчёт по клиентам\n\nгод;пол;гражданство\n2024;Ж;KG\n2024;М;Атлантида\n2025;Ж;KG\n') },
		{ name: 'ragged.csv', bytes: enc('year,sex\n2024,F\n2024,F,extra\n2024\n2025,M\n2025,M,x,y\n') },
		{ name: 'agg.csv', bytes: enc('year,sex,count\n2024,F,12\n2024,M,3\n2025,F,-1\n2025,M,4\n') }
	];
	for (const file of exports) {
		const whole = await loadExports(engine, [file]);
		for (const count of [2, 3]) expect(await inParts(count, [file]), `${file.name} in ${count} parts`).toEqual(whole);
	}
	expect(await inParts(3, exports)).toEqual(await loadExports(engine, exports));
}, 60_000);

describe('loadExports on generated messy exports', () => {
	const year = fc.oneof(fc.integer({ min: 2015, max: 2026 }).map(String), fc.constantFrom('', '20233', 'n/a', '15.03.2024', '31.02.2024'));
	const text = fc.string({ unit: fc.constantFrom('a', 'Ж', ' ', ',', ';', '"', '\n', '\t', '?', '1'), maxLength: 8 });
	const record = fc.tuple(fc.string({ unit: fc.constantFrom('P', '1', '2', '3'), minLength: 1, maxLength: 3 }), year, text, text);

	it('never crash and always account for every row: read = loaded + rejected', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(record, { minLength: 1, maxLength: 40 }),
				fc.constantFrom(',', ';', '\t'),
				fc.constantFrom('\n', '\r\n'),
				fc.boolean(),
				fc.integer({ min: 2, max: 3 }),
				async (records, delimiter, newline, ragged, parts) => {
					const rows = records.map((r, i) => (ragged && i % 5 === 4 ? [...r, 'extra'] : r));
					const csv = Papa.unparse([['case_id', 'year', 'sex', 'nationality'], ...rows], { delimiter, newline, quotes: true });
					const result = await loadExports(engine, [{ name: 'messy.csv', bytes: new TextEncoder().encode(csv) }]);
					const [file] = result.files;
					expect(file.error).toBeUndefined();
					expect(file.rowsRead).toBe(records.length);
					expect(file.rowsLoaded + file.rowsRejected).toBe(file.rowsRead);
					expect(result.rows.reduce((s, r) => s + r.n, 0)).toBe(result.people);
					expect(result.people).toBeLessThanOrEqual(file.rowsLoaded);
					// Read in parts by several engines: the same result, problems and their lines included.
					expect(await inParts(parts, [{ name: 'messy.csv', bytes: new TextEncoder().encode(csv) }])).toEqual(result);
				}
			),
			{ seed: 11, numRuns: 40 }
		);
	}, 120_000);
});

describe('unique people', () => {
	// Ids from a small pool recur, some rows have none, and ties in year are broken by line.
	const row = fc.record({
		id: fc.constantFrom('', 'A', 'B', 'C', 'D', 'E'),
		year: fc.constantFrom('2021', '2022', '2023', 'n/a'),
		sex: fc.constantFrom('F', 'M'),
		count: fc.constantFrom('1', '2', '5', 'x')
	});

	/** The definition, written plainly: each id once, as its first valid record; a row without an id is `count` people. */
	function expected(rows: { id: string; year: string; sex: string; count: string }[]) {
		const valid = rows.filter((r) => r.year !== 'n/a' && r.count !== 'x');
		const firstById = new Map<string, (typeof valid)[number]>();
		for (const r of valid) if (r.id && (!firstById.has(r.id) || Number(r.year) < Number(firstById.get(r.id)!.year))) firstById.set(r.id, r);
		const people = [...valid.filter((r) => !r.id).map((r) => ({ ...r, n: Number(r.count) })), ...[...firstById.values()].map((r) => ({ ...r, n: 1 }))];
		const out = new Map<string, number>();
		for (const p of people) out.set(`${p.year} ${p.sex === 'F' ? 'female' : 'male'}`, (out.get(`${p.year} ${p.sex === 'F' ? 'female' : 'male'}`) ?? 0) + p.n);
		return Object.fromEntries([...out].sort());
	}

	it('are each counted once, in the year and with the attributes of their first valid record', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 3 }), async (rows, parts) => {
				const csv = ['case_id,year,sex,count', ...rows.map((r) => `${r.id},${r.year},${r.sex},${r.count}`)].join('\n');
				const file = { name: 'ids.csv', bytes: new TextEncoder().encode(csv) };
				const result = parts === 1 ? await loadExports(engine, [file]) : await inParts(parts, [file]);
				const got = new Map<string, number>();
				for (const r of result.rows) got.set(`${r.year} ${r.sex}`, (got.get(`${r.year} ${r.sex}`) ?? 0) + r.n);
				expect(Object.fromEntries([...got].sort())).toEqual(expected(rows));
			}),
			{ seed: 5, numRuns: 60 }
		);
	}, 120_000);
});
