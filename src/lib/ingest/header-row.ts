/**
 * Whether the row read as the header is a record: an export saved without its header (or with a
 * title above the first record) has a person's values where the column names should be. It is
 * refused as such, and the message lists none of them: they are a client's id, name and birth
 * date, and the build prints its messages to CI logs.
 */
import type { ColumnMapping } from '$lib/normalise/fields';
import { normaliseDate, normaliseNationality, normaliseSex } from '$lib/normalise/values';
import { UNKNOWN } from '$lib/types';

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
/** A case number or pseudonym: "P-0001", "A12", "KG/2024/15". */
const CODE = /^\p{L}{0,4}[-_/ ]?\d{2,}(?:[-_/]\d+)*$/u;
const known = (value: { value: unknown; problem?: string }) => !value.problem && value.value !== UNKNOWN && value.value !== null;

/** A cell that reads as a value of a record, not as a column's name. */
export function isValue(cell: string): boolean {
	const text = cell.trim();
	if (text === '') return false;
	return NUMBER.test(text) || CODE.test(text) || known(normaliseDate(text)) || known(normaliseSex(text)) || known(normaliseNationality(text));
}

/** No cell names a field or an identifier, and some cell is a value (a date, a number, a code, a sex, a country). */
export function firstRowIsData(columns: ColumnMapping[]): boolean {
	const named = columns.some((c) => c.status === 'recognised' || (c.status === 'refused' && !c.reason?.endsWith('(by its values)')));
	return !named && columns.some((c) => isValue(c.header));
}
