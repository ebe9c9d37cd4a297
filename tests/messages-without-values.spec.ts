/**
 * Messages name kinds and places, never a person's values: what the build and `npm run release`
 * print (to terminals and CI logs), and the check report /upload offers as a spreadsheet. Each
 * export here holds values that must not come out (a client's name, id, birth date, phone).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports, type FileReport } from '$lib/ingest/load-export';
import { sniff } from '$lib/ingest/sniff';
import { decode } from '$lib/ingest/decode';
import { buildErrors, formatCheck } from '$lib/server/release-exports';
import { checkReportCsv } from '$lib/upload/check-report-csv';
import en from '$lib/i18n/messages/en';
import ru from '$lib/i18n/messages/ru';
import ky from '$lib/i18n/messages/ky';

vi.setConfig({ testTimeout: 30_000 });

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const utf8 = (text: string) => new TextEncoder().encode(text);
const load = async (name: string, bytes: Uint8Array) => (await loadExports(engine, [{ name, bytes }], { exportDate: '2026-01-15' })).files;

/** What the build and `npm run release` print of these files: their errors and the check report, a refusal in three languages. */
const printed = (files: FileReport[]) =>
	[...buildErrors(files), formatCheck(files), ...files.flatMap((f) => (f.error ? [ru.fileError(f.error), ky.fileError(f.error)] : []))].join('\n');
/**
 * And /upload's check report as a spreadsheet, in three languages. (It lists the values of a kept
 * or rejected problem — "unrecognised country: Atlantis" — for staff to correct, on their own
 * computer; never those of a refused column or a header that is a record.)
 */
const said = (files: FileReport[]) => [printed(files), checkReportCsv(files, en, 'en'), checkReportCsv(files, ru, 'ru'), checkReportCsv(files, ky, 'ky')].join('\n');

const PERSON = ['P-0001', '2024-02-11', 'Aigul', 'Osmonova', '+996 555 123 456', '1990-04-02'];

describe('a file with no header row', () => {
	const text = 'Register of clients, February 2024\n\nP-0001,2024-02-11,Aigul,Osmonova,F,34,KG\nP-0002,2024-02-12,Bakyt,Asanov,M,40,KG\n';

	it('is refused as a file whose first row looks like data, listing none of its cells', async () => {
		const files = await load('nohead.csv', utf8(text));
		expect(files[0].error).toBe('nohead.csv: the first row looks like data: add the header row');
		expect(files[0].headers).toEqual([]);
		expect(files[0].columns).toEqual([]);
		const out = said(files) + JSON.stringify(files);
		for (const value of [...PERSON, 'Bakyt', 'Asanov']) expect(out).not.toContain(value);
	});

	it('a header that names no year is not listed either, and is not taken for data', async () => {
		const files = await load('odd.csv', utf8('when,sex,nationality\n2024,F,KG\n'));
		expect(files[0].needsMapping).toBe(true);
		expect(buildErrors(files)).toEqual(['odd.csv: no year or date column recognised among its 3 columns: name one "year" or "registration_date" in the header row']);
	});
});

describe('a refused identifier under a title', () => {
	const text = 'Register of clients 2024\n\nid,year,phone,sex\nA1,2024,+996 555 123 456,F\nA2,2024,+996 700 112 233,M\n';

	it('names the header’s own line (3), not line 1, and no value', async () => {
		const files = await load('titled.csv', utf8(text));
		expect(files[0].headerLine).toBe(3);
		expect(buildErrors(files)).toEqual(['titled.csv, line 3, column 3 "phone": refused, looks like a phone number column — remove it from the export before publishing']);
		expect(checkReportCsv(files, en, 'en')).toContain('titled.csv,column refused,phone,looks like a phone number column,,3,');
		expect(said(files)).not.toMatch(/555|700 112/);
	});

	it('below Excel’s sep= line and a title, and by its values under an innocent header', async () => {
		const files = await load('sep.csv', utf8('sep=;\nClients\n\nid;year;contact\nA1;2024;+996 555 123 456\nA2;2024;0700 11 22 33\n'));
		expect(buildErrors(files)).toEqual(['sep.csv, line 4, column 3 "contact": refused, looks like a phone number column (by its values) — remove it from the export before publishing']);
		expect(said(files)).not.toMatch(/555|0700/);
	});

	it('in a workbook, by sheet and cell', async () => {
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Регистр клиентов'], [], ['id', 'year', 'Телефон'], ['A1', 2024, '+996 555 123 456']]), 'Лист1');
		const files = await load('register.xlsx', new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
		expect(buildErrors(files)).toEqual(['register.xlsx, Лист1!C3 "Телефон": refused, looks like a phone number column — remove it from the export before publishing']);
	});
});

describe('the test fixtures', () => {
	/** Every CSV fixture and the sample's head, with the values of its data rows that are words (names, places, notes). */
	function fixtures() {
		const files = ['data/sample-export.csv', ...readdirSync('tests/fixtures', { recursive: true }).map((f) => `tests/fixtures/${f}`)].filter((f) => f.endsWith('.csv') && statSync(f).isFile());
		return files.map((path) => {
			const bytes = new Uint8Array(readFileSync(path)).subarray(0, 200_000);
			let rows: string[][] = [];
			try {
				const sniffed = sniff(decode(bytes).text);
				rows = sniffed.preview.map((r) => r.filter((v) => !sniffed.headers.includes(v)));
			} catch {
				// Not CSV at all (a damaged workbook): its refusal is checked, it has no rows.
			}
			const values = new Set(rows.flat().map((v) => v.trim()).filter((v) => v.length >= 4 && /\p{L}/u.test(v)));
			return { path, name: path.replace(/.*\//, ''), bytes, values };
		});
	}

	it.each(fixtures().map((f) => [f.path, f] as const))('%s: nothing printed of it holds a value of its rows', async (_, fixture) => {
		const files = await load(fixture.name, fixture.bytes);
		const out = printed(files);
		const shown = [...fixture.values].filter((v) => out.includes(v));
		expect(shown).toEqual([]);
	});
});
