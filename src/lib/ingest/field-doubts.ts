/**
 * Header matches the values do not confirm: a column read as the date, year, sex, nationality, age
 * or disability by its header, most of whose values do not read as that field — a header over the
 * wrong column (a shifted row of headers, two columns swapped), which would fill a field with
 * unknowns or reject every row while the page looked as if all were well. Said in the check report
 * (never a value of the file: the column by its header and place, and the share), with the column
 * whose values do fit the field, where one is open, as the candidate (one click uses it).
 */
import type { Field } from '$lib/types';
import type { ColumnMapping } from '$lib/normalise/fields';
import { CONFIRMABLE, fieldReading, type ConfirmableField } from '$lib/normalise/profile';

export interface FieldDoubt {
	field: ConfirmableField;
	/** The column read as the field: its header, and its index (0-based). */
	column: string;
	index: number;
	/** Filled values read, and how many of them do not read as the field. */
	read: number;
	notReading: number;
	/** An unrecognised column whose values do read as the field (proposeColumns' guess), and its index. */
	candidate?: string;
	candidateIndex?: number;
}

/**
 * Fewest filled values to judge a column by: below this a few odd entries (a test row, a note)
 * could be most of the values; the id is weighed on as many (key-fields.ts).
 */
export const DOUBT_MIN_VALUES = 20;
/**
 * A header is in doubt when fewer than half of its column's values read as its field. A header
 * naming a field is strong evidence, and a register with a third of its sexes mistyped still has
 * its sex column where it says: those values are reported one by one as problems, by line. Only
 * when most values are of another shape is the header likely over the wrong column. (Shape, not
 * validity: profile.ts's fieldReading.)
 */
const MOST_NOT_READING = 0.5;

/** The fields read by header (or staff's choice) whose column's sample of values does not confirm them. */
export function fieldDoubts(columns: ColumnMapping[], chosen: Map<Field, number>, rows: string[][]): FieldDoubt[] {
	const doubts: FieldDoubt[] = [];
	for (const field of CONFIRMABLE) {
		const index = chosen.get(field);
		if (index === undefined) continue;
		const { read, notReading } = fieldReading(rows, index, field);
		if (read >= DOUBT_MIN_VALUES && notReading / read > MOST_NOT_READING) doubts.push({ field, column: columns[index]?.header ?? '', index, read, notReading });
	}
	return doubts;
}

/**
 * Each doubt with the open column its values propose for the field (`guess`, set by
 * proposeColumns), if any. A date in doubt may take a column of years (a date column may hold only
 * years), a year only a column of years: the year is read first, and a date is no year.
 */
export function withCandidates(doubts: FieldDoubt[], columns: ColumnMapping[]): FieldDoubt[] {
	return doubts.map((d) => {
		const fits: Field[] = d.field === 'date' ? ['date', 'year'] : [d.field];
		const c = fits.map((f) => columns.find((c) => c.status === 'ignored' && c.guess === f)).find((c) => c !== undefined);
		return c ? { ...d, candidate: c.header, candidateIndex: c.index } : d;
	});
}
