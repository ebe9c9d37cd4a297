/**
 * Workbooks and Parquet files are turned into CSV text and read by the same ingest as a CSV
 * export: same sniffing, normalisers, accounting and line numbers. What is kept beside the text
 * is where each line and column came from, so problems are named as the spreadsheet shows them.
 */
import type { FileReport } from './types';
import type { ProblemReport } from './problems';

export interface SheetPlace {
	/** The sheet read ('' for a Parquet file) and every sheet that holds data. */
	sheet: string;
	sheets: string[];
	/** The spreadsheet's row number of each CSV line (index line − 1). */
	rows: number[];
	/** The spreadsheet's column letter of each CSV column. */
	columns: string[];
	/** Rows hidden in the sheet: read like the others (hiding is a view, not a deletion), and said. */
	hidden: number[];
}

export interface SheetText {
	csv: string;
	place: SheetPlace;
}

/** One record per line: a line break inside a cell (Alt+Enter) becomes a space, so line L is row rows[L − 1]. */
export function csvText(rows: string[][]): string {
	return rows.map((row) => row.map((v) => `"${v.replace(/\r\n?|\n/g, ' ').replaceAll('"', '""')}"`).join(',')).join('\n') + '\n';
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
	let out = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
	return out;
}

const quoteSheet = (name: string) => (/^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replaceAll("'", "''")}'`);

/**
 * Where a problem's rows are, as the file's user finds them: "Sheet1!D17" in a workbook (the
 * problem's column, or the whole row "Sheet1!17:17"), "row 17" of a Parquet file, the line of a CSV.
 */
export function placesOf(file: Pick<FileReport, 'sheet' | 'headers' | 'fieldColumns'>, problem: Pick<ProblemReport, 'field' | 'lines'>): string[] {
	const header = file.fieldColumns?.[problem.field];
	const column = header === undefined ? -1 : file.headers.indexOf(header);
	return problem.lines.map((line) => cellOf(file, line, column));
}

/** Line `line` of the file's text, in column `column` (−1: the whole row), as the file's user finds it (see placesOf). */
export function cellOf(file: Pick<FileReport, 'sheet'>, line: number, column: number): string {
	const place = file.sheet;
	if (!place) return String(line);
	const row = place.rows[line - 1] ?? line;
	if (!place.sheet) return String(row);
	return column === -1 ? `${quoteSheet(place.sheet)}!${row}:${row}` : `${quoteSheet(place.sheet)}!${place.columns[column]}${row}`;
}
