/** Beneficiaries served: unique people, each counted once in the year of first registration. */
import type { TrendRow } from '$lib/types';
import { COUNTS_TABLE, where, type Query } from './query';
import { DISABILITY_SUMS } from './disability';
import { ident } from '$lib/db/engine';
import type { Level } from './level';

export type StackBy = 'none' | 'organisation' | 'programme' | 'group';

/** The view a stacked trend reads: groups live in their own view unless the release is cut by group. */
export function trendView(stackBy: StackBy = 'none', groupInScope = false): 'group' | 'total' {
	return stackBy === 'group' && !groupInScope ? 'group' : 'total';
}

/**
 * The people of a level and their disability counts, in one statement (each statement costs
 * DuckDB-wasm a few milliseconds whatever its size): the headline, from the level's own rows.
 */
export function totalsSql(level: Level): Query {
	const w = where(['total', 'disability'], level);
	return {
		sql: `SELECT coalesce(sum(n) FILTER (view = 'total'), 0)::DOUBLE AS n, ${DISABILITY_SUMS} FROM ${COUNTS_TABLE} WHERE ${w.sql}`,
		params: w.params
	};
}

/** The same per single year (a level of single years): the trend and the disability share by year. */
export function totalsByYearSql(level: Level): Query {
	const w = where(['total', 'disability'], level);
	return {
		sql: `SELECT year::INTEGER AS year, coalesce(sum(n) FILTER (view = 'total'), 0)::DOUBLE AS n, ${DISABILITY_SUMS}
			FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY year ORDER BY year`,
		params: w.params
	};
}

/** New beneficiaries per year stacked by a scope field (at a level cut by it) or by beneficiary group. */
export function trendSql(level: Level, stackBy: Exclude<StackBy, 'none'>, groupInScope = false): Query {
	const view = trendView(stackBy, groupInScope);
	const key = view === 'group' ? 'category' : ident(stackBy);
	const w = where(view, level);
	return {
		sql: `SELECT year::INTEGER AS year, ${key} AS key, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY ALL ORDER BY year, key`,
		params: w.params
	};
}

export type { TrendRow };
