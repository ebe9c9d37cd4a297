/**
 * A large export cut into parts at record boundaries, so that several DuckDB workers can each read
 * one (DuckDB-wasm runs one thread per worker: two workers on two cores read and check 1M rows in
 * ~55% of the time one takes, measured).
 */

/** Byte offsets of a part in the export: [start, end). */
export interface Part {
	start: number;
	end: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Up to `count` parts of about equal size, each cut just after a line break that is outside quotes
 * (a quote count that is even so far: an escaped "" counts twice). Bytes of an ASCII-compatible
 * encoding (UTF-8): a quote or a line break is never inside a multi-byte character.
 */
export function splitRecords(bytes: Uint8Array, count: number): Part[] {
	const cuts = [0];
	let quotes = 0;
	let at = 0; // bytes[0, at) have been scanned for quotes
	const countQuotes = (to: number) => {
		// Searched in bytes[at, to) only: on the whole array, a file without quotes would be read to its end.
		const scanned = bytes.subarray(at, to);
		for (let i = scanned.indexOf(QUOTE); i !== -1; i = scanned.indexOf(QUOTE, i + 1)) quotes++;
		at = to;
	};
	for (let k = 1; k < count; k++) {
		let cut = Math.max(Math.floor((bytes.length * k) / count), cuts.at(-1)!);
		for (;;) {
			const lf = bytes.indexOf(LF, cut);
			if (lf === -1) {
				cut = bytes.length;
				break;
			}
			countQuotes(lf);
			cut = lf + 1;
			if (quotes % 2 === 0) break;
		}
		if (cut >= bytes.length) break;
		if (cut > cuts.at(-1)!) cuts.push(cut);
	}
	cuts.push(bytes.length);

	return cuts.slice(1).map((end, k) => ({ start: cuts[k], end }));
}

/** Line breaks (LF, CRLF or a lone CR) in bytes[start, end), as lineOfRecord counts them. */
export function lineBreaks(bytes: Uint8Array, start: number, end: number): number {
	const range = bytes.subarray(start, end);
	let n = 0;
	for (let i = range.indexOf(LF); i !== -1; i = range.indexOf(LF, i + 1)) n++;
	for (let i = range.indexOf(CR); i !== -1; i = range.indexOf(CR, i + 1)) if (bytes[start + i + 1] !== LF) n++;
	return n;
}
