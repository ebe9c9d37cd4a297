/**
 * DuckDB's rejects table has one entry per error, not per row: a row two fields short is two
 * "MISSING COLUMNS" entries on one line. A row is read once and rejected once, with every reason
 * it has, or rows read ≠ loaded + rejected (433,205 "rows" read from a file of 5,955).
 */

/** A row DuckDB rejected: its line (as DuckDB numbers it) and its kinds of error, each once. */
export interface RejectedRow {
	line: number;
	errors: string[];
}

/** DuckDB's reject entries as rows, one per line, in line order. */
export function rejectedRows(entries: { line: number; error_type: string }[]): RejectedRow[] {
	const byLine = new Map<number, Set<string>>();
	for (const { line, error_type } of entries) byLine.set(line, (byLine.get(line) ?? new Set()).add(error_type));
	return [...byLine].sort(([a], [b]) => a - b).map(([line, errors]) => ({ line, errors: [...errors] }));
}
