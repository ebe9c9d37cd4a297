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

/**
 * No cell names a field or an identifier, and some cell is a value (a date, a number, a code, a sex,
 * a country); or every cell has the shape of the cell below it (`record`: the first record under
 * it), some of them more than a plain word. "Alice,StreetA,TEST5" over "Bob,StreetB,TEST5" (DuckDB's
 * corpus, auto/varchar_multi_line.csv) is two records: read as a header, "StreetA" was refused as
 * an address column and printed in the message.
 */
export function firstRowIsData(columns: ColumnMapping[], record: string[] = []): boolean {
	const named = columns.some((c) => c.status === 'recognised' || (c.status === 'refused' && !c.reason?.endsWith('(by its values)')));
	return (!named && columns.some((c) => isValue(c.header))) || shapedLikeRecord(columns.map((c) => c.header), record);
}

/** "StreetA" → "AaA", "TEST5" → "A9", "P-0001" → "A-9": letters by case and digits, each run as one. */
const shape = (cell: string) => cell.trim().replace(/\p{Lu}+/gu, 'A').replace(/\p{Ll}+/gu, 'a').replace(/\p{N}+/gu, '9');
/** A word or words, as any header or name is written ("Name", "city", "Anna Andreadi"): no evidence either way. */
const PLAIN = /^(?:A?a|A)(?: (?:A?a|A))*$/;

/**
 * Whether the header row has the shapes of the record below it, cell for cell (two cells or more),
 * one of them more than a plain word. A file with a year or date header never does ("year" is no
 * "2024"), nor does "Name,City" over "Bob,Paris": that header stays a header.
 */
function shapedLikeRecord(header: string[], record: string[]): boolean {
	const pairs = header.map((h, i) => [shape(h), shape(record[i] ?? '')]).filter(([h, r]) => h !== '' || r !== '');
	return pairs.length >= 2 && pairs.every(([h, r]) => h === r) && pairs.some(([h]) => !PLAIN.test(h));
}
