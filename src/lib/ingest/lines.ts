/**
 * Physical line numbers of records, honouring quoted line breaks: a problem is reported where the
 * user will find it in a text editor, not at a record index.
 */

/**
 * 1-based line where each 0-based record (header = record 0) starts; one scan, stopping early.
 * Works on text, or on the bytes of an ASCII-compatible encoding (UTF-8, Windows-1251), where a
 * quote or a line break is never part of a multi-byte character — so a large UTF-8 export is
 * never turned into one giant string.
 */
export function lineOfRecord(source: string | Uint8Array, records: number[]): number[] {
	if (records.length === 0) return [];
	const at = typeof source === 'string' ? (i: number) => source.charCodeAt(i) : (i: number) => source[i];
	const wanted = Math.max(...records);
	const starts: number[] = [1];
	let line = 1;
	let quoted = false;
	for (let i = 0; i < source.length && starts.length <= wanted; i++) {
		const ch = at(i);
		if (ch === 34 /* " */) quoted = !quoted; // "" inside quotes toggles twice: no change
		else if (ch === 10 /* \n */ || ch === 13 /* \r */) {
			if (ch === 13 && at(i + 1) === 10) i++;
			line++;
			if (!quoted) starts.push(line);
		}
	}
	return records.map((r) => starts[r] ?? line);
}

/**
 * The 1-based line where the first record longer than `limit` bytes starts (quoted line breaks
 * inside it), or null. DuckDB drops such a record without a word when it is not quoted (measured:
 * a 33 MB line, read with a 32 MB limit and rejects kept), so the reader looks for one itself when
 * DuckDB has met a line over its default limit.
 */
export function firstLongRecord(bytes: Uint8Array, limit: number): number | null {
	let line = 1;
	let startLine = 1;
	let start = 0;
	let quoted = false;
	for (let i = 0; i < bytes.length; i++) {
		const ch = bytes[i];
		if (ch === 34) quoted = !quoted;
		else if (ch === 10 || ch === 13) {
			if (ch === 13 && bytes[i + 1] === 10) i++;
			line++;
			if (quoted) continue;
			if (i + 1 - start > limit) return startLine;
			start = i + 1;
			startLine = line;
		}
	}
	return bytes.length - start > limit ? startLine : null;
}
