/**
 * Exports that used to lose rows without a word: a field longer than DuckDB's default line, NUL
 * bytes in a text export, registrations after the export date, a header repeated inside the file,
 * line breaks of two kinds. Each test knows its answer: rows read, loaded and rejected, and the lines.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { normaliseDate, normaliseYear } from '$lib/normalise/values';
import { loadExports, type ExportFile } from './load-export';
import { checkFile } from './decode';
import { NUL_PROBLEM } from './nul';
import { sameLineBreaks } from './line-breaks';
import { hasLongLine } from './read-file';

const enc = (text: string) => new TextEncoder().encode(text);
const file = (name: string, bytes: Uint8Array | string): ExportFile => ({ name, bytes: typeof bytes === 'string' ? enc(bytes) : bytes });

// The first load of a file warms DuckDB and the country index: seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let engine: Engine;
let other: Engine;
beforeAll(async () => {
	[engine, other] = await Promise.all([createNodeEngine(), createNodeEngine()]);
}, 30_000);
afterAll(() => Promise.all([engine.close(), other.close()]));

const counts = (r: Awaited<ReturnType<typeof loadExports>>) => [r.rowsRead, r.rowsLoaded, r.rowsRejected];
const problems = (r: Awaited<ReturnType<typeof loadExports>>) => r.files[0].problems.map((p) => [p.kind, p.rows, p.lines, p.rejected]);

describe('a field longer than DuckDB’s default line (2,000,000 bytes)', () => {
	const notes = 'x'.repeat(5_000_000);

	it('is read, in the first data row (the sniffer used to see "header only"), quoted or not', async () => {
		// Not quoted, a line over the limit is dropped by DuckDB without an error (measured with 33 MB): read with a raised one.
		for (const cell of [`"${notes}"`, notes]) {
			const result = await loadExports(engine, [file('long.csv', `year,sex,extra\n2024,F,${cell}\n2024,M,a\n2025,F,b\n`)]);
			expect(result.files[0].error).toBeUndefined();
			expect(counts(result)).toEqual([3, 3, 0]);
			expect(result.people).toBe(3);
		}
	}, 30_000);

	it('is read in the middle of the file, on one engine or two (the file in parts)', async () => {
		const text = `year,sex,extra\n2024,F,a\n2024,M,"${notes}"\n2025,F,b\n2025,X,c\n`;
		const whole = await loadExports(engine, [file('long.csv', text)]);
		expect(counts(whole)).toEqual([4, 4, 0]);
		expect(problems(whole)).toEqual([['unrecognised sex', 1, [5], false]]);
		expect(await loadExports([engine, other], [file('long.csv', text)], { partBytes: 0 })).toEqual(whole);
	}, 30_000);

	it('hasLongLine(bytes, limit) finds a line over the limit with a search per half-limit block, as a search per line does', () => {
		const naive = (bytes: Uint8Array, limit: number) => new TextDecoder().decode(bytes).split('\n').some((line) => line.length > limit);
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), fc.integer({ min: 2, max: 20 }), (lengths, limit) => {
				const bytes = enc(lengths.map((n) => 'x'.repeat(n)).join('\n'));
				expect(hasLongLine(bytes, limit)).toBe(naive(bytes, limit));
			}),
			{ seed: 14, numRuns: 500 }
		);
	});

	it('past 32 MB (a quote left open swallows the file), refuses the file naming that line: DuckDB would drop the row unsaid', async () => {
		const huge = 'y'.repeat(33 * 1024 * 1024);
		const result = await loadExports(engine, [file('huge.csv', `year,sex,extra\n2024,F,a\n2024,M,${huge}\n2025,F,b\n`)]);
		expect(result.files[0].error).toBe('huge.csv: line 3 is longer than 32 MB (is a quote left open?), more than can be read: the file is not read');
		expect(counts(result)).toEqual([0, 0, 0]);
	}, 60_000);
});

describe('NUL bytes in a text export', () => {
	it('reject the rows that hold them, each with its line, and the rest are read', async () => {
		const result = await loadExports(engine, [file('nul.csv', 'year,sex,extra\n2024,F,a\0b\n2024,M,a\n20\x0025,F,b\n2025,M,c\n')]);
		expect(result.files[0].error).toBeUndefined();
		expect(counts(result)).toEqual([4, 2, 2]);
		expect(problems(result)).toEqual([[NUL_PROBLEM, 2, [2, 4], true]]);
		expect(result.rows.map((r) => [r.year, r.sex])).toEqual([[2024, 'male'], [2025, 'male']]);
	});

	it('in a long export: one stray NUL costs one row, not the file', async () => {
		const rows = Array.from({ length: 5000 }, (_, k) => `P${k},${2020 + (k % 5)},${k % 2 ? 'F' : 'M'}`);
		rows[2999] = 'P2999,2022,F\0';
		const result = await loadExports(engine, [file('stray.csv', `case_id,year,sex\r\n${rows.join('\r\n')}\r\n`)]);
		expect(counts(result)).toEqual([5000, 4999, 1]);
		expect(problems(result)).toEqual([[NUL_PROBLEM, 1, [3001], true]]);
	});

	it('in a UTF-16 export too, and in a file a crash padded with NULs', async () => {
		const utf16 = new Uint8Array(new Uint16Array(Array.from('\ufeffyear;sex\r\n2024;F\r\n2024;M\0\r\n', (c) => c.charCodeAt(0))).buffer);
		const wide = await loadExports(engine, [file('wide.csv', utf16)]);
		expect([wide.files[0].encoding, ...counts(wide)]).toEqual(['utf-16le', 2, 1, 1]);
		expect(problems(wide)).toEqual([[NUL_PROBLEM, 1, [3], true]]);
		const padded = await loadExports(engine, [file('padded.csv', new Uint8Array([...enc('year,sex\n2024,F\n2025,M\n'), ...new Uint8Array(6000)]))]);
		expect(counts(padded)).toEqual([3, 2, 1]);
		expect(padded.files[0].problems.map((p) => [p.rows, p.lines, p.rejected])).toEqual([[1, [4], true]]);
	});

	it('a real binary file is still refused as one', async () => {
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		expect(checkFile('photo.csv', png)).toBe('photo.csv: this is a binary file, not CSV text.');
		const random = Uint8Array.from({ length: 4096 }, (_, k) => (k * 2654435761) >>> 24);
		expect(checkFile('data.bin', random)).toBe('data.bin: this is a binary file, not CSV text.');
		expect(checkFile('zip.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0]))).toMatch(/^zip\.csv: this is an Excel or OpenDocument workbook/);
		const result = await loadExports(engine, [file('photo.csv', png)]);
		expect([result.files[0].error, ...counts(result)]).toEqual(['photo.csv: this is a binary file, not CSV text.', 0, 0, 0]);
	});
});

describe('registrations after the export date', () => {
	it('are rejected like dates before 1950: a date after it under every reading, a year after its year', () => {
		const latest = '2026-01-15';
		expect(normaliseDate('2099-03-01', latest)).toEqual({ value: null, problem: 'date after the export date (2026-01-15) "2099-03-01"' });
		expect(normaliseDate('16.01.2026', latest).problem).toBe('date after the export date (2026-01-15) "16.01.2026"');
		expect(normaliseDate('1850-01-01', latest).problem).toBe('date out of range "1850-01-01"');
		expect(normaliseDate('2026-01-15', latest)).toEqual({ value: 2026 });
		// 01/02/2026 is 1 February or 2 January: on or before the export date under one reading.
		expect(normaliseDate('01/02/2026', latest)).toEqual({ value: 2026 });
		expect(normaliseDate('02.2026', latest).problem).toBe('date after the export date (2026-01-15) "02.2026"');
		expect(normaliseDate('январь 2026', latest)).toEqual({ value: 2026 });
		expect(normaliseDate('2027', latest).problem).toBe('date after the export date (2026-01-15) "2027"');
		expect(normaliseDate('2099-03-01')).toEqual({ value: 2099 });
		expect(normaliseYear('2027', latest)).toEqual({ value: null, problem: 'year after the export date (2026-01-15) "2027"' });
		expect(normaliseYear('2026', latest)).toEqual({ value: 2026 });
	});

	it('are rejected by the load, with their lines, when the export date is given', async () => {
		const text = 'id,date,sex\nA,2025-12-31,F\nB,2099-03-01,M\nC,1850-01-01,F\nD,15.01.2026,M\nE,16.01.2026,F\n';
		const result = await loadExports(engine, [file('dates.csv', text)], { exportDate: '2026-01-15' });
		expect(counts(result)).toEqual([5, 2, 3]);
		expect(problems(result)).toEqual([
			['date after the export date (2026-01-15)', 2, [3, 6], true],
			['date out of range', 1, [4], true]
		]);
		const year = await loadExports(engine, [file('years.csv', 'year,sex\n2025,F\n2026,M\n2027,F\n')], { exportDate: '2026-01-15' });
		expect(counts(year)).toEqual([3, 2, 1]);
		expect(problems(year)).toEqual([['year after the export date (2026-01-15)', 1, [4], true]]);
	});
});

describe('a header repeated inside the file (two exports joined)', () => {
	it('is one row read and rejected as a repeated header, with its line; the rows after it are read', async () => {
		const text = 'case_id,year,sex,nationality\nA1,2024,F,KG\nA2,2024,M,KG\ncase_id,year,sex,nationality\nA3,2025,F,UZ\nA4,2025,?,KG\n';
		const result = await loadExports(engine, [file('joined.csv', text)]);
		expect(counts(result)).toEqual([5, 4, 1]);
		// Not "invalid year "year"" and "unrecognised sex "sex"": the header is named as what it is.
		expect(problems(result)).toEqual([
			['repeated header row (two exports joined in one file?)', 1, [4], true],
			['unrecognised sex', 1, [6], false]
		]);
		expect(result.people).toBe(4);
	});

	it('with the second export’s BOM and line breaks, and on two engines as on one', async () => {
		const text = '\ufeffyear;sex\r\n2024;F\r\n\ufeffyear;sex\r\n2025;M\r\n2025;F\r\n';
		const result = await loadExports(engine, [file('joined.csv', text)]);
		expect(counts(result)).toEqual([4, 3, 1]);
		expect(problems(result)).toEqual([['repeated header row (two exports joined in one file?)', 1, [3], true]]);
		expect(await loadExports([engine, other], [file('joined.csv', text)], { partBytes: 0 })).toEqual(result);
	});
});

describe('line breaks of two kinds (found by the fuzzer: DuckDB stopped with an exception)', () => {
	it('are read as one kind, the lines as they are in the file', async () => {
		const result = await loadExports(engine, [file('mixed.csv', 'year,sex\r\n2024,F\r\n2024,M\n2025,?\r\n2025,F\r2025,M\r\n')]);
		expect(result.files[0].error).toBeUndefined();
		expect(counts(result)).toEqual([5, 5, 0]);
		expect(problems(result)).toEqual([['unrecognised sex', 1, [4], false]]);
		expect(new TextDecoder().decode(sameLineBreaks(enc('a\r\nb\nc\rd')))).toBe('a\r\nb\r\nc\r\nd');
		expect(new TextDecoder().decode(sameLineBreaks(enc('a\nb\r\nc')))).toBe('a\nb\nc');
	});
});

it('a value that starts with a BOM keeps its code (found by the fuzzer: the row was counted as loaded, and not counted)', async () => {
	const result = await loadExports(engine, [file('bom.csv', 'year,sex\n2024,F\n\ufeff2025,M\n2025,\ufeffF\n')]);
	expect(counts(result)).toEqual([3, 3, 0]);
	expect(result.people).toBe(3);
	expect(result.rows.map((r) => [r.year, r.sex, r.n])).toEqual([[2024, 'female', 1], [2025, 'female', 1], [2025, 'male', 1]]);
});

it('a file none of whose rows DuckDB can read is all rejected, not an exception (found by the fuzzer)', async () => {
	const result = await loadExports(engine, [file('shifted.csv', 'year,sex\n2024,F,x\n2025,M,y\n')]);
	expect(counts(result)).toEqual([2, 0, 2]);
	expect(problems(result)).toEqual([['more fields than the header has (2)', 2, [2, 3], true]]);
});

describe('a long Russian note in a row with a field missing (found by the fuzzer: the whole file was refused)', () => {
	// DuckDB keeps a rejected row's text cut at ~10 KB: cut inside «—» or «ж», its read failed.
	const note = 'Клиентка обратилась повторно — нужна помощь юриста. '.repeat(300);
	const text = `year,sex,notes\n2024,F,коротко\n2024,${note}\n2025,M,"${note}"\n2025,F\n`;

	it('rejects that row, with its line, and reads the others with their text', async () => {
		expect(enc(note).length).toBeGreaterThan(20_000);
		const result = await loadExports(engine, [file('notes.csv', text)]);
		expect(result.files[0].error).toBeUndefined();
		expect(counts(result)).toEqual([4, 2, 2]);
		expect(problems(result)).toEqual([['fewer fields than the header has (3)', 2, [3, 5], true]]);
		expect(result.rows.map((r) => [r.year, r.sex])).toEqual([[2024, 'female'], [2025, 'male']]);
		expect(await loadExports([engine, other], [file('notes.csv', text)], { partBytes: 0 })).toEqual(result);
	});

	it('with a value of invalid UTF-8 too: that row is loaded with its value unrecognised, and its line (not rejected as invalid UTF-8, as it is when read the usual way)', async () => {
		const bytes = new Uint8Array([...enc(text), ...enc('2025,'), 0xff, 0xfe, ...enc(',x\n')]);
		const result = await loadExports(engine, [file('notes.csv', bytes)]);
		expect(counts(result)).toEqual([5, 3, 2]);
		expect(problems(result)).toEqual([
			['unrecognised sex', 1, [6], false],
			['fewer fields than the header has (3)', 2, [3, 5], true]
		]);
	});
});
