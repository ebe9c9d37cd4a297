/**
 * Why a whole file was not read, in the page's language: each message made by the real ingest from
 * a real bad file (in Node, as /upload reads it), then said in Russian and Kyrgyz with the file's
 * name and its details kept. A message the table misses would stay English on /ru/ and /ky/.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports } from '$lib/ingest/load-export';
import { fileErrorKey, type FileErrorKey } from '$lib/i18n/file-errors';
import en from '$lib/i18n/messages/en';
import ru from '$lib/i18n/messages/ru';
import ky from '$lib/i18n/messages/ky';
import * as W from './fixtures/workbooks';
import { encodeAs } from './fixtures/encodings';

vi.setConfig({ testTimeout: 30_000 });

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const text = (s: string) => new TextEncoder().encode(s);
const emptyBook = () => {
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Лист1');
	return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
};

/** A zip archive of these files, as SheetJS's own zip writer makes it. */
function zip(files: Record<string, string>): Uint8Array {
	const archive = XLSX.CFB.utils.cfb_new();
	for (const [name, text] of Object.entries(files)) XLSX.CFB.utils.cfb_add(archive, name, Buffer.from(text));
	return new Uint8Array(XLSX.CFB.write(archive, { type: 'buffer', fileType: 'zip' }) as Buffer);
}

/** A file for each message, named for it. */
const messages = { en, ru, ky };

const BAD: [FileErrorKey, string, Uint8Array][] = [
	['empty', 'пустой.csv', new Uint8Array()],
	['pdf', 'отчёт.csv', text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
	['binary', 'photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
	['headerOnly', 'header.csv', text('year,sex,nationality\n')],
	['otherEncoding', 'western.csv', encodeAs('windows-1252', 'year,programme\n2024,Éducation et santé\n2024,Protección de niños\n2023,Sécurité alimentaire\n2023,Atención jurídica\n')],
	['firstRowData', 'no-header.csv', text('P-0001,2024-02-11,Aigul,Osmonova,F,34,KG\nP-0002,2024-02-12,Bakyt,Asanov,M,40,KG\n')],
	['sep', 'sep.csv', text('sep=^\nyear^sex\n2024^F\n')],
	['notDelimited', 'prose.csv', text('Hello!\nthe register is attached.\n')],
	['parquet', 'cut.parquet', text('PAR1\u0000\u0001garbage\u0000PAR1')],
	['password', 'locked.xlsx', new Uint8Array(W.passwordXlsx())],
	['damagedWorkbook', 'damaged.xlsx', new Uint8Array(W.corruptXlsx())],
	['noSheet', 'blank.xlsx', emptyBook()],
	['zipArchive', 'export.zip', zip({ 'register 2024.csv': 'year,sex\n2024,F\n', 'register 2025.csv': 'year,sex\n2025,M\n' })],
	['officeDocument', 'report.docx', zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })]
];

describe('a file not read is said in the page’s language', () => {
	it.each(BAD)('%s: made by the ingest, recognised, and said in Russian and Kyrgyz with its file and details', async (key, name, bytes) => {
		const { files } = await loadExports(engine, [{ name, bytes }]);
		const error = files[0].error!;
		expect(error).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `));
		const known = fileErrorKey(error);
		expect(known?.key).toBe(key);
		expect(messages.en.fileError(error)).toBe(error);
		for (const lang of ['ru', 'ky'] as const) {
			const said = messages[lang].fileError(error);
			expect(said.startsWith(`${name}: `)).toBe(true);
			expect(said).not.toBe(error);
			for (const detail of known!.details) expect(said).toContain(detail);
			// Nothing of the English sentence is left but the details.
			expect(known!.details.reduce((rest, d) => rest.replace(d, ''), said)).not.toMatch(/\b(the|this|is|not|could|file|workbook)\b/);
		}
	});

	it('messages made where a test cannot reach cheaply (a 32 MB line, DuckDB, the workbook worker, CSV-only fallbacks) are in the table too', () => {
		const made = [
			['lineTooLong', 'big.csv: line 7 is longer than 32 MB (is a quote left open?), more than can be read: the file is not read'],
			['duckdb', 'x.csv: DuckDB could not read it as CSV (Invalid unicode (byte sequence mismatch) detected)'],
			['workbookReader', 'x.xlsx: the workbook could not be read (its reader stopped)'],
			['workbookNotCsv', 'x.csv: this is an Excel or OpenDocument workbook, not CSV. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.'],
			['xlsNotCsv', 'x.csv: this is an old Excel workbook (.xls), not CSV. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.'],
			['noHeader', 'a: b.csv: no header row']
		] as const;
		for (const [key, error] of made) {
			expect(fileErrorKey(error)?.key).toBe(key);
			expect(messages.ru.fileError(error)).not.toBe(error);
		}
		expect(fileErrorKey('a: b.csv: no header row')?.file).toBe('a: b.csv');
		expect(messages.ru.fileError('x.csv: something new went wrong')).toBe('x.csv: something new went wrong');
	});
});
