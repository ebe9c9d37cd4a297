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
	// No year in the range: no row (`IN ()` is not SQL).
	if (level.years.length === 0) parts.push('false');
	else (parts.push(level.years.length === 1 ? 'year = ?' : `year IN (${list(level.years)})`), params.push(...level.years));
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
