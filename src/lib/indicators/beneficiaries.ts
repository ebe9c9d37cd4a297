/** Beneficiaries served: unique people, each counted once in the year of first registration. */
import type { TrendRow } from '$lib/types';
import { COUNTS_TABLE, categoryCountsSql, where, type Query } from './query';
import { ident } from '$lib/db/engine';
import type { Level } from './level';

export type StackBy = 'none' | 'organisation' | 'programme' | 'group';

/** The view a stacked trend reads: groups live in their own view unless the release is cut by group. */
export function trendView(stackBy: StackBy = 'none', groupInScope = false): 'group' | 'total' {
	return stackBy === 'group' && !groupInScope ? 'group' : 'total';
}

/** The people of a level: the headline, from the level's own rows. */
export function totalsSql(level: Level): Query {
	const w = where('total', level);
	return { sql: `SELECT coalesce(sum(n), 0)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql}`, params: w.params };
}

/** The same per single year (a level of single years): the trend. */
export function totalsByYearSql(level: Level): Query {
	const w = where('total', level);
	return { sql: `SELECT year::INTEGER AS year, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY year ORDER BY year`, params: w.params };
}

/**
 * New beneficiaries per year stacked by a scope field (at a level cut by it: each key is a
 * published row group) or by beneficiary group (its view's categories, true or lower bounds).
 */
export function trendSql(level: Level, stackBy: Exclude<StackBy, 'none'>, groupInScope = false): Query {
	if (trendView(stackBy, groupInScope) === 'group') {
		const c = categoryCountsSql('group', level, true);
		return { sql: `SELECT year, category AS key, n, exact FROM (${c.sql}) ORDER BY year, key`, params: c.params };
	}
	const w = where('total', level);
	return {
		sql: `SELECT year::INTEGER AS year, ${ident(stackBy)} AS key, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY ALL ORDER BY year, key`,
		params: w.params
	};
}

export type { TrendRow };
