/**
 * The key fields of a file — the person's id and the year or date — and where each comes from: a
 * header that names it (or staff's choice), a column proposed by its values alone (a guess, used
 * only once staff confirm it), or none. Never silent: without an id each row is counted as a
 * person, and the check report, /upload and `npm run release` say so, with the best candidate.
 * Other fields a column's values propose are set on the column (`guess`), for staff to confirm.
 */
import Papa from 'papaparse';
import type { Field } from '$lib/types';
import { ROW_NUMBER_REASON, type ColumnMapping } from '$lib/normalise/fields';
import { fieldOfValues, idScore, ID_DISTINCT, profileColumns, PROFILE_ROWS } from '$lib/normalise/profile';
import type { Sniffed } from './sniff';
import type { FieldDoubt } from './field-doubts';

export type KeyFieldName = 'id' | 'year' | 'date';
export type KeyFieldStatus = 'recognised' | 'guessed' | 'missing';

export interface KeyField {
	field: KeyFieldName;
	status: KeyFieldStatus;
	/** The header of the column the field is read from (recognised). */
	column?: string;
	/**
	 * Whether the values agree with the header (recognised): false for an id column whose codes are
	 * few — the same code on many rows, a group's or an organisation's rather than a person's —,
	 * which would count many people as one; false for a year or date column most of whose values
	 * are no years or dates (field-doubts.ts), and absent for one whose values do not refute it.
	 */
	confirmed?: boolean;
	/** The header of the column its values propose (guessed, or in place of a year or date in doubt), and its index. */
	candidate?: string;
	candidateIndex?: number;
}

/** The first rows of a file's text as cells, below its header (and Excel's sep= line, a title, an HXL row). */
export function sampleRows(text: string, sniffed: Pick<Sniffed, 'delimiter' | 'headerLines'>, max = PROFILE_ROWS): string[][] {
	let start = 0;
	for (let line = 0; line < sniffed.headerLines && start !== -1; line++) {
		const next = text.slice(start).search(/\r\n|\n|\r/);
		start = next === -1 ? -1 : start + next + (text.startsWith('\r\n', start + next) ? 2 : 1);
	}
	if (start === -1) return [];
	const parsed = Papa.parse<string[]>(text.slice(start), { delimiter: sniffed.delimiter, preview: max, skipEmptyLines: 'greedy' });
	// The last row of a head cut short may be incomplete: it is one of thousands, and only profiled.
	return parsed.data;
}

/** An ignored column that could still be a field: not a survey tool's metadata, a row number or a duplicate. */
const open = (c: ColumnMapping) => c.status === 'ignored' && c.reason === 'not a recognised field';
/** A column headed «№» may hold case numbers after all: if its values repeat on other dates, it is no row number. */
const openForId = (c: ColumnMapping) => open(c) || (c.status === 'ignored' && c.reason === ROW_NUMBER_REASON);

/**
 * Columns with what their values propose (`guess`) where the header named nothing, the id's
 * candidate among them. `chosen`: the fields read (by header or choice), to profile the id's
 * repeats against the date. `doubted`: fields read by a header whose values do not confirm it
 * (field-doubts.ts): another column may still be proposed for them.
 */
export function proposeColumns(columns: ColumnMapping[], rows: string[][], chosen: Map<Field, number>, doubted: Iterable<Field> = []): ColumnMapping[] {
	if (rows.length === 0) return columns;
	const dateOf = (column: number | undefined) => (column === undefined ? undefined : (row: string[]) => (row[column] ?? '').trim() || null);
	// One pass, against the date a header names; again against a date its values propose, only where no header names one.
	const named = chosen.get('date') ?? chosen.get('year');
	let profiles = profileColumns(rows, columns.filter(openForId).map((c) => c.index), dateOf(named));
	const guesses = new Map<number, Field>();
	const taken = new Set<Field>(chosen.keys());
	for (const field of doubted) taken.delete(field);
	for (const p of profiles) {
		if (!open(columns[p.index])) continue;
		const field = fieldOfValues(p, rows.length);
		// One guess per field, and never for a field a header already names (and its values confirm).
		if (field && !taken.has(field) && ![...guesses.values()].includes(field)) guesses.set(p.index, field);
	}
	// The id: codes that repeat on rows with different dates (a person's visits).
	const dateColumn = named ?? [...guesses].find(([, f]) => f === 'date' || f === 'year')?.[0];
	if (!chosen.has('id') && !chosen.has('count')) {
		if (named === undefined && dateColumn !== undefined) profiles = profileColumns(rows, profiles.map((p) => p.index), dateOf(dateColumn));
		const scored = profiles
			.filter((p) => !guesses.has(p.index))
			.map((p) => ({ index: p.index, score: idScore(p, rows.length, dateColumn !== undefined) }))
			.filter((s) => s.score > 0)
			.sort((a, b) => b.score - a.score || a.index - b.index);
		if (scored.length) guesses.set(scored[0].index, 'id');
	}
	return columns.map((c) => (guesses.has(c.index) ? { ...c, guess: guesses.get(c.index) } : c));
}

/** Fewest rows of a sample in which an id column's codes are weighed. */
const MIN_ROWS = 20;

/** Whether a recognised id column's values can be people's: enough distinct codes for the rows (profile.ts). */
function idConfirmed(rows: string[][], index: number): boolean {
	const [p] = profileColumns(rows, [index]);
	return p.filled < MIN_ROWS || p.distinct / p.filled >= ID_DISTINCT;
}

/**
 * The id and the year or date of a file, as read: recognised, guessed (a column proposed by its
 * values) or missing. `rows`: the sample, to confirm the id. `doubts`: header matches its values do
 * not confirm (field-doubts.ts): a year or date among them is `confirmed: false`, with the column
 * whose values fit as its candidate. (A confirmed date has no `confirmed`: absent is "not refuted".)
 */
export function keyFields(columns: ColumnMapping[], chosen: Map<Field, number>, rows: string[][] = [], doubts: FieldDoubt[] = []): KeyField[] {
	const header = (i: number) => columns[i]?.header ?? '';
	const guessed = (field: Field) => columns.find((c) => c.guess === field);
	const doubted = (field: KeyFieldName): Partial<KeyField> => {
		const d = doubts.find((d) => d.field === field);
		return !d ? {} : d.candidateIndex === undefined ? { confirmed: false } : { confirmed: false, candidate: d.candidate, candidateIndex: d.candidateIndex };
	};
	const key = (field: KeyFieldName, fallback: Field[] = []): KeyField => {
		const index = chosen.get(field);
		if (index !== undefined)
			return { field, status: 'recognised', column: header(index), ...(field === 'id' ? (rows.length ? { confirmed: idConfirmed(rows, index) } : {}) : doubted(field)) };
		const candidate = [field, ...fallback].map(guessed).find((c) => c !== undefined);
		return candidate ? { field: candidate.guess as KeyFieldName, status: 'guessed', candidate: candidate.header, candidateIndex: candidate.index } : { field, status: 'missing' };
	};
	const dated: KeyField = chosen.has('year') ? key('year') : key('date', ['year']);
	// A table of people already counted has no person id to ask for.
	return chosen.has('count') ? [dated] : [key('id'), dated];
}
