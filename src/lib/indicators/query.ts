/** A SQL text with its `?` parameters: what every indicator builder returns. */
import { ALL, OTHER, SCOPE_FIELDS, WITHHELD, type ViewName } from '$lib/types';
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

/** A category's sum over a level (per year with `byYear`, else year 0), with what categoryCountsSql says of it. */
export interface CountedCategory {
	view: string;
	year: number;
	category: string;
	n: number;
	exact: boolean;
	closed: boolean;
}

/** The columns naming a row group: a period and a value (or ALL) of each scope field. */
const GROUP_COLUMNS = ['year', 'organisation', 'programme', '"group"'];
const sameGroup = (a: string, b: string) => GROUP_COLUMNS.map((f) => `${a}.${f} = ${b}.${f}`).join(' AND ');

/**
 * Categories of one or several views summed over the level's rows (per single year with
 * `byYear`), each with whether its sum is the true count; in one statement, since each costs
 * DuckDB-wasm a few milliseconds whatever its size. A category missing from a row group is a true
 * 0 there only when the group's breakdown is published in full (its rows add up to its total),
 * nobody of it is withheld, and, for a value that a release folds into "Other" (a country), it
 * has no "Other"; elsewhere the sum is a lower bound. `closed`: every row group of the level is so
 * (each person of the level is in a published category). A row group whose total is hidden is not
 * seen here: see coverageSql.
 */
export function categoryCountsSql(views: ViewName | ViewName[], level: Level, byYear = false): Query {
	const c = where(views, level);
	const g = where('total', level);
	const bucket = byYear ? 'year::INTEGER' : '0';
	const group = GROUP_COLUMNS.join(', ');
	return {
		sql: `WITH cells AS (SELECT view, ${bucket} AS bucket, ${group}, category, n FROM ${COUNTS_TABLE} WHERE ${c.sql}),
			groups AS (SELECT ${bucket} AS bucket, ${group}, n AS total FROM ${COUNTS_TABLE} WHERE ${g.sql}),
			closed AS (SELECT v.view, g.bucket, ${GROUP_COLUMNS.map((f) => `g.${f}`).join(', ')},
				any_value(g.total) = coalesce(sum(c.n), 0) AND NOT coalesce(bool_or(c.category = '${WITHHELD}'), false) AS closed,
				coalesce(bool_or(c.category = '${OTHER}'), false) AS other
				FROM groups g CROSS JOIN (SELECT DISTINCT view FROM cells) v LEFT JOIN cells c ON c.view = v.view AND ${sameGroup('c', 'g')} GROUP BY ALL),
			categories AS (SELECT view, bucket, category, sum(n) AS n FROM cells GROUP BY ALL)
		SELECT k.view, k.bucket::INTEGER AS year, k.category, any_value(k.n)::DOUBLE AS n,
			-- Only a release folds values into Other; /upload's exact table (no whole-period rows) holds the export's own "Other types".
			bool_and(c.n IS NOT NULL OR (g.closed AND NOT (g.other AND k.category NOT LIKE '~%' AND EXISTS (SELECT 1 FROM ${COUNTS_TABLE} WHERE year = '${ALL}')))) AS exact,
			bool_and(g.closed) AS closed
		FROM categories k JOIN closed g ON g.view = k.view AND g.bucket = k.bucket
			LEFT JOIN cells c ON c.view = k.view AND c.bucket = k.bucket AND c.category = k.category AND ${sameGroup('c', 'g')}
		GROUP BY k.view, k.bucket, k.category ORDER BY k.view, year, n DESC, k.category`,
		params: [...c.params, ...g.params]
	};
}
