/**
 * Columns recognised from their values: each column of a sample of rows profiled (how many of its
 * values read as dates, years, ages, sexes, countries, yes/no; how many distinct, and whether codes
 * repeat on rows with different dates), so that a column whose header says nothing known can be
 * proposed as a field. A proposal is a guess: shown to staff as one, used only once they confirm
 * it. Header matching stays first (fields.ts); this never overrides it.
 */
import type { Field } from '$lib/types';
import { UNKNOWN } from '$lib/types';
import { normaliseAge, normaliseDate, normaliseDisability, normaliseNationality, normaliseSex, normaliseYear } from './values';

export type ValueKind = 'date' | 'year' | 'age' | 'sex' | 'nationality' | 'yesno';

export interface ColumnProfile {
	index: number;
	/** Rows of the sample with a value in this column. */
	filled: number;
	distinct: number;
	/** Share of the filled values that read as each kind (of the first KIND_VALUES; below one half, only "below one half"). */
	kinds: Record<ValueKind, number>;
	/** Distinct values found on more than one row. */
	repeated: number;
	/** Of those, how many are on rows with different dates (a person's visits, not a household or a group). */
	repeatedOnOtherDates: number;
	/** Share of filled values that look like a case code or pseudonym: short, one token. */
	codeLike: number;
}

/** Values a column must read as, for its values alone to name its field. */
const MOST = 0.9;
/** Values in a profile: enough to see repeats, cheap to read (each distinct value is normalised once). */
export const PROFILE_ROWS = 5000;
/**
 * Values tested for their kind (date, sex, …): the first 200 filled ones say whether 90% are, and
 * a kind is no longer tested once half of them are not. Repeats are counted over every row.
 * Measured on a 2-core machine under load: 120 columns × 5,000 rows in 0.3–0.7 s (2.3 s testing
 * every value of every kind).
 */
const KIND_VALUES = 200;
const MAX_KIND_LENGTH = 100;

const read = (ok: (v: string) => boolean) => {
	const cache = new Map<string, boolean>();
	return (v: string) => {
		let r = cache.get(v);
		if (r === undefined) cache.set(v, (r = ok(v)));
		return r;
	};
};
const known = <T>(n: { value: T; problem?: string }) => !n.problem && n.value !== UNKNOWN && n.value !== null;
const TESTS: Record<ValueKind, (v: string) => boolean> = {
	date: (v) => known(normaliseDate(v)) && !/^\d{4}(?:\.0+)?$/.test(v.trim()),
	year: (v) => known(normaliseYear(v)),
	age: (v) => known(normaliseAge(v)),
	sex: (v) => known(normaliseSex(v)),
	nationality: (v) => known(normaliseNationality(v)) && v.trim().length > 1,
	yesno: (v) => /^(?:yes|no|y|n|да|нет|ооба|жок|true|false)$/i.test(v.trim()) || (known(normaliseDisability(v)) && !/^\d/.test(v.trim()))
};
/** A case number or pseudonym: letters and digits, maybe joined by - _ / . or a space, no longer than 40. */
const CODE = /^[\p{L}\p{N}]+(?:[-_/.# ][\p{L}\p{N}]+){0,4}$/u;

/** Profiles of the columns `indexes` of `rows`; `dateOf(row)`: the row's date or year when one is known (for repeats on other dates). */
export function profileColumns(rows: string[][], indexes: number[], dateOf?: (row: string[]) => string | null): ColumnProfile[] {
	const tests = Object.fromEntries(Object.entries(TESTS).map(([k, t]) => [k, read(t)])) as Record<ValueKind, (v: string) => boolean>;
	return indexes.map((index) => {
		const counts: Record<ValueKind, number> = { date: 0, year: 0, age: 0, sex: 0, nationality: 0, yesno: 0 };
		const rowsOf = new Map<string, number>();
		// A value's first date, and the values seen on a second date (no set per value: 5,000 rows × 120 columns).
		const firstDate = new Map<string, string | null>();
		const onOtherDates = new Set<string>();
		let filled = 0;
		let codes = 0;
		let tested = 0;
		const failed: Record<ValueKind, number> = { date: 0, year: 0, age: 0, sex: 0, nationality: 0, yesno: 0 };
		for (const row of rows) {
			const value = (row[index] ?? '').trim();
			if (value === '') continue;
			filled++;
			if (value.length <= 40 && CODE.test(value)) codes++;
			// No date, age, sex, country or yes/no is longer than this: a notes cell of megabytes is not read six times over.
			if (tested < KIND_VALUES && value.length > MAX_KIND_LENGTH) tested++;
			else if (tested < KIND_VALUES) {
				tested++;
				for (const kind of Object.keys(counts) as ValueKind[]) {
					if (failed[kind] > KIND_VALUES / 2) continue;
					if (tests[kind](value)) counts[kind]++;
					else failed[kind]++;
				}
			}
			rowsOf.set(value, (rowsOf.get(value) ?? 0) + 1);
			if (dateOf) {
				const date = dateOf(row);
				if (!firstDate.has(value)) firstDate.set(value, date);
				else if (firstDate.get(value) !== date) onOtherDates.add(value);
			}
		}
		let repeated = 0;
		let repeatedOnOtherDates = 0;
		for (const [value, n] of rowsOf) {
			if (n < 2) continue;
			repeated++;
			if (onOtherDates.has(value)) repeatedOnOtherDates++;
		}
		const share = (n: number) => (filled ? n / filled : 0);
		const kindShare = (n: number) => (tested ? n / tested : 0);
		return {
			index,
			filled,
			distinct: rowsOf.size,
			kinds: Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, kindShare(n)])) as Record<ValueKind, number>,
			repeated,
			repeatedOnOtherDates,
			codeLike: share(codes)
		};
	});
}

/** The field a column's values say it holds, or null: dates, years, sexes, countries, ages (yes/no is too common a shape to name a field alone). */
export function fieldOfValues(p: ColumnProfile, rows: number): Field | null {
	if (p.filled < Math.max(3, rows * 0.5)) return null;
	const { kinds } = p;
	if (kinds.date >= MOST) return 'date';
	if (kinds.year >= MOST && p.distinct <= 60) return 'year';
	if (kinds.sex >= MOST && p.distinct <= 8) return 'sex';
	if (kinds.nationality >= MOST && kinds.sex < 0.5 && kinds.yesno < 0.5) return 'nationality';
	// Ages as bands or words ("18-59", "Age 30-38", "60+"), or whole numbers of a few dozen values: not a serial number.
	if (kinds.age >= MOST && kinds.year < 0.5 && p.distinct <= Math.max(10, p.filled * 0.5)) return 'age';
	return null;
}

/** Fewest distinct values per filled value for a column of person ids (a register's visits: most people come once or twice). */
export const ID_DISTINCT = 0.3;
/** Of the codes seen on more than one row, how many must be on different dates (a household or a group registered together is not a person). */
const ID_OTHER_DATES = 0.5;

/**
 * How well a column's values fit a person's id, 0 when they do not: codes on nearly every row,
 * mostly distinct, some on more than one row and those on different dates. A column unique on
 * every row (a row number, a submission id) is no candidate: it would count each row as a person.
 */
export function idScore(p: ColumnProfile, rows: number, dated: boolean): number {
	if (rows < 4 || p.filled < rows * 0.8 || p.codeLike < MOST) return 0;
	if (p.kinds.date > 0.5 || p.kinds.sex > 0.5 || p.kinds.yesno > 0.5 || p.kinds.nationality > 0.5) return 0;
	const ratio = p.distinct / p.filled;
	if (ratio < ID_DISTINCT || p.repeated === 0 || p.distinct === p.filled) return 0;
	const otherDates = p.repeatedOnOtherDates / p.repeated;
	if (dated && otherDates < ID_OTHER_DATES) return 0;
	return ratio * (dated ? otherDates : 0.5);
}

/** The fields whose header match the values can confirm: each has a reader of its own. */
export type ConfirmableField = 'date' | 'year' | 'sex' | 'nationality' | 'age' | 'disability';
export const CONFIRMABLE: readonly ConfirmableField[] = ['date', 'year', 'sex', 'nationality', 'age', 'disability'];

/**
 * Whether a value reads as the field its header names: its shape, not its validity. A date out of
 * range, with a two-digit year or as an Excel serial, an age range across 18, a year before 1950
 * are that field's values, wrong ones, and already reported as problems by line; a sex coded 1/2
 * (a legend elsewhere) is a sex column too. Only a value of another shape ("2024-03-15" under
 * "Sex") says the header may be over the wrong column.
 */
const SHAPES: Record<ConfirmableField, (v: string) => boolean> = {
	date: (v) => !(normaliseDate(v).problem ?? '').startsWith('invalid date'),
	year: (v) => !normaliseYear(v).problem || /^\d{4}(?:\.0+)?$/.test(v),
	sex: (v) => !normaliseSex(v).problem || /^\d$/.test(v),
	nationality: (v) => !normaliseNationality(v).problem,
	age: (v) => !(normaliseAge(v).problem ?? '').startsWith('unrecognised age'),
	disability: (v) => !normaliseDisability(v).problem
};

export interface FieldReading {
	/** Filled values read (the first KIND_VALUES of the sample). */
	read: number;
	/** Of those, how many do not read as the field. */
	notReading: number;
}

/** How many of a column's first filled values (at most KIND_VALUES, each distinct one read once) do not read as `field`. */
export function fieldReading(rows: string[][], index: number, field: ConfirmableField): FieldReading {
	const reads = read(SHAPES[field]);
	let n = 0;
	let notReading = 0;
	for (const row of rows) {
		if (n >= KIND_VALUES) break;
		const value = (row[index] ?? '').trim();
		if (value === '') continue;
		n++;
		// A notes cell of megabytes is no value of any of these fields.
		if (value.length > MAX_KIND_LENGTH || !reads(value)) notReading++;
	}
	return { read: n, notReading };
}
