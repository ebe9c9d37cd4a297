/**
 * Exports → normalised people, in DuckDB (Node or browser alike).
 * The bulk read is DuckDB's own CSV reader (measured ~5× faster than parse-then-insert); values are
 * normalised once per DISTINCT raw value by the pure normalisers and joined back, so a 1M-row
 * export costs a few thousand normaliser calls, not a million.
 */
import type { Engine } from '$lib/db/engine';
import { ident, type Columns } from '$lib/db/engine';
import { WG_DOMAINS, type Field, type PersonRow } from '$lib/types';
import { checkFile, decode, decodeHead } from './decode';
import { sniff, type Sniffed } from './sniff';
import { lineOfRecord } from './lines';
import { lineBreaks, splitRecords, type Part } from './split';
import { EXAMPLE_LINES, kindOf, problemsOf, type ProblemReport } from './problems';
import { PACK_A, PACK_B, dictionaries, packExpression, unpack, type Dictionaries, type PackedRow } from './attribute-codes';
import { mapHeaders, type ColumnMapping } from '$lib/normalise/fields';
import { refusalReason } from '$lib/normalise/pii';
import {
	normaliseAge,
	normaliseCount,
	normaliseDate,
	normaliseDisability,
	normaliseNationality,
	normaliseSex,
	normaliseText,
	normaliseWg,
	normaliseYear,
	wgDisability,
	type Normalised
} from '$lib/normalise/values';

export type { ProblemReport };

export interface ExportFile {
	name: string;
	bytes: Uint8Array;
	/**
	 * The bytes again, when they can be read again (a browser File): the engine then takes `bytes`
	 * without copying them (117 MB less to copy and hold for a 1M-row export), and line numbers
	 * are counted in a fresh read, only when there are problems to show.
	 */
	reread?: () => Promise<Uint8Array>;
}

/** A user's answer to "which column is which", by column index. */
export type ColumnChoice = Partial<Record<Field, number>>;

export interface FileReport {
	file: string;
	encoding?: string;
	delimiter?: string;
	/** Set when the file could not be read at all; nothing of it was loaded. */
	error?: string;
	/** Set when no year/date column was recognised: the user must say which column it is. */
	needsMapping?: boolean;
	headers: string[];
	columns: ColumnMapping[];
	/** The header of the column each field was read from (what staff find in their spreadsheet). */
	fieldColumns?: Partial<Record<Field, string>>;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	problems: ProblemReport[];
}

export interface IngestResult {
	files: FileReport[];
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** Unique people (each counted once, in their first year). */
	people: number;
	/** People aggregated over every attribute: the input of the release and of the count tables. */
	rows: PersonRow[];
}

export type Phase = 'reading' | 'decoding' | 'loading' | 'checking';
export interface LoadOptions {
	choices?: Record<string, ColumnChoice>;
	/** With several engines, a file larger than this is read in parts, one per engine (default 4 MB). */
	partBytes?: number;
	onPhase?: (phase: Phase, file: string) => void;
	/** Checked between steps: cancelling a large load. */
	signal?: AbortSignal;
}

type Normaliser = (raw: string) => Normalised<string | number | null>;

const NORMALISERS: Partial<Record<Field, Normaliser>> = {
	year: normaliseYear,
	date: normaliseDate,
	count: normaliseCount,
	organisation: normaliseText,
	programme: normaliseText,
	group: normaliseText,
	region: normaliseText,
	sex: normaliseSex,
	age: normaliseAge,
	nationality: normaliseNationality,
	disability: normaliseDisability
};
const WG_FIELDS = WG_DOMAINS.map((d) => `wg_${d}` as Field);

/** A file's recognised, non-refused columns by field, with the user's choices applied. */
export function chooseColumns(columns: ColumnMapping[], choice: ColumnChoice = {}): Map<Field, number> {
	const chosen = new Map<Field, number>();
	for (const c of columns) if (c.status === 'recognised' && c.field) chosen.set(c.field, c.index);
	for (const [field, index] of Object.entries(choice) as [Field, number][]) {
		if (columns[index]?.status === 'refused') continue; // an identifier is never loaded, whatever is chosen
		for (const [f, i] of chosen) if (i === index) chosen.delete(f);
		chosen.set(field, index);
	}
	return chosen;
}

/** Refuse identifier-looking columns by their values too (a phone column with an innocent header). */
function refuseByValues(columns: ColumnMapping[], sniffed: Sniffed): ColumnMapping[] {
	return columns.map((c) => {
		if (c.status !== 'ignored') return c;
		const reason = refusalReason(c.header, sniffed.preview.map((r) => r[c.index] ?? ''));
		return reason ? { ...c, status: 'refused', field: undefined, reason } : c;
	});
}

function throwIfAborted(signal?: AbortSignal) {
	if (signal?.aborted) throw new DOMException('Loading was cancelled', 'AbortError');
}

/** A part of a file, read by one engine into its table `raw_<i>`. */
interface PartRead {
	engine: Engine;
	/** Lines DuckDB skipped at its top: the header's, or the copy of the file's first line. */
	headerLines: number;
	/**
	 * The file's physical lines of some records (0-based, in the part as DuckDB read it): counted
	 * only when there are problems to show, in the bytes read again when they were given away.
	 */
	lines: (records: number[]) => Promise<number[]>;
	rejects: { line: number; error_type: string }[];
	/** Rows before this part's (its rows are numbered on from them); set once all parts are counted. */
	recOffset: number;
}

const DEFAULT_PART_BYTES = 4 * 1024 * 1024;

/** Read one file into table `raw_<i>` (recognised columns only), in parts on several engines when large; returns its report so far. */
async function readFile(engines: Engine[], file: ExportFile, i: number, options: LoadOptions) {
	const report: FileReport = { file: file.name, headers: [], columns: [], rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, problems: [] };
	options.onPhase?.('reading', file.name);
	const unreadable = checkFile(file.name, file.bytes);
	if (unreadable) return { report: { ...report, error: unreadable } };
	options.onPhase?.('decoding', file.name);
	// UTF-8 goes to DuckDB as it came: only its head is decoded (to sniff), so a large export never
	// becomes one giant string. An invalid byte further on is a rejected row, reported with its line.
	const head = decodeHead(file.bytes);
	const encoding = head.encoding;
	const text = encoding === 'utf-8' ? null : decode(file.bytes).text;
	let sniffed: Sniffed;
	try {
		sniffed = sniff(text ?? head.text);
	} catch (error) {
		return { report: { ...report, encoding, error: `${file.name}: ${(error as Error).message}` } };
	}
	const columns = refuseByValues(mapHeaders(sniffed.headers, sniffed.hxl).columns, sniffed);
	const chosen = chooseColumns(columns, options.choices?.[file.name]);
	const fieldColumns = Object.fromEntries([...chosen].map(([field, c]) => [field, sniffed.headers[c]]));
	Object.assign(report, { encoding, delimiter: sniffed.delimiter, headers: sniffed.headers, columns, fieldColumns });
	if (!chosen.has('year') && !chosen.has('date')) return { report: { ...report, needsMapping: true } };

	throwIfAborted(options.signal);
	options.onPhase?.('loading', file.name);
	// DuckDB reads UTF-8 only: a UTF-8 file goes in as it came (its BOM is on the skipped header line).
	const utf8 = text === null ? file.bytes : new TextEncoder().encode(text);
	const cuts = engines.length > 1 && utf8.length > (options.partBytes ?? DEFAULT_PART_BYTES) ? splitRecords(utf8, engines.length) : [{ start: 0, end: utf8.length }];
	// A file that can be read again gives its bytes to the engine (no copy), and line numbers are
	// counted in a fresh read. Parts after the first are copies that begin with the file's first line
	// (skipped): DuckDB takes the kind of line break from the first one it meets, which could
	// otherwise be one inside a quoted value.
	const given = text === null && file.reread !== undefined;
	const firstLine = utf8.slice(0, afterFirstLineBreak(utf8)); // a copy: utf8 may be given away
	const partBytes = (bytes: Uint8Array, cut: Part, p: number) => (p === 0 ? bytes.subarray(cut.start, cut.end) : concat(firstLine, bytes.subarray(cut.start, cut.end)));
	let whole: Promise<Uint8Array> | undefined;
	const bytesAgain = () => (whole ??= given ? file.reread!() : Promise.resolve(utf8));
	const paths = cuts.map((_, p) => `export_${i}_${p}.csv`);
	// The first part last: giving it away moves the whole buffer (the others are copied as each call starts).
	const registered = cuts.map((_, p) => cuts.length - 1 - p).map((p) => engines[p].registerBuffer(paths[p], partBytes(utf8, cuts[p], p), p > 0 || given));
	await Promise.all(registered);

	// The id is only ever compared: keep its hash, not the text. An empty field reads as NULL, and
	// hash(NULL) is a value: test before hashing, or every row without an id is one person.
	const select = [...chosen]
		.map(([field, c]) => (field === 'id' ? `CASE WHEN trim(c${c}) <> '' THEN hash(trim(c${c})) END AS "key"` : `c${c} AS ${ident(field)}`))
		.join(', ');
	const parts = await Promise.all(
		cuts.map(async (cut, p): Promise<PartRead> => {
			const engine = engines[p];
			const headerLines = p === 0 ? sniffed.headerLines : 1;
			const rejects = await readCsv(engine, paths[p], { ...sniffed, headerLines }, select, i);
			await engine.dropFile(paths[p]);
			// The part's bytes and the lines before it, found once for all its problems (a later part's
			// lines are counted after its copy of the first line).
			let located: Promise<{ bytes: Uint8Array; before: number }> | undefined;
			const lines = async (records: number[]) => {
				located ??= bytesAgain().then((bytes) => ({ bytes: partBytes(bytes, cut, p), before: p === 0 ? 0 : lineBreaks(bytes, 0, cut.start) - 1 }));
				const { bytes, before } = await located;
				return lineOfRecord(bytes, records).map((line) => line + before);
			};
			return { engine, headerLines, lines, rejects, recOffset: 0 };
		})
	);
	return { report, sniffed, chosen, parts };
}

/** Where the second line begins (after LF, CRLF or a lone CR); the length when there is none. */
function afterFirstLineBreak(bytes: Uint8Array): number {
	const lf = bytes.indexOf(10);
	// A CR only matters before the first LF: not searched for in the rest of the file (117 MB: ~35 ms).
	const cr = bytes.subarray(0, lf === -1 ? bytes.length : lf).indexOf(13);
	if (cr !== -1 && (lf === -1 || cr < lf)) return bytes[cr + 1] === 10 ? cr + 2 : cr + 1;
	return lf === -1 ? bytes.length : lf + 1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}

/**
 * Most exports are well-formed: read strictly first (storing rejects costs ~25% of the read), and
 * only when DuckDB finds a malformed row, read again keeping every such row and its line.
 */
async function readCsv(engine: Engine, path: string, sniffed: Pick<Sniffed, 'delimiter' | 'headers' | 'headerLines'>, select: string, i: number) {
	try {
		await engine.exec(`CREATE OR REPLACE TABLE raw_${i} AS ${readCsvSql(path, sniffed, select)}`);
		return [];
	} catch {
		// DuckDB appends to an existing rejects table: start with none.
		await engine.exec(`DROP TABLE IF EXISTS rejects_${i}; DROP TABLE IF EXISTS rejects_${i}_scans`);
		await engine.exec(`CREATE OR REPLACE TABLE raw_${i} AS ${readCsvSql(path, sniffed, select, `rejects_${i}`)}`);
		return engine.query<{ line: number; error_type: string }>(`SELECT line::INTEGER AS line, error_type FROM rejects_${i} ORDER BY line`);
	}
}

/**
 * DuckDB's reader with what the sniffer found: every column as text (values are normalised
 * afterwards, and reported, rather than guessed by type detection). A row's number is its
 * rowid + 1. A malformed row (too many or too few fields, an unterminated quote) is not guessed
 * at: with `rejects`, it goes to that table with its record number and is reported; without,
 * the read fails. (null_padding would keep short rows, but costs the parallel scanner and ~30% of
 * the read time here.)
 */
export function readCsvSql(path: string, sniffed: Pick<Sniffed, 'delimiter' | 'headers' | 'headerLines'>, select: string, rejects?: string): string {
	const columns = sniffed.headers.map((_, c) => `'c${c}': 'VARCHAR'`).join(', ');
	// An empty field is '', not NULL: raw values are then compared and counted as they are (no
	// coalesce on every row of every column: ~10% of counting and normalising).
	const notNull = sniffed.headers.map((_, c) => `'c${c}'`).join(', ');
	const delimiter = sniffed.delimiter === '\t' ? '\\t' : sniffed.delimiter;
	const keep = rejects ? `, ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scans'` : '';
	return `SELECT ${select}
		FROM read_csv('${path}', delim = '${delimiter}', quote = '"', escape = '"', header = false, skip = ${sniffed.headerLines},
			auto_detect = false, columns = {${columns}}, force_not_null = [${notNull}]${keep})`;
}

/** Physical line of a loaded row, from its row number, knowing which records DuckDB rejected. */
function recordOf(rec: number, headerLines: number, rejectedRecords: number[]): number {
	let record = rec + headerLines - 1; // 0-based record index, header = 0
	for (const r of rejectedRecords) if (r - 1 <= record) record++;
	return record;
}

/** Rows per distinct value (or combination) of some columns. */
interface ValueCount {
	/** The column counted (the first one, for combinations). */
	field: Field;
	/** The raw values, by column name. */
	values: Record<string, string>;
	raw: string;
	rows: number;
}

/** A value with a problem: its rows are counted, and the first of them shown by line. */
interface Found {
	field: Field;
	raw: string;
	problem: string;
	rows: number;
}

/**
 * A row with no recognised field filled (the ";;;;;" rows an Excel export often ends with) is
 * rejected as an empty row, not as one with a missing date: its year column reads as this.
 */
const EMPTY_ROW = '~empty row';
const EMPTY_ROW_PROBLEM = 'empty row (no recognised field filled)';

/** A column's raw value as counted and reported ('' for none); in the year column, EMPTY_ROW for an empty row. */
type RawValue = (field: Field) => string;

function rawValues(chosen: Map<Field, number>, yearField: Field): RawValue {
	const blank = [...chosen.keys()].map((f) => (f === 'id' ? '"key" IS NULL' : `${ident(f)} = ''`)).join(' AND ');
	return (field) => (field === yearField ? `CASE WHEN ${blank} THEN '${EMPTY_ROW}' ELSE ${ident(field)} END` : ident(field));
}

/** Rows per distinct value of each column, in one scan (GROUPING SETS), or per combination of columns; per part. */
async function countValues(engine: Engine, i: number, columns: Field[], raw: RawValue, combined = false): Promise<ValueCount[]> {
	const inner = columns.map((f) => `${raw(f)} AS ${ident(f)}`).join(', ');
	const sets = combined ? `(${columns.map(ident).join(', ')})` : columns.map((f) => `(${ident(f)})`).join(', ');
	const rows = await engine.query<Record<string, unknown>>(
		`SELECT ${columns.map(ident).join(', ')}, count(*)::INTEGER AS rows FROM (SELECT ${inner} FROM raw_${i}) GROUP BY GROUPING SETS (${sets})`
	);
	return rows.map((r) => {
		const field = combined ? columns[0] : columns.find((c) => r[c] !== null)!;
		return { field, values: Object.fromEntries(columns.map((c) => [c, String(r[c] ?? '')])), raw: String(r[field]), rows: Number(r.rows) };
	});
}

/** The counts of all parts as one. */
function mergeCounts(counted: ValueCount[][], columns: Field[], combined = false): ValueCount[] {
	if (counted.length === 1) return counted[0];
	const merged = new Map<string, ValueCount>();
	for (const c of counted.flat()) {
		const key = combined ? columns.map((f) => c.values[f]).join('\u0000') : `${c.field}\u0000${c.raw}`;
		const seen = merged.get(key);
		if (seen) seen.rows += c.rows;
		else merged.set(key, { ...c });
	}
	return [...merged.values()];
}

/**
 * The first records of each (field, kind of problem), in a second scan of the columns with
 * problems only: a clean export (the usual case) skips it, and the count above stays cheap.
 */
async function firstRecords(engine: Engine, i: number, found: Found[], raw: RawValue): Promise<Map<string, number[]>> {
	if (found.length === 0) return new Map();
	await engine.insertColumns(`found_${i}`, { field: found.map((f) => f.field), raw: found.map((f) => f.raw), kind: found.map((f) => kindOf(f.problem)) });
	const scans = [...new Set(found.map((f) => f.field))].map((f) => `SELECT '${f}' AS field, ${raw(f)} AS raw, (rowid + 1)::INTEGER AS rec FROM raw_${i}`);
	const rows = await engine.query<{ field: string; kind: string; recs: Iterable<number> }>(
		`SELECT w.field, w.kind, min(r.rec, ${EXAMPLE_LINES}) AS recs FROM (${scans.join(' UNION ALL ')}) r
		JOIN found_${i} w ON r.field = w.field AND r.raw = w.raw GROUP BY ALL`
	);
	return new Map(rows.map((r) => [`${r.field}\u0000${r.kind}`, Array.from(r.recs, Number)]));
}

/** The first physical lines of some records of each part (their 0-based indexes in the part). */
async function linesOf(parts: PartRead[], records: (part: PartRead, p: number) => number[]): Promise<number[]> {
	const lines: number[] = [];
	for (const [p, part] of parts.entries()) {
		if (lines.length >= EXAMPLE_LINES) break;
		const wanted = records(part, p);
		if (wanted.length) lines.push(...(await part.lines(wanted)));
	}
	return lines.slice(0, EXAMPLE_LINES);
}

async function normaliseFile(i: number, read: Required<Awaited<ReturnType<typeof readFile>>>, dict: Dictionaries) {
	const { report, sniffed, chosen, parts } = read;
	const joins: string[] = [];
	const codes: Partial<Record<Field, string>> = {};
	const found: Found[] = [];
	let total = 0;
	let yearRejects = 0;

	const yearField: Field = chosen.has('year') ? 'year' : 'date';
	const raw = rawValues(chosen, yearField);
	const fields = ([yearField, 'count', ...PACK_A, ...PACK_B.map(([f]) => f)] as Field[]).filter((f) => chosen.has(f) && NORMALISERS[f]);
	const counted = await Promise.all(parts.map((part) => countValues(part.engine, i, fields, raw)));
	// Each part's rows are numbered on from the rows of the parts before it.
	let before = 0;
	counted.forEach((values, p) => {
		parts[p].recOffset = before;
		for (const c of values) if (c.field === yearField) before += c.rows;
	});
	// Every field's raw value → code, in one table (one round trip to each engine, not one per field).
	const map: Columns = { field: [], raw: [], code: [] };
	for (const c of mergeCounts(counted, fields)) {
		const empty = c.field === yearField && c.raw === EMPTY_ROW;
		const { value, problem } = empty ? { value: null, problem: EMPTY_ROW_PROBLEM } : NORMALISERS[c.field]!(c.raw);
		const numeric = c.field === yearField || c.field === 'count';
		map.field.push(c.field);
		map.raw.push(c.raw);
		// Years and counts are their own code (-1: none); attributes index the dictionary.
		map.code.push(numeric ? (value === null ? -1 : Number(value)) : dict[c.field].code(String(value)));
		if (problem) found.push({ field: c.field, raw: c.raw, problem, rows: c.rows });
		if (c.field === yearField) {
			total += c.rows;
			if (value === null) yearRejects += c.rows;
		}
	}
	await Promise.all(parts.map((part) => part.engine.insertColumns(`map_${i}`, map)));
	for (const field of fields) {
		joins.push(`LEFT JOIN (SELECT raw, code FROM map_${i} WHERE field = '${field}') m_${field} ON r.${ident(field)} = m_${field}.raw`);
		codes[field] = `m_${field}.code`;
	}

	const wg = WG_FIELDS.filter((f) => chosen.has(f));
	if (!chosen.has('disability') && wg.length > 0) {
		// Classified per distinct combination of answers (at most 5^6), by the one WG-SS rule in values.ts.
		const combos = mergeCounts(await Promise.all(parts.map((part) => countValues(part.engine, i, wg, raw, true))), wg, true);
		const answers = combos.map((combo) => wg.map((f) => normaliseWg(combo.values[f])));
		const columns: Record<string, (string | number)[]> = Object.fromEntries(wg.map((f) => [f, combos.map((c) => c.values[f])]));
		columns.code = answers.map((a) => dict.disability.code(wgDisability(a.map((x) => x.value))));
		await Promise.all(parts.map((part) => part.engine.insertColumns(`map_${i}_wg`, columns)));
		joins.push(`LEFT JOIN map_${i}_wg m_wg ON ${wg.map((f) => `r.${ident(f)} = m_wg.${ident(f)}`).join(' AND ')}`);
		codes.disability = 'm_wg.code';
		// One entry per value, not per combination: a value's rows are summed over the combinations it is in.
		const byValue = new Map<string, Found>();
		combos.forEach((combo, k) =>
			wg.forEach((field, d) => {
				const problem = answers[k][d].problem;
				if (!problem) return;
				const raw = combo.values[field];
				const entry = byValue.get(`${field}\u0000${raw}`) ?? { field, raw, problem, rows: 0 };
				entry.rows += combo.rows;
				byValue.set(`${field}\u0000${raw}`, entry);
			})
		);
		found.push(...byValue.values());
	}

	// Line numbers are counted only when there is something to show (a clean export reads nothing again).
	const examples = await Promise.all(parts.map((part) => firstRecords(part.engine, i, found, raw)));
	const rejectedRecords = parts.map((part) => part.rejects.map((r) => r.line));
	for (const field of [...fields, ...wg]) {
		const lines = (kind: string) =>
			linesOf(parts, (part, p) =>
				(examples[p].get(`${field}\u0000${kind}`) ?? []).map((rec) => recordOf(rec, part.headerLines, rejectedRecords[p]))
			);
		const numeric = field === yearField || field === 'count';
		const kinds = problemsOf(field, found.filter((f) => f.field === field), numeric);
		for (const problem of kinds) report.problems.push({ ...problem, lines: await lines(problem.kind) });
	}

	const code = (f: Field) => (codes[f] ? `coalesce(${codes[f]}, 0)` : '0');
	// Integers only: materialised, the people query aggregates it fast (the joins in its pipeline cost twice as much).
	await Promise.all(
		parts.map((part) =>
			part.engine.exec(
				`CREATE OR REPLACE TABLE norm_${i} AS SELECT ${i} AS file, (r.rowid + 1 + ${part.recOffset})::INTEGER AS rec,
					${chosen.has('id') ? 'r."key"' : 'NULL::UBIGINT'} AS key,
					nullif(${codes[yearField]}, -1)::INTEGER AS year,
					${codes.count ? `nullif(${codes.count}, -1)::DOUBLE` : '1::DOUBLE'} AS n,
					${packExpression(PACK_A, code)} AS a,
					${packExpression(PACK_B, code)} AS b
				FROM raw_${i} r ${joins.join(' ')}`
			)
		)
	);
	const invalid = chosen.has('count')
		? (await Promise.all(parts.map((part) => part.engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM norm_${i} WHERE year IS NULL OR n IS NULL`)))).reduce(
				(n, [r]) => n + r.n,
				0
			)
		: yearRejects;
	const rejects = parts.flatMap((part) => part.rejects);
	for (const type of new Set(rejects.map((r) => r.error_type))) {
		report.problems.push({
			field: yearField,
			kind:
				type === 'TOO MANY COLUMNS'
					? `more fields than the header has (${sniffed.headers.length})`
					: type === 'MISSING COLUMNS'
						? `fewer fields than the header has (${sniffed.headers.length})`
						: type === 'INVALID UNICODE'
							? 'not valid UTF-8 (is this part of the file in another encoding?)'
							: `malformed CSV row (${type.toLowerCase()})`,
			values: [],
			rows: rejects.filter((r) => r.error_type === type).length,
			lines: await linesOf(parts, (part) => part.rejects.filter((r) => r.error_type === type).slice(0, EXAMPLE_LINES).map((r) => r.line - 1)),
			rejected: true
		});
	}

	report.rowsRejected = invalid + rejects.length;
	report.rowsRead = total + rejects.length;
	report.rowsLoaded = report.rowsRead - report.rowsRejected;
	return parts;
}

/**
 * Load exports, combine them and count unique people: rows with the same id are one person,
 * counted once in the year of their first record (ties: file order, then line), with that
 * record's attributes. Rows without an id are one person each (or `count` people).
 */
export async function loadExports(engines: Engine | Engine[], files: ExportFile[], options: LoadOptions = {}): Promise<IngestResult> {
	const pool = Array.isArray(engines) ? engines : [engines];
	const reports: FileReport[] = [];
	// The files each engine holds a part of (as its table norm_<i>).
	const held = new Map<Engine, number[]>();
	const dict = dictionaries();
	for (const [i, file] of files.entries()) {
		throwIfAborted(options.signal);
		const read = await readFile(pool, file, i, options);
		reports.push(read.report);
		if (!('parts' in read)) continue;
		throwIfAborted(options.signal);
		options.onPhase?.('checking', file.name);
		const parts = await normaliseFile(i, read as Required<typeof read>, dict);
		for (const { engine } of parts) held.set(engine, [...(held.get(engine) ?? []), i]);
	}
	const result: IngestResult = {
		files: reports,
		rowsRead: reports.reduce((s, r) => s + r.rowsRead, 0),
		rowsLoaded: reports.reduce((s, r) => s + r.rowsLoaded, 0),
		rowsRejected: reports.reduce((s, r) => s + r.rowsRejected, 0),
		people: 0,
		rows: []
	};
	if (held.size === 0) return result;

	throwIfAborted(options.signal);
	const holding = [...held.keys()];
	await Promise.all(holding.map((engine) => engine.exec(`CREATE OR REPLACE VIEW records AS ${held.get(engine)!.map((i) => `SELECT * FROM norm_${i}`).join(' UNION ALL ')}`)));
	const people = await gatherPeople(holding);
	const packed = await Promise.all(holding.map((engine) => engine.query<PackedRow>(uniquePeopleSql(people))));
	result.rows = mergePacked(packed).map((r) => unpack(r, dict));
	result.people = result.rows.reduce((s, r) => s + r.n, 0);
	return result;
}

/**
 * With several engines, each gathers the records of the ids it counts (an id's hash modulo the
 * number of engines) from the others, as table `people`: every record of an id is then in one
 * engine. Rows without an id stay where they are. 64-bit values cross as two 32-bit halves (the
 * browser's engine hands BIGINTs to JavaScript as doubles). Returns what to count people from.
 */
async function gatherPeople(engines: Engine[]): Promise<string> {
	const m = engines.length;
	if (m === 1) return 'records';
	const sent = (d: number) =>
		`SELECT file, rec, (key >> 32)::UINTEGER AS key_hi, (key & 4294967295)::UINTEGER AS key_lo, year,
			(a >> 30)::INTEGER AS a_hi, (a & 1073741823)::INTEGER AS a_lo, b::INTEGER AS b
		FROM records WHERE key % ${m} = ${d} AND year IS NOT NULL AND n IS NOT NULL`;
	await Promise.all(
		engines.map(async (to, d) => {
			const from = engines.map((engine, e) => [engine, e] as const).filter(([, e]) => e !== d);
			// Valid records only (no NULLs to cross; a record with an id is one person, whatever its
			// count); the table is made here, from the same query.
			await Promise.all(
				from.map(async ([engine, e]) => {
					await to.exec(`CREATE OR REPLACE TABLE moved_${e} AS ${sent(d)} LIMIT 0`);
					const rows = await engine.queryIPC(sent(d));
					if (rows) await to.appendIPC(`moved_${e}`, rows);
				})
			);
			const moved = from.map(
				([, e]) => `SELECT file, rec, (key_hi::UBIGINT << 32) | key_lo AS key, year, 1::DOUBLE AS n, (a_hi::BIGINT << 30) | a_lo AS a, b FROM moved_${e}`
			);
			// A table, scanned three times by uniquePeopleSql (~40 ms less than a view, 1M rows on 2 workers).
			const own = `SELECT * FROM records WHERE key IS NULL OR key % ${m} = ${d}`;
			await to.exec(`CREATE OR REPLACE TABLE people AS ${[own, ...moved].join(' UNION ALL ')}`);
		})
	);
	return 'people';
}

/**
 * People from `records`: rows with the same id are one person, counted once in the year of their
 * first record (ties: file order, then line), with that record's attributes.
 * Most ids occur once. Finding the few that recur is a cheap aggregate (a count per id); only
 * their records go through the costly one (first record per id): ~40% less time for 1M rows.
 * A row without an id is its own person, and so is an id's only record. (`valid` is a filter,
 * not a table: materialised, as DuckDB does a CTE used three times, it cost ~100 ms more.)
 * `a` has 60 bits: it crosses to JavaScript in two halves (a double holds only 53).
 */
function uniquePeopleSql(records: string): string {
	const first = '(year::BIGINT << 40) | (file::BIGINT << 32) | rec::BIGINT';
	return `WITH valid AS NOT MATERIALIZED (SELECT * FROM ${records} WHERE year IS NOT NULL AND n IS NOT NULL),
		recurring AS (SELECT key FROM valid WHERE key IS NOT NULL GROUP BY key HAVING count(*) > 1)
		SELECT year::INTEGER AS year, (a >> 30)::INTEGER AS hi, (a & 1073741823)::INTEGER AS lo, b::INTEGER AS b, sum(n)::DOUBLE AS n FROM (
			SELECT year, a, b, CASE WHEN key IS NULL THEN n ELSE 1 END AS n FROM valid
			WHERE key IS NULL OR key NOT IN (SELECT key FROM recurring)
			UNION ALL
			SELECT min(year), arg_min(a, ${first}), arg_min(b, ${first}), 1 FROM valid
			WHERE key IN (SELECT key FROM recurring) GROUP BY key
		) GROUP BY year, a, b ORDER BY ALL`;
}

/** The engines' people as one list, in the order one engine gives: each list is sorted (ORDER BY ALL), its keys distinct. */
function mergePacked(lists: PackedRow[][]): PackedRow[] {
	const order = (x: PackedRow, y: PackedRow) => x.year - y.year || x.hi - y.hi || x.lo - y.lo || x.b - y.b;
	return lists.reduce((xs, ys) => {
		const out: PackedRow[] = [];
		let i = 0;
		let j = 0;
		while (i < xs.length || j < ys.length) {
			const c = i === xs.length ? 1 : j === ys.length ? -1 : order(xs[i], ys[j]);
			if (c < 0) out.push(xs[i++]);
			else if (c > 0) out.push(ys[j++]);
			else out.push({ ...xs[i], n: xs[i++].n + ys[j++].n });
		}
		return out;
	});
}
