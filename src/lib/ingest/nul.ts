/**
 * NUL bytes inside a text export (a crash's padding, a value pasted from a binary source). DuckDB
 * would read a NUL as part of a value, so the row could be loaded with a damaged value or its
 * field split in two: each NUL is replaced by a control byte the file does not hold, and the rows
 * that hold it are rejected, each with its line, while the rest are read.
 */

/** The problem a row with a NUL byte is rejected with. */
export const NUL_PROBLEM = 'contains NUL bytes (is the file damaged?)';

/** Bytes that never occur in a text export: one of them, absent from this one, stands for NUL. */
const CANDIDATES = [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31];

/** A control byte that `bytes` do not hold, to stand for NUL; null when each one is there. */
export function nulMarker(bytes: Uint8Array): number | null {
	const seen = new Uint8Array(32);
	for (const c of CANDIDATES) if (bytes.indexOf(c) !== -1) seen[c] = 1;
	return CANDIDATES.find((c) => !seen[c]) ?? null;
}

/** A copy of `bytes`, each NUL replaced by `marker`. */
export function replaceNul(bytes: Uint8Array, marker: number): Uint8Array {
	const out = bytes.slice();
	for (let i = out.indexOf(0); i !== -1; i = out.indexOf(0, i + 1)) out[i] = marker;
	return out;
}
