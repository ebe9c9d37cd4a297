/** The number of people in a row of a table of people already counted. */
import { isBlank, plain, problem, type Normalised } from './common';

/**
 * The most people one row can count: counts are INTEGER codes in the engine, and no register counts
 * two billion people in a row. A larger number is a phone or document number under a "number"
 * header ("9193046161"): taken as a count, it stopped the load with a DuckDB cast error.
 */
const MAX_COUNT = 2 ** 31 - 1;

/** A whole number ≥ 0; thousands may be grouped by spaces (Russian usage) or commas (English). */
export function normaliseCount(raw: string): Normalised<number | null> {
	if (isBlank(raw)) return { value: null, problem: 'missing count' };
	// NFKC (in plain) has already made no-break and narrow no-break spaces ordinary spaces.
	const text = plain(raw);
	const grouped = /^\d{1,3}(?:( |,)\d{3})(?:\1\d{3})*$/.test(text);
	// "12.0" is a spreadsheet's whole number, but "1.000" may be a thousand (a dot groups thousands
	// in some locales): at most two zero decimals.
	const digits = grouped ? text.replace(/[ ,]/g, '') : (/^(\d+)(?:[.,]0{1,2})?$/.exec(text)?.[1] ?? '');
	const n = digits === '' ? NaN : Number(digits);
	return Number.isSafeInteger(n) && n <= MAX_COUNT ? { value: n } : problem(null, 'invalid count', raw);
}

