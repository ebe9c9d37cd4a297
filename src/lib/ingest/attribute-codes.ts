/**
 * Attribute codes: every normalised value of a field gets a small integer, and a person's
 * attributes pack into two integers (SQL side) and unpack into a PersonRow (JavaScript side).
 */
import { UNKNOWN, type Field, type PersonRow } from '$lib/types';

/**
 * Codes shared by all files of a load: de-duplicating a million people then aggregates integers,
 * not strings. Code 0 is UNKNOWN for every field.
 */
export class Dictionary {
	readonly values: string[] = [UNKNOWN];
	private readonly codes = new Map<string, number>([[UNKNOWN, 0]]);
	constructor(readonly field: string, readonly limit: number) {}
	code(value: string): number {
		let code = this.codes.get(value);
		if (code === undefined) {
			code = this.values.push(value) - 1;
			if (code >= this.limit) throw new Error(`column "${this.field}" has more than ${this.limit} different values: is it free text?`);
			this.codes.set(value, code);
		}
		return code;
	}
}

export const TEXT_BITS = 15;
/**
 * Bit layout of the two packed codes: a = organisation|programme|group|region,
 * b = sex|age|disability|nationality|exploitation (28 bits: b crosses engines as an INTEGER).
 */
export const PACK_A: Field[] = ['organisation', 'programme', 'group', 'region'];
export const PACK_B: [Field, number][] = [['sex', 3], ['age', 4], ['disability', 2], ['nationality', 9], ['exploitation', 10]];

export type Dictionaries = Record<string, Dictionary>;

export function dictionaries(): Dictionaries {
	const d: Dictionaries = {};
	for (const f of PACK_A) d[f] = new Dictionary(f, 2 ** TEXT_BITS);
	for (const [f, bits] of PACK_B) d[f] = new Dictionary(f, 2 ** bits);
	return d;
}

export function packExpression(fields: Field[] | [Field, number][], code: (f: Field) => string): string {
	let shift = 0;
	const parts: string[] = [];
	for (const entry of [...fields].reverse()) {
		const [field, bits] = Array.isArray(entry) ? entry : [entry, TEXT_BITS];
		parts.push(shift ? `(${code(field)}::BIGINT << ${shift})` : `${code(field)}::BIGINT`);
		shift += bits;
	}
	return parts.join(' | ');
}

/** PACK_B from its last field to its first, with each field's modulus: unpacking runs once per row. */
const PACK_B_FROM_LAST = [...PACK_B].reverse().map(([f, bits]) => [f, 2 ** bits] as const);

/** A people row as the de-duplicating query gives it: `a` in two halves, `b`, and the year and count. */
export interface PackedRow {
	year: number;
	hi: number;
	lo: number;
	b: number;
	n: number;
}

/** One object per row, its fields set in one order (no spread: a million-people load makes ~90k of them). */
export function unpack({ year, hi, lo, b, n }: PackedRow, dict: Dictionaries): PersonRow {
	const out: Record<string, string | number> = { year };
	// `a` = hi·2^30 + lo, and 30 = 2 × TEXT_BITS: the last two fields are in lo, the first two in hi.
	const mask = 2 ** TEXT_BITS - 1;
	const [first, second, third, fourth] = PACK_A;
	out[first] = dict[first].values[hi >>> TEXT_BITS];
	out[second] = dict[second].values[hi & mask];
	out[third] = dict[third].values[lo >>> TEXT_BITS];
	out[fourth] = dict[fourth].values[lo & mask];
	let restB = b;
	for (const [f, modulus] of PACK_B_FROM_LAST) (out[f] = dict[f].values[restB % modulus]), (restB = Math.floor(restB / modulus));
	out.n = n;
	return out as unknown as PersonRow;
}
