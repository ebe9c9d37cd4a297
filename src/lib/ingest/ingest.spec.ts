import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { checkFile, decode } from './decode';
import { sniff } from './sniff';
import { lineOfRecord } from './lines';
import { readCsvSql } from './read-file';
import { createNodeEngine } from '$lib/server/engine-node';
import { cp1251 } from '../../../tests/fixtures/encodings';
import type { Engine } from '$lib/db/engine';

const utf8 = (t: string) => new TextEncoder().encode(t);
const utf16le = (t: string, bom = true) => {
	const out = new Uint8Array((t.length + (bom ? 1 : 0)) * 2);
	const s = (bom ? '\ufeff' : '') + t;
	for (let i = 0; i < s.length; i++) (out[2 * i] = s.charCodeAt(i) & 255), (out[2 * i + 1] = s.charCodeAt(i) >> 8);
	return out;
};
const utf16be = (t: string) => {
	const le = utf16le(t);
	for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
	return le;
};
const RU = 'Год;Пол;Гражданство\n2024;жен;Кыргызстан\n';

/** The csv-spectrum corpus: each CSV with the records it must give. */
function spectrum(): { name: string; text: string; expected: Record<string, string>[] }[] {
	const dir = 'node_modules/csv-spectrum';
	return readdirSync(`${dir}/csvs`).map((file) => {
		const name = file.replace(/\.csv$/, '');
		const json = JSON.parse(readFileSync(`${dir}/json/${name}.json`, 'utf8')) as Record<string, string> | Record<string, string>[];
		const expected = [json].flat();
		// The corpus's JSON disagrees with its own CSV here (1234567890 vs 2095257564): the CSV is the input.
		if (name === 'location_coordinates') expected[0]['Contact Phone Number'] = '2095257564';
		return { name, text: decode(new Uint8Array(readFileSync(`${dir}/csvs/${file}`))).text, expected };
	});
}

describe('decode(bytes)', () => {
	it('reads UTF-8 with and without BOM, UTF-16 LE/BE with BOM, UTF-16 LE without, and Windows-1251', () => {
		expect(decode(utf8(RU))).toEqual({ text: RU, encoding: 'utf-8', bom: false });
		expect(decode(utf8('\ufeff' + RU))).toEqual({ text: RU, encoding: 'utf-8', bom: true });
		expect(decode(utf16le(RU))).toEqual({ text: RU, encoding: 'utf-16le', bom: true });
		expect(decode(utf16be(RU))).toEqual({ text: RU, encoding: 'utf-16be', bom: true });
		expect(decode(utf16le('year,sex\n2024,F\n', false))).toEqual({ text: 'year,sex\n2024,F\n', encoding: 'utf-16le', bom: false });
		expect(decode(cp1251(RU))).toEqual({ text: RU, encoding: 'windows-1251', bom: false });
	});
});

describe('checkFile(name, bytes)', () => {
	it('names what a non-CSV file is', () => {
		expect(checkFile('a.csv', new Uint8Array())).toBe('a.csv: the file is empty');
		expect(checkFile('b.csv', utf8('\ufeff  \n'))).toBe('b.csv: the file is empty');
		expect(checkFile('c.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 1]))).toMatch(/^c\.xlsx: this is an Excel or OpenDocument workbook/);
		expect(checkFile('d.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0]))).toMatch(/^d\.xls: this is an old Excel workbook/);
		expect(checkFile('e.pdf', utf8('%PDF-1.7'))).toMatch(/^e\.pdf: this is a PDF/);
		expect(checkFile('f.bin', Uint8Array.from([1, 0, 0, 0, 7, 0, 0, 9, 0, 0, 0, 1]))).toBe('f.bin: this is a binary file, not CSV text.');
		expect(checkFile('g.csv', utf16le(RU))).toBeNull();
		expect(checkFile('h.csv', utf8(RU))).toBeNull();
	});
});

describe('sniff(text)', () => {
	it('finds the delimiter, header, HXL row and newline', () => {
		expect(sniff('a;b;c\r\n1;"x;y";3\r\n')).toMatchObject({ delimiter: ';', headers: ['a', 'b', 'c'], hxl: null, headerLines: 1, newline: '\r\n', preview: [['1', 'x;y', '3']] });
		expect(sniff('a\tb\n1\t2\n')).toMatchObject({ delimiter: '\t', headers: ['a', 'b'] });
		expect(sniff('date,sex\n#date,#sex\n2024-01-01,F\n')).toMatchObject({ headers: ['date', 'sex'], hxl: ['#date', '#sex'], headerLines: 2, preview: [['2024-01-01', 'F']] });
	});

	it("takes the delimiter from Excel's sep= line, which is not the header", () => {
		expect(sniff('sep=;\r\nyear;sex\r\n2024;F\r\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex'], headerLines: 2, preview: [['2024', 'F']] });
		expect(sniff('\uFEFF"sep=,"\nyear,sex\n#date,#sex\n2024,F\n')).toMatchObject({ delimiter: ',', headers: ['year', 'sex'], headerLines: 3 });
		expect(() => sniff('sep=:\nyear:sex\n2024:F\n')).toThrow('line 1 names ":" as the delimiter (sep=:)');
	});

	it('skips a title and blank lines above the header, as reports exported from other software have', () => {
		expect(sniff('Отчёт по клиентам за 2024 год\n\nгод;пол\n2024;Ж\n')).toMatchObject({ delimiter: ';', headers: ['год', 'пол'], headerLines: 3, preview: [['2024', 'Ж']] });
		expect(sniff('"Clients, 2024";;\r\nyear;sex;age\r\n2024;F;30\r\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex', 'age'], headerLines: 2 });
	});

	it('refuses a header-only or empty text with a clear reason', () => {
		expect(() => sniff('year,sex\n')).toThrow('header only: no data rows');
		expect(() => sniff('  \n')).toThrow('the file is empty');
	});

	it('gives the headers and records of the csv-spectrum corpus', () => {
		for (const { name, text, expected } of spectrum()) {
			const sniffed = sniff(text);
			expect(sniffed.headers, name).toEqual(Object.keys(expected[0]));
			expect(sniffed.preview.map((r) => Object.fromEntries(sniffed.headers.map((h, i) => [h, r[i]]))), name).toEqual(expected);
		}
	});
});

describe("DuckDB's reader with the sniffed options", () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
	}, 30_000);
	afterAll(() => engine.close());

	it('reads the csv-spectrum corpus exactly (quotes, embedded delimiters, newlines, CRLF, UTF-8)', async () => {
		for (const [i, { name, text, expected }] of spectrum().entries()) {
			const sniffed = sniff(text);
			await engine.registerText(`spectrum_${i}.csv`, text);
			const select = sniffed.headers.map((h, c) => `coalesce(c${c}, '') AS "${h.replaceAll('"', '""')}"`).join(', ');
			const rows = await engine.query<Record<string, string>>(readCsvSql(`spectrum_${i}.csv`, sniffed, select));
			expect(rows, name).toEqual(expected);
		}
	});
});

describe('lineOfRecord(text or bytes, records)', () => {
	it('counts physical lines, honouring quoted line breaks, CRLF and lone CR', () => {
		const text = 'h1,h2\r\n1,"a\r\nb"\r\n2,c\r3,"x\ny\nz"\n4,d\n';
		expect(lineOfRecord(text, [0, 1, 2, 3, 4])).toEqual([1, 2, 4, 5, 8]);
		expect(lineOfRecord(new TextEncoder().encode(text.replaceAll('a', 'ж')), [0, 1, 2, 3, 4])).toEqual([1, 2, 4, 5, 8]);
	});

	it('agrees with PapaParse on random records with delimiters, quotes and newlines', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'б', ',', ';', '"', '\n', '\r\n', ' ', '1'), maxLength: 6 });
		fc.assert(
			fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 12 }), (records) => {
				const rows = [['x', 'y', 'z'], ...records.map((r) => r.map((c) => c.trim() === '' ? `${c}k` : c))];
				const text = Papa.unparse(rows, { newline: '\n', quotes: true });
				const sniffed = sniff(text);
				expect(sniffed.headers).toEqual(['x', 'y', 'z']);
				expect(sniffed.preview).toEqual(rows.slice(1));
				// Each record starts after the newlines of the records before it.
				const expected: number[] = [];
				let line = 1;
				for (const r of rows) (expected.push(line), (line += 1 + r.join('').split('\n').length - 1));
				expect(lineOfRecord(text, rows.map((_, i) => i))).toEqual(expected);
				expect(lineOfRecord(new TextEncoder().encode(text), rows.map((_, i) => i))).toEqual(expected);
			}),
			{ seed: 42, numRuns: 150 }
		);
	});
});
