/**
 * One kind of line break in a file. DuckDB's reader takes the kind from the first line break and
 * stops with an error ("the CSV Parser state machine reached an invalid state") at a line break of
 * another kind outside quotes: a CRLF export with one bare LF, two exports of different systems
 * joined into one. Each break becomes the first one's kind; the lines stay where they were, as
 * lineOfRecord counts LF, CRLF and a lone CR as one line break each.
 */

const LF = 10;
const CR = 13;

/** The bytes with every line break (LF, CRLF, lone CR) written as the first one is; the bytes themselves when they already are. */
export function sameLineBreaks(bytes: Uint8Array): Uint8Array {
	const lf = bytes.indexOf(LF);
	const cr = bytes.indexOf(CR);
	if (cr === -1) return bytes;
	const first = cr !== -1 && (lf === -1 || cr < lf) ? (bytes[cr + 1] === LF ? [CR, LF] : [CR]) : [LF];
	const out = new Uint8Array(bytes.length * first.length);
	let n = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b === CR || b === LF) {
			if (b === CR && bytes[i + 1] === LF) i++;
			for (const x of first) out[n++] = x;
		} else out[n++] = b;
	}
	return out.subarray(0, n);
}
