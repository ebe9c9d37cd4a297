/**
 * The shape of an export from its first ~64 KB, with PapaParse: delimiter, header, an optional
 * HXL hashtag row, a preview. The bulk read is DuckDB's, with what this finds.
 */
import Papa from 'papaparse';
import { isValue } from './header-row';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface Sniffed {
	delimiter: Delimiter;
	quote: '"';
	headers: string[];
	hxl: string[] | null;
	/** Lines DuckDB skips before the data: the header, plus Excel's sep= line, title lines and the HXL row when there are. */
	headerLines: number;
	/** The header's own line (1-based), below Excel's sep= line and a title: where a message about a column points. */
	headerLine: number;
	newline: '\r\n' | '\n' | '\r';
	preview: string[][];
}

const SAMPLE = 1 << 16;
const PREVIEW = 50;
const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
/** Lines of a title above the header looked through (a one-column file has no header of two values). */
const MAX_TITLE_LINES = 10;

function parse(sample: string, delimiter: Delimiter) {
	return Papa.parse<string[]>(sample, { delimiter, preview: PREVIEW + 2, skipEmptyLines: 'greedy' });
}

/** An amount with thousands commas, or without: "68,527.00", "1,200", "99.5". */
const AMOUNT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** A header of one word over amounts, some of them with a thousands comma. */
function isAmountColumn(lines: string[]): boolean {
	const [head, ...values] = lines.map((l) => l.trim()).filter((l) => l !== '');
	return /^[\p{L}_ ]+$/u.test(head ?? '') && values.length > 0 && values.every((v) => AMOUNT.test(v)) && values.some((v) => v.includes(','));
}

const filled = (row: string[]) => row.filter((c) => c.trim() !== '').length;

/** Whether `a` comes before `b`, comparing their first differing number. */
function ranksAbove(a: number[], b: number[]): boolean {
	const k = a.findIndex((v, i) => v !== b[i]);
	return k !== -1 && a[k] > b[k];
}

/** Whether the delimiter separates two values on this record ("x,y"), not only an empty one (",comment"). */
const splits = (row: string[]) => filled(row) >= 2;

/**
 * Whether a record the delimiter does not split is split by another one: a line of another shape
 * ("a;b" read at the commas), which the records of one table under this delimiter cannot run across.
 * A comment or title of one value ("# note", ",note") is split by none and stands between nothing.
 */
function isForeign(row: string[], d: Delimiter): boolean {
	if (splits(row)) return false;
	const text = row.join(d);
	return DELIMITERS.some((o) => o !== d && text.includes(o) && splits(Papa.parse<string[]>(text, { delimiter: o }).data[0] ?? []));
}

/**
 * The records that keep one field count under a delimiter: the lines it splits, in the longest
 * stretch between lines only another delimiter splits, their most common width (of two or more
 * fields) and how many records have it. Counted this way, comment and title lines above a header
 * (",A few comments" above "a;b", "Clients, 2024" above "year;sex") do not make a table of their
 * own width with the records below them, whichever delimiter they happen to hold.
 */
function table(records: string[][], d: Delimiter): { width: number; records: number; first: number; end: number } {
	let best = { width: 0, records: 0, first: 0, end: 0 };
	let start = 0;
	for (let i = 0; i <= records.length; i++) {
		if (i < records.length && !isForeign(records[i], d)) continue;
		const stretch = records.slice(start, i).filter(splits);
		const counts = new Map<number, number>();
		for (const r of stretch) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
		const [width, n] = [...counts].sort(([w1, n1], [w2, n2]) => n2 - n1 || w2 - w1)[0] ?? [0, 0];
		if (n > best.records) best = { width, records: n, first: stretch[0]?.length ?? 0, end: i };
		start = i + 1;
	}
	return best;
}

/**
 * The delimiter under which the records keep one field count: the most records of the most common
 * count (of two or more fields, in the table's stretch of lines), then the first record among them
 * (a header, rather than a title line), then the stretch further down (titles stand above the
 * table, not below it), then the most fields. A tab file with commas inside its
 * JSON column stays a tab file: split at the commas, its data rows agree with each other but not
 * with its header, which would have to be a title. A semicolon file whose comment lines start with
 * a comma (",A few comments") stays a semicolon file: the comma splits no two values there.
 */
function pickDelimiter(sample: string): Delimiter {
	let best: Delimiter = ',';
	let bestScore = [0, 0, 0, 0];
	for (const d of DELIMITERS) {
		const records = parse(sample, d).data;
		const { width, records: n, first, end } = table(records, d);
		if (width < 2) continue;
		const score = [n / records.length, first === width ? 1 : 0, end / records.length, width];
		if (ranksAbove(score, bestScore)) (best = d), (bestScore = score);
	}
	return best;
}

/**
 * The header's line, from the first line of two or more values: a title line can hold the
 * delimiter too ("Organisation: X, period 2024" above "case_id,year,sex"). A line is a title, not
 * the header, when the next line has another number of fields and more of them filled, and that
 * next line and the one after it agree on their number of fields (a header and its first record),
 * and no cell of that next line reads as a value (a date, number, code, sex or country: it names
 * columns). A header over records of another width ("year,sex" over "2024,F,x") stays the header,
 * its records rejected by their width; so does one over rows that end with an empty field.
 */
function belowTitles(lines: string[], first: number, delimiter: Delimiter): number {
	const fields = (i: number) => Papa.parse<string[]>(lines[i] ?? '', { delimiter }).data[0] ?? [];
	const next = (i: number) => {
		let j = i + 1;
		while (j < lines.length && lines[j].trim() === '') j++;
		return j < lines.length ? j : -1;
	};
	let at = first;
	while (at < MAX_TITLE_LINES) {
		const b = next(at);
		if (b === -1) break;
		const c = next(b);
		const [here, below] = [fields(at), fields(b)];
		if (here.length === below.length || filled(here) >= filled(below) || below.some(isValue)) break;
		if (c !== -1 && fields(c).length !== below.length) break;
		at = b;
	}
	return at;
}

/** Excel's "sep=;" first line: it names the delimiter, and is not the header. */
const SEP_LINE = /^\uFEFF?"?sep=(.)"?[ \t]*(?:\r\n|\n|\r)/i;

/**
 * `whole`: whether `text` is the whole file, not only its head. A first record longer than the
 * sample (a notes cell of megabytes) is not "header only": the sample grows to take it in, and
 * when even the head given holds none, the data rows are after it (DuckDB reads them).
 */
export function sniff(text: string, whole = true): Sniffed {
	for (let size = SAMPLE; ; size *= 4) {
		// Never end the sample inside a record: cut at the last line break.
		const sample = text.length > size ? text.slice(0, Math.max(text.lastIndexOf('\n', size - 1), 1)) : text;
		const found = sniffSample(sample, sample.length === text.length && whole);
		if (found.preview.length > 0 || (sample.length === text.length && !whole)) return found;
		if (sample.length === text.length) throw new Error('header only: no data rows');
	}
}

/** `complete`: the sample is the whole file. `forced`: the delimiter, when it is known. */
function sniffSample(sample: string, complete: boolean, forced?: Delimiter): Sniffed {
	if (sample.trim() === '') throw new Error('the file is empty');
	const original = sample;
	const newline = sample.includes('\r\n') ? '\r\n' : sample.includes('\n') ? '\n' : sample.includes('\r') ? '\r' : '\n';
	const sep = SEP_LINE.exec(sample);
	if (sep) {
		if (!DELIMITERS.includes(sep[1] as Delimiter)) throw new Error(`line 1 names "${sep[1]}" as the delimiter (sep=${sep[1]}): only comma, semicolon, tab or | are read`);
		sample = sample.slice(sep[0].length);
	}
	const delimiter = sep ? (sep[1] as Delimiter) : (forced ?? pickDelimiter(sample));
	// Reports exported from accounting or case software often start with a title and a blank line:
	// the header is the first line with two or more values (lines of one value or none before it are skipped).
	const lines = sample.split(/\r\n|\n|\r/);
	const title = lines.slice(0, MAX_TITLE_LINES + 1).findIndex((line) => filled(Papa.parse<string[]>(line, { delimiter }).data[0] ?? []) >= 2);
	const preamble = title >= 0 ? belowTitles(lines, title, delimiter) : 0;
	if (preamble > 0) sample = lines.slice(preamble).join(newline);
	const rows = parse(sample, delimiter).data;
	const [header, ...rest] = rows;
	if (!header || header.every((h) => h.trim() === '')) throw new Error('no header row');
	const headers = header.map((h) => h.trim());
	const second = rest[0];
	const tags = second?.filter((c) => c.trim() !== '') ?? [];
	const isHxl = tags.length > 0 && tags.filter((c) => c.trim().startsWith('#')).length / tags.length > 0.5;
	const data = isHxl ? rest.slice(1) : rest;
	// One column of amounts with thousands commas ("Value" over "68,527.00"): split at the commas they
	// looked like records of two fields under a title. Read as the one column they are.
	const unused = DELIMITERS.find((d) => !original.includes(d));
	if (complete && !sep && !forced && unused && preamble === 1 && isAmountColumn(lines)) return sniffSample(original, complete, unused);
	if (headers.length < 2 && !/^[\p{L}\p{N}_ ]+$/u.test(headers[0] ?? ''))
		throw new Error('this does not look like delimited data (no comma, semicolon or tab separates the columns)');
	return {
		delimiter,
		quote: '"',
		headers,
		hxl: isHxl ? second.map((c) => c.trim()) : null,
		headerLines: (sep ? 1 : 0) + preamble + (isHxl ? 2 : 1),
		headerLine: (sep ? 1 : 0) + preamble + 1,
		newline,
		preview: data.slice(0, PREVIEW)
	};
}
