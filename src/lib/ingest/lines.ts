/**
 * Physical line numbers of records, honouring quoted line breaks: a problem is reported where the
 * user will find it in a text editor, not at a record index.
 */

/** 1-based line where each 0-based record (header = record 0) starts; one scan, stopping early. */
export function lineOfRecord(text: string, delimiter: string, records: number[]): number[] {
	if (records.length === 0) return [];
	void delimiter; // quotes decide where records end; the delimiter does not
	const wanted = Math.max(...records);
	const starts: number[] = [1];
	let line = 1;
	let quoted = false;
	for (let i = 0; i < text.length && starts.length <= wanted; i++) {
		const ch = text.charCodeAt(i);
		if (ch === 34 /* " */) quoted = !quoted; // "" inside quotes toggles twice: no change
		else if (ch === 10 /* \n */ || ch === 13 /* \r */) {
			if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
			line++;
			if (!quoted) starts.push(line);
		}
	}
	return records.map((r) => starts[r] ?? line);
}
