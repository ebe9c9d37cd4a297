/** A SQL text with its `?` parameters: what every indicator builder returns. */
import { ALL, SCOPE_FIELDS, type ViewName } from '$lib/types';
import { ident } from '$lib/db/engine';
import type { Level } from './level';

export interface Query {
	sql: string;
	params: (string | number)[];
}

/** Every indicator reads one count table shaped like ReleaseRow (published or dropped-in). */
export const COUNTS_TABLE = 'counts';

const list = (values: unknown[]) => values.map(() => '?').join(', ');

/**
 * WHERE clause for one or more views at one level (see ./level): its period values, and for each
 * scope field the selected value, every value of the level (`<> ALL`), or ALL when the level sums
 * over it. Every field is pinned, so rows of another level are never added in.
 */
export function where(view: ViewName | ViewName[], level: Level): Query {
	const views = Array.isArray(view) ? view : [view];
	const parts = [views.length === 1 ? 'view = ?' : `view IN (${list(views)})`];
	const params: (string | number)[] = [...views];
	// No year in the range: no row. Several single years are the table's years between the first
	// and the last (see perYear), written as one range: one statement text, prepared once, for any
	// range (a list of N parameters was a new statement, prepared again, for each length).
	if (level.years.length === 0) parts.push('false');
	else if (level.years.length === 1) (parts.push('year = ?'), params.push(level.years[0]));
	else (parts.push('year BETWEEN ? AND ? AND length(year) = 4'), params.push(level.years[0], level.years.at(-1)!));
	for (const field of SCOPE_FIELDS) {
		const value = level.values[field];
		if (value !== undefined) (parts.push(`${ident(field)} = ?`), params.push(value));
		else parts.push(`${ident(field)} ${level.fields.includes(field) ? '<>' : '='} '${ALL}'`);
	}
	return { sql: parts.join(' AND '), params };
}

/** Categories of one view summed over the level's rows. */
export function categoryCountsSql(view: ViewName, level: Level): Query {
	const w = where(view, level);
	return {
		sql: `SELECT category, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY category ORDER BY n DESC, category`,
		params: w.params
	};
}
