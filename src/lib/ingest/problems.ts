/** Problems found in an export, grouped the way the check report shows them. */
import type { Field } from '$lib/types';

export interface ProblemReport {
	field: Field;
	/** The kind, without the value: "unrecognised country". */
	kind: string;
	/** The values seen with this problem (never from a refused column). */
	values: string[];
	rows: number;
	/** First physical lines (1-based) where it occurs. */
	lines: number[];
	rejected: boolean;
}

export const EXAMPLE_LINES = 3;
const MAX_VALUES = 20;

/** "unrecognised country "Atlantis"" → "unrecognised country": problems of one kind are reported together. */
export function kindOf(problem: string): string {
	return problem.replace(/\s*"[^"]*"\s*$/, '');
}

/** Problems of one field, by kind, with their values (the caller finds their lines). */
export function problemsOf(field: Field, found: { problem: string; rows: number }[], rejected: boolean): ProblemReport[] {
	const byKind = new Map<string, ProblemReport>();
	for (const f of found.sort((a, b) => b.rows - a.rows || (a.problem < b.problem ? -1 : 1))) {
		const kind = kindOf(f.problem);
		const value = /"([^"]*)"\s*$/.exec(f.problem)?.[1];
		const entry = byKind.get(kind) ?? { field, kind, values: [], rows: 0, lines: [], rejected };
		entry.rows += f.rows;
		if (value !== undefined && entry.values.length < MAX_VALUES) entry.values.push(value);
		byKind.set(kind, entry);
	}
	return [...byKind.values()];
}
