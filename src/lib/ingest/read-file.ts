/**
 * One file → its table `raw_<i>` in DuckDB (recognised columns only, every value as text), in parts
 * on several engines when large. The bulk read is DuckDB's own CSV reader (measured ~5× faster than
 * parse-then-insert).
 */
import type { Engine } from '$lib/db/engine';
import { ident } from '$lib/db/engine';
import { checkFile, decode, decodeHead } from './decode';
import { sniff, type Sniffed } from './sniff';
import { firstLongRecord, lineOfRecord } from './lines';
import { lineBreaks, splitRecords, type Part } from './split';
import { mapHeaders } from '$lib/normalise/fields';
import { chooseColumns, refuseByValues } from './columns';
import { keyFields, proposeColumns, sampleRows } from './key-fields';
import { fieldDoubts, withCandidates } from './field-doubts';
import { firstRowIsData } from './header-row';
import { throwIfAborted } from './abort';
import { nulMarker, replaceNul } from './nul';
import { sameLineBreaks } from './line-breaks';
import type { ExportFile, FileReport, LoadOptions } from './types';
import { rejectedRows, type RejectedRow } from './rejects';

/** A part of a file, read by one engine into its table `raw_<i>`. */
export interface PartRead {
	engine: Engine;
	/** Lines DuckDB skipped at its top: the header's, or the copy of the file's first line. */
	headerLines: number;
	/**
	 * The file's physical lines of some records (0-based, in the part as DuckDB read it): counted
	 * only when there are problems to show, in the bytes read again when they were given away.
	 */
	lines: (records: number[]) => Promise<number[]>;
	/** The rows DuckDB rejected, one entry per row. */
	rejects: RejectedRow[];
	/** Rows before this part's (its rows are numbered on from them); set once all parts are counted. */
	recOffset: number;
}

const DEFAULT_PART_BYTES = 4 * 1024 * 1024;

/** Read one file into table `raw_<i>` (recognised columns only), in parts on several engines when large; returns its report so far. */
export async function readFile(engines: Engine[], file: ExportFile, i: number, options: LoadOptions) {
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
		sniffed = sniff(text ?? head.text, text !== null || head.whole);
	} catch (error) {
		return { report: { ...report, encoding, error: `${file.name}: ${(error as Error).message}` } };
	}
	const mapped = refuseByValues(mapHeaders(sniffed.headers, sniffed.hxl).columns, sniffed);
	const chosen = chooseColumns(mapped, options.choices?.[file.name]);
	const dated = chosen.has('year') || chosen.has('date');
	// Its cells are a person's values: neither listed nor offered as columns to choose from.
	if (!dated && firstRowIsData(mapped, sniffed.preview[0])) return { report: { ...report, encoding, error: `${file.name}: the first row looks like data: add the header row` } };
	// What the values of the columns no header names propose (the id among them): guesses, for staff to confirm.
	const sample = sampleRows(text ?? head.text, sniffed);
	// A column staff chose is read as that field: listed so, no longer among the ignored ones.
	const byIndex = new Map([...chosen].map(([field, index]) => [index, field]));
	// A header whose column's values mostly do not read as its field: said, and another column whose values do fit proposed.
	const doubts = fieldDoubts(mapped, chosen, sample);
	const columns = proposeColumns(mapped, sample, chosen, doubts.map((d) => d.field)).map((c): typeof c =>
		c.status === 'ignored' && byIndex.has(c.index) ? { index: c.index, header: c.header, status: 'recognised', field: byIndex.get(c.index) } : c
	);
	const unconfirmed = withCandidates(doubts, columns);
	const fieldColumns = Object.fromEntries([...chosen].map(([field, c]) => [field, sniffed.headers[c]]));
	Object.assign(report, {
		encoding,
		delimiter: sniffed.delimiter,
		headers: sniffed.headers,
		headerLine: sniffed.headerLine,
		columns,
		fieldColumns,
		keyFields: keyFields(columns, chosen, sample, unconfirmed),
		...(unconfirmed.length ? { fieldDoubts: unconfirmed } : {})
	});
	if (!dated) return { report: { ...report, needsMapping: true } };

	throwIfAborted(options.signal);
	options.onPhase?.('loading', file.name);
	// DuckDB reads UTF-8 only: a UTF-8 file goes in as it came (its BOM is on the skipped header line).
	let utf8 = text === null ? file.bytes : new TextEncoder().encode(text);
	// Rare: a scan for NUL costs ~10 ms on 117 MB, a copy only when there is one.
	const marker = utf8.indexOf(0) === -1 ? null : nulMarker(utf8);
	if (marker === null && utf8.indexOf(0) !== -1) return { report: { ...report, error: `${file.name}: this is a binary file, not CSV text.` } };
	if (marker !== null) utf8 = replaceNul(utf8, marker);
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
	const select = [
		...[...chosen].map(([field, c]) => (field === 'id' ? `CASE WHEN trim(c${c}) <> '' THEN hash(trim(c${c})) END AS "key"` : `c${c} AS ${ident(field)}`)),
		// Whether the row held a NUL byte, in any of its columns (loaded or not).
		...(marker === null ? [] : [`contains(concat(${sniffed.headers.map((_, c) => `c${c}`).join(', ')}), chr(${marker})) AS "nul"`])
	].join(', ');
	const failures: string[] = [];
	// A line over DuckDB's default limit: read with a raised one from the start (an unquoted line
	// over the limit is dropped without an error: measured with 33 MB), and a record over the
	// raised one looked for. Lines over half the default count, a margin for how DuckDB counts.
	const long = hasLongLine(utf8, DEFAULT_LINE / 2);
	const parts = await Promise.all(
		cuts.map(async (cut, p): Promise<PartRead> => {
			const engine = engines[p];
			const headerLines = p === 0 ? sniffed.headerLines : 1;
			const read = (size: number) => readCsv(engine, paths[p], { ...sniffed, headerLines }, select, i, size, long);
			let rejects: Awaited<ReturnType<typeof readCsv>> = [];
			try {
				rejects = await read(cut.end - cut.start + firstLine.length);
			} catch {
				// Line breaks of two kinds: read again with one (rare, so only then copied).
				const partAgain = async () => sameLineBreaks(partBytes(marker === null ? await bytesAgain() : replaceNul(await bytesAgain(), marker), cut, p));
				const again = await partAgain();
				await engine.dropFile(paths[p]);
				await engine.registerBuffer(paths[p], again, true);
				try {
					rejects = await read(again.length);
				} catch (error) {
					if (!truncatedReject(error)) failures.push(firstLineOf(error));
					// Made again: `again` was handed over to the engine.
					else
						rejects = await readRejectsAsAscii(engine, paths[p], await partAgain(), { ...sniffed, headerLines }, select, i).catch((failed: unknown) => {
							failures.push(firstLineOf(failed));
							return [];
						});
				}
			}
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
	const longLine = long ? firstLongRecord(await bytesAgain(), MAX_LINE_BYTES) : null;
	if (longLine !== null)
		return { report: { ...report, error: `${file.name}: line ${longLine} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB (is a quote left open?), more than can be read: the file is not read` } };
	if (failures.length) return { report: { ...report, error: `${file.name}: DuckDB could not read it as CSV (${failures[0]})` } };
	return { report, sniffed, chosen, parts, nul: marker !== null };
}

/**
 * Whether some line (between LFs) is longer than `limit` bytes. Such a line holds a whole aligned
 * block of limit/2 bytes without an LF, so one search per block finds it: ~100 searches for 100 MB
 * (a search per line took ~150 ms for 1M lines). A file no longer than `limit` has none.
 */
export function hasLongLine(bytes: Uint8Array, limit: number): boolean {
	if (bytes.length <= limit) return false;
	const half = Math.floor(limit / 2);
	for (let start = 0; start < bytes.length; start += half) {
		const next = bytes.indexOf(10, start);
		if (next !== -1 && next < start + half) continue;
		const end = next === -1 ? bytes.length : next;
		if (end - bytes.lastIndexOf(10, start) - 1 > limit) return true;
	}
	return false;
}

const firstLineOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

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

/** DuckDB's default longest line (2,000,000 bytes), and the most it is raised to. */
const DEFAULT_LINE = 2_000_000;
/**
 * A record longer than this refuses the file, naming its line, rather than being read: DuckDB's
 * buffers grow with the limit, and at 256 MB its allocation failed here (64 MB read a 5 MB line in
 * ~270 ms).
 */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

/**
 * Most exports are well-formed: read strictly first (storing rejects costs ~25% of the read), and
 * only when DuckDB finds a malformed row, read again keeping every such row and its line. A line
 * longer than DuckDB's default (a long notes cell; `long`, or DuckDB says so) is read with a limit
 * raised to the part's size (at most MAX_LINE_BYTES): larger buffers are not paid for otherwise.
 */
async function readCsv(engine: Engine, path: string, sniffed: Pick<Sniffed, 'delimiter' | 'headers' | 'headerLines'>, select: string, i: number, size: number, long: boolean) {
	const raised = Math.min(Math.max(size + 1, DEFAULT_LINE), MAX_LINE_BYTES);
	let maxLine: number | undefined = long ? raised : undefined;
	try {
		await engine.exec(`CREATE OR REPLACE TABLE raw_${i} AS ${readCsvSql(path, sniffed, select, undefined, maxLine)}`);
		return [];
	} catch (error) {
		if (maxLine !== undefined || !tooLong(error)) return readKeepingRejects(engine, path, sniffed, select, i, raised, maxLine);
		maxLine = raised;
	}
	try {
		await engine.exec(`CREATE OR REPLACE TABLE raw_${i} AS ${readCsvSql(path, sniffed, select, undefined, maxLine)}`);
		return [];
	} catch {
		return readKeepingRejects(engine, path, sniffed, select, i, raised, maxLine);
	}
}

const tooLong = (error: unknown) => /maximum line size/i.test(error instanceof Error ? error.message : String(error));
const LINE_TOO_LONG = 'LINE SIZE OVER MAXIMUM';

/** Every malformed row kept with its record number; read again with the raised limit if a line was too long for the default. */
async function readKeepingRejects(
	engine: Engine,
	path: string,
	sniffed: Pick<Sniffed, 'delimiter' | 'headers' | 'headerLines'>,
	select: string,
	i: number,
	raised: number,
	maxLine?: number
): Promise<RejectedRow[]> {
	// DuckDB appends to an existing rejects table: start with none.
	await engine.exec(`DROP TABLE IF EXISTS rejects_${i}; DROP TABLE IF EXISTS rejects_${i}_scans`);
	await engine.exec(`CREATE OR REPLACE TABLE raw_${i} AS ${readCsvSql(path, sniffed, select, `rejects_${i}`, maxLine)}`);
	const rejects = rejectedRows(await engine.query<{ line: number; error_type: string }>(`SELECT line::INTEGER AS line, error_type FROM rejects_${i}`));
	if (maxLine === undefined && raised > DEFAULT_LINE && rejects.some((r) => r.errors.includes(LINE_TOO_LONG))) return readKeepingRejects(engine, path, sniffed, select, i, raised, raised);
	return rejects;
}

/**
 * DuckDB keeps a rejected row's text cut at ~10 KB, and a cut in the middle of a character of two
 * or three bytes fails the whole read ("Invalid unicode … detected in segment statistics update"):
 * a long Russian notes cell in a row with a field missing. Measured with DuckDB-wasm 1.32 in Node
 * (the build, `npm run release`, the fuzzer); in Chromium the same file was read.
 */
const truncatedReject = (error: unknown) => /invalid unicode.*(segment statistics|value construction)/i.test(firstLineOf(error));

/**
 * The read that `truncatedReject` stopped, made another way: the malformed rows and their lines
 * from a copy in which every byte of a character past ASCII is an "x" (a row's fields, quotes and
 * line breaks are ASCII, so DuckDB rejects the same rows), the values from the file read skipping
 * them (a value of invalid UTF-8 then comes through, and is reported as unrecognised). Refused
 * (thrown) should the two ever load a different number of rows.
 */
async function readRejectsAsAscii(engine: Engine, path: string, bytes: Uint8Array, sniffed: Pick<Sniffed, 'delimiter' | 'headers' | 'headerLines'>, select: string, i: number) {
	const ascii = bytes.map((b) => (b < 0x80 ? b : 0x78));
	const maxLine = Math.min(Math.max(bytes.length + 1, DEFAULT_LINE), MAX_LINE_BYTES);
	await engine.registerBuffer(`${path}.ascii`, ascii, true);
	const rejects = await readKeepingRejects(engine, `${path}.ascii`, sniffed, select, i, maxLine, maxLine);
	await engine.dropFile(`${path}.ascii`);
	const [{ n: expected }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM raw_${i}`);
	await engine.exec(`CREATE OR REPLACE TABLE raw_${i} AS ${readCsvSql(path, sniffed, select, 'skip', maxLine)}`);
	const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM raw_${i}`);
	if (n !== expected) throw new Error(`its malformed rows could not be set apart from the others (${Math.abs(expected - n)} in doubt)`);
	return rejects;
}

/**
 * DuckDB's reader with what the sniffer found: every column as text (values are normalised
 * afterwards, and reported, rather than guessed by type detection). A row's number is its
 * rowid + 1. A malformed row (too many or too few fields, an unterminated quote) is not guessed
 * at: with `rejects`, it goes to that table with its record number and is reported; without,
 * the read fails. (null_padding would keep short rows, but costs the parallel scanner and ~30% of
 * the read time here.)
 */
export function readCsvSql(path: string, sniffed: Pick<Sniffed, 'delimiter' | 'headers' | 'headerLines'>, select: string, rejects?: string | 'skip', maxLine?: number): string {
	const columns = sniffed.headers.map((_, c) => `'c${c}': 'VARCHAR'`).join(', ');
	// An empty field is '', not NULL: raw values are then compared and counted as they are (no
	// coalesce on every row of every column: ~10% of counting and normalising).
	const notNull = sniffed.headers.map((_, c) => `'c${c}'`).join(', ');
	const delimiter = sniffed.delimiter === '\t' ? '\\t' : sniffed.delimiter;
	const keep =
		(rejects === 'skip' ? ', ignore_errors = true' : rejects ? `, ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scans'` : '') +
		(maxLine ? `, max_line_size = ${maxLine}` : '');
	return `SELECT ${select}
		FROM read_csv('${path}', delim = '${delimiter}', quote = '"', escape = '"', header = false, skip = ${sniffed.headerLines},
			auto_detect = false, columns = {${columns}}, force_not_null = [${notNull}]${keep})`;
}
