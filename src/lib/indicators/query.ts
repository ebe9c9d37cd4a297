/** A SQL text with its `?` parameters: what every indicator builder returns. */
import type { Filters, ScopeField } from '$lib/types';
import { ident } from '$lib/db/engine';

export interface Query {
	sql: string;
	params: (string | number)[];
}

/** Every indicator reads one count table shaped like ReleaseRow (published or dropped-in). */
export const COUNTS_TABLE = 'counts';

const FILTER_FIELDS: ScopeField[] = ['organisation', 'programme', 'group'];

/** WHERE clause for one view under the filters; only scope columns and the period can be filtered. */
export function where(view: string, filters: Filters): Query {
	const parts = ['view = ?'];
	const params: (string | number)[] = [view];
	if (filters.from !== undefined) (parts.push('year >= ?'), params.push(filters.from));
	if (filters.to !== undefined) (parts.push('year <= ?'), params.push(filters.to));
	for (const field of FILTER_FIELDS) {
		const value = filters[field];
		if (value !== undefined) (parts.push(`${ident(field)} = ?`), params.push(value));
	}
	return { sql: parts.join(' AND '), params };
}

/** Categories summed over the filtered scope cells of one view. */
export function categoryCountsSql(view: string, filters: Filters): Query {
	const w = where(view, filters);
	return {
		sql: `SELECT category, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY category ORDER BY n DESC, category`,
		params: w.params
	};
}
