/**
 * A file's raw values → codes, with its problems reported: values are normalised once per DISTINCT
 * raw value by the pure normalisers and joined back, so a 1M-row export costs a few thousand
 * normaliser calls, not a million. The result is each part's table `norm_<i>` (integers only).
 */
import type { Engine } from '$lib/db/engine';
import { ident, type Columns } from '$lib/db/engine';
import { EXPLOIT_FLAGS, WG_DOMAINS, type ExploitFlag, type Field } from '$lib/types';
import { EXAMPLE_LINES, kindOf, problemsOf } from './problems';
import { PACK_A, PACK_B, packExpression, type Dictionaries } from './attribute-codes';
import { normaliseAge, normaliseCount, normaliseDate, normaliseDisability, normaliseExploitation, normaliseFlag, exploitationOfFlags, normaliseMajority, normaliseNationality, normaliseSex, normaliseText, normaliseWg, normaliseYear, wgDisability, type Normalised } from '$lib/normalise/values';
import { MAX_LINE_BYTES, type PartRead, type readFile } from './read-file';
import { NUL_PROBLEM } from './nul';

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
	disability: normaliseDisability,
	majority: normaliseMajority,
	exploitation: normaliseExploitation
};
/** The dictionary a field's codes index: adult/minor is coded as an age group. */
const dictionaryOf = (field: Field) => (field === 'majority' ? 'age' : field);
const WG_FIELDS = WG_DOMAINS.map((d) => `wg_${d}` as Field);
const FLAG_FIELDS = EXPLOIT_FLAGS.map((f) => `exploit_${f}` as Field);

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
/** A row with a NUL byte (read-file.ts marks it): rejected whatever its values. */
const NUL_ROW = '~nul';
/**
 * The header again, inside the file: two exports joined into one (Excel, `copy a.csv+b.csv`).
 * It is a record DuckDB read, so it counts as a row read, and is rejected as what it is rather
 * than as a row of invalid values; the rows after it are read as any others.
 */
const HEADER_ROW = '~header row';
const HEADER_ROW_PROBLEM = 'repeated header row (two exports joined in one file?)';

/** A column's raw value as counted and reported ('' for none); in the year column, a code for a row rejected whatever it holds. */
type RawValue = (field: Field) => string;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * SQL: the row repeats the header (each loaded column but the id, which is hashed, holds its
 * header; a BOM of a second export's first line aside); null when a header cannot be told from data.
 */
function headerTest(chosen: Map<Field, number>, headers: string[], yearField: Field): string | null {
	// The year first: DuckDB tests the others only on the rows that pass it.
	const fields = [yearField, ...[...chosen.keys()].filter((f) => f !== yearField && f !== 'id')];
	const names = fields.map((f) => headers[chosen.get(f)!] ?? '');
	if (names.some((h) => h === '' || /[\u0000-\u001f]/.test(h))) return null;
	return fields.map((f, k) => `trim(replace(${ident(f)}, chr(65279), '')) = ${literal(names[k])}`).join(' AND ');
}

/**
 * `nul`: the table has read-file's "nul" column. `blankHeaders`: a repeated header's other values
 * are counted as blank, not reported as unrecognised (asked for only when there is one).
 */
function rawValues(chosen: Map<Field, number>, yearField: Field, header: string | null, nul: boolean, blankHeaders = false): RawValue {
	const blank = [...chosen.keys()].map((f) => (f === 'id' ? '"key" IS NULL' : `${ident(f)} = ''`)).join(' AND ');
	const whens = [...(nul ? [`WHEN "nul" THEN '${NUL_ROW}'`] : []), ...(header ? [`WHEN ${header} THEN '${HEADER_ROW}'`] : []), `WHEN ${blank} THEN '${EMPTY_ROW}'`];
	return (field) =>
		field === yearField
			? `CASE ${whens.join(' ')} ELSE ${ident(field)} END`
			: blankHeaders && header && field !== 'id'
				? `CASE WHEN ${header} THEN '' ELSE ${ident(field)} END`
				: ident(field);
}

/** Why the rows of each rejected code are rejected. */
const REJECTED_ROWS: Record<string, string> = { [EMPTY_ROW]: EMPTY_ROW_PROBLEM, [NUL_ROW]: NUL_PROBLEM, [HEADER_ROW]: HEADER_ROW_PROBLEM };

/** Rows per distinct value of each column, in one scan (GROUPING SETS), or per combination of columns; per part. */
async function countValues(engine: Engine, i: number, columns: Field[], raw: RawValue, combined = false): Promise<ValueCount[]> {
	const inner = columns.map((f) => `${raw(f)} AS ${ident(f)}`).join(', ');
	const sets = combined ? `(${columns.map(ident).join(', ')})` : columns.map((f) => `(${ident(f)})`).join(', ');
	// Arrow decodes each string with a TextDecoder, which drops a leading BOM: a value that starts
	// with one (the first cell of a second export joined on) would come back as another value and
	// miss its code. It crosses behind a \u0001, taken off here (found by the fuzzer).
	const kept = columns.map((f) => `CASE WHEN starts_with(${ident(f)}, chr(65279)) THEN chr(1) || ${ident(f)} ELSE ${ident(f)} END AS ${ident(f)}`);
	const rows = await engine.query<Record<string, unknown>>(
		`SELECT ${kept.join(', ')}, rows FROM (SELECT ${columns.map(ident).join(', ')}, count(*)::INTEGER AS rows FROM (SELECT ${inner} FROM raw_${i}) GROUP BY GROUPING SETS (${sets}))`
	);
	const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).replace(/^\u0001(?=\uFEFF)/, ''));
	return rows.map((r) => {
		const field = combined ? columns[0] : columns.find((c) => r[c] !== null)!;
		return { field, values: Object.fromEntries(columns.map((c) => [c, text(r[c])])), raw: text(r[field]), rows: Number(r.rows) };
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

/**
 * Several columns read as one field: the WG-SS answers as a disability, CTDC's yes/no column for each
 * type as the type of exploitation. Classified per distinct combination of values (a few hundred at
 * most), by `classify` over what `read` makes of each value, and joined back on all the columns.
 */
async function readTogether<A>(parts: PartRead[], i: number, name: string, columns: Field[], raw: RawValue, read: (raw: string) => Normalised<A>, classify: (values: A[]) => number) {
	const combos = mergeCounts(await Promise.all(parts.map((part) => countValues(part.engine, i, columns, raw, true))), columns, true);
	const values = combos.map((combo) => columns.map((f) => read(combo.values[f])));
	const table: Columns = Object.fromEntries(columns.map((f) => [f, combos.map((c) => c.values[f])]));
	table.code = values.map((v) => classify(v.map((x) => x.value)));
	await Promise.all(parts.map((part) => part.engine.insertColumns(`map_${i}_${name}`, table)));
	// One entry per value, not per combination: a value's rows are summed over the combinations it is in.
	const byValue = new Map<string, Found>();
	combos.forEach((combo, k) =>
		columns.forEach((field, d) => {
			const problem = values[k][d].problem;
			if (!problem) return;
			const value = combo.values[field];
			const entry = byValue.get(`${field}\u0000${value}`) ?? { field, raw: value, problem, rows: 0 };
			entry.rows += combo.rows;
			byValue.set(`${field}\u0000${value}`, entry);
		})
	);
	const m = `m_${name}`;
	return {
		join: `LEFT JOIN map_${i}_${name} ${m} ON ${columns.map((f) => `r.${ident(f)} = ${m}.${ident(f)}`).join(' AND ')}`,
		code: `${m}.code::INTEGER`,
		found: [...byValue.values()]
	};
}

/** `latest`: the export's date (yyyy-mm-dd); a year or date after it is rejected. */
export async function normaliseFile(i: number, read: Required<Awaited<ReturnType<typeof readFile>>>, dict: Dictionaries, latest?: string) {
	const { report, sniffed, chosen, parts, nul } = read;
	const normalise = (field: Field, raw: string) =>
		field === 'year' ? normaliseYear(raw, latest) : field === 'date' ? normaliseDate(raw, latest) : NORMALISERS[field]!(raw);
	const joins: string[] = [];
	const codes: Partial<Record<Field, string>> = {};
	const found: Found[] = [];
	let total = 0;
	let yearRejects = 0;

	const yearField: Field = chosen.has('year') ? 'year' : 'date';
	const header = headerTest(chosen, sniffed.headers, yearField);
	let raw = rawValues(chosen, yearField, header, nul);
	const fields = ([yearField, 'count', ...PACK_A, ...PACK_B.map(([f]) => f), 'majority'] as Field[]).filter((f) => chosen.has(f) && NORMALISERS[f]);
	let counted = await Promise.all(parts.map((part) => countValues(part.engine, i, fields, raw)));
	// A repeated header: counted again, its other values as blank (rare: a clean export is scanned once).
	if (counted.some((values) => values.some((c) => c.field === yearField && c.raw === HEADER_ROW))) {
		raw = rawValues(chosen, yearField, header, nul, true);
		counted = await Promise.all(parts.map((part) => countValues(part.engine, i, fields, raw)));
	}
	// Each part's rows are numbered on from the rows of the parts before it.
	let before = 0;
	counted.forEach((values, p) => {
		parts[p].recOffset = before;
		for (const c of values) if (c.field === yearField) before += c.rows;
	});
	// Every field's raw value → code, in one table (one round trip to each engine, not one per field).
	const map: Columns = { field: [], raw: [], code: [] };
	for (const c of mergeCounts(counted, fields)) {
		const rejectedRow = c.field === yearField ? REJECTED_ROWS[c.raw] : undefined;
		const { value, problem } = rejectedRow ? { value: null, problem: rejectedRow } : normalise(c.field, c.raw);
		const numeric = c.field === yearField || c.field === 'count';
		map.field.push(c.field);
		map.raw.push(c.raw);
		// Years and counts are their own code (-1: none); attributes index the dictionary.
		map.code.push(numeric ? (value === null ? -1 : Number(value)) : dict[dictionaryOf(c.field)].code(String(value)));
		if (problem) found.push({ field: c.field, raw: c.raw, problem, rows: c.rows });
		if (c.field === yearField) {
			total += c.rows;
			if (value === null) yearRejects += c.rows;
		}
	}
	await Promise.all(parts.map((part) => part.engine.insertColumns(`map_${i}`, map)));
	for (const field of fields) {
		// Typed here: a file none of whose rows DuckDB could read gives an empty map, whose column reads as text.
		joins.push(`LEFT JOIN (SELECT raw, code::INTEGER AS code FROM map_${i} WHERE field = '${field}') m_${field} ON r.${ident(field)} = m_${field}.raw`);
		codes[field] = `m_${field}.code`;
	}

	const wg = WG_FIELDS.filter((f) => chosen.has(f));
	if (!chosen.has('disability') && wg.length > 0) {
		const combined = await readTogether(parts, i, 'wg', wg, raw, normaliseWg, (answers) => dict.disability.code(wgDisability(answers)));
		joins.push(combined.join);
		codes.disability = combined.code;
		found.push(...combined.found);
	}
	const flags = FLAG_FIELDS.filter((f) => chosen.has(f));
	if (!chosen.has('exploitation') && flags.length > 0) {
		const flagOf = (f: Field) => f.slice('exploit_'.length) as ExploitFlag;
		const combined = await readTogether(parts, i, 'ex', flags, raw, normaliseFlag, (yes) => dict.exploitation.code(exploitationOfFlags(flags.filter((_, k) => yes[k]).map(flagOf))));
		joins.push(combined.join);
		codes.exploitation = combined.code;
		found.push(...combined.found);
	}

	// Line numbers are counted only when there is something to show (a clean export reads nothing again).
	const examples = await Promise.all(parts.map((part) => firstRecords(part.engine, i, found, raw)));
	const rejectedRecords = parts.map((part) => part.rejects.map((r) => r.line));
	for (const field of [...fields, ...wg, ...flags]) {
		const lines = (kind: string) =>
			linesOf(parts, (part, p) =>
				(examples[p].get(`${field}\u0000${kind}`) ?? []).map((rec) => recordOf(rec, part.headerLines, rejectedRecords[p]))
			);
		const numeric = field === yearField || field === 'count';
		const kinds = problemsOf(field, found.filter((f) => f.field === field), numeric);
		for (const problem of kinds) report.problems.push({ ...problem, lines: await lines(problem.kind) });
	}

	const code = (f: Field) => (codes[f] ? `coalesce(${codes[f]}, 0)` : '0');
	// An age where the export gives one; else adult/minor (code 0 is UNKNOWN in both).
	if (codes.majority) codes.age = codes.age ? `coalesce(nullif(${codes.age}, 0), ${codes.majority})` : codes.majority;
	// Integers only: materialised, the people query aggregates it fast (the joins in its pipeline cost twice as much).
	await Promise.all(
		parts.map((part) =>
			part.engine.exec(
				`CREATE OR REPLACE TABLE norm_${i} AS SELECT ${i} AS file, (r.rowid + 1 + ${part.recOffset})::INTEGER AS rec,
					${chosen.has('id') ? 'r."key"' : 'NULL::UBIGINT'} AS key,
					${nul ? `CASE WHEN r."nul" THEN NULL ELSE nullif(${codes[yearField]}, -1) END` : `nullif(${codes[yearField]}, -1)`}::INTEGER AS year,
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
	for (const type of new Set(rejects.flatMap((r) => r.errors))) {
		report.problems.push({
			field: yearField,
			kind:
				type === 'TOO MANY COLUMNS'
					? `more fields than the header has (${sniffed.headers.length})`
					: type === 'MISSING COLUMNS'
						? `fewer fields than the header has (${sniffed.headers.length})`
						: type === 'INVALID UNICODE'
							? 'not valid UTF-8 (is this part of the file in another encoding?)'
							: type === 'LINE SIZE OVER MAXIMUM'
								? `line longer than ${MAX_LINE_BYTES / 1024 / 1024} MB (is a quote left open?)`
								: `malformed CSV row (${type.toLowerCase()})`,
			values: [],
			rows: rejects.filter((r) => r.errors.includes(type)).length,
			lines: await linesOf(parts, (part) => part.rejects.filter((r) => r.errors.includes(type)).slice(0, EXAMPLE_LINES).map((r) => r.line - 1)),
			rejected: true
		});
	}

	report.rowsRejected = invalid + rejects.length;
	report.rowsRead = total + rejects.length;
	report.rowsLoaded = report.rowsRead - report.rowsRejected;
	return parts;
}
