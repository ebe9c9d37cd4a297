/** Beneficiaries served: unique people, each counted once in the year of first registration. */
import type { Filters, TrendRow } from '$lib/types';
import { COUNTS_TABLE, where, type Query } from './query';
import { ident } from '$lib/db/engine';

export type StackBy = 'none' | 'organisation' | 'programme' | 'group';

/**
 * New beneficiaries per year, optionally stacked by a scope field or by beneficiary group. Read
 * from the total view, it sums to the total: each person is in one year.
 */
/** The view the trend reads: groups live in their own view unless the release is cut by group. */
export function trendView(stackBy: StackBy = 'none', groupInScope = false): 'group' | 'total' {
	return stackBy === 'group' && !groupInScope ? 'group' : 'total';
}

export function trendSql(filters: Filters, stackBy: StackBy = 'none', groupInScope = false): Query {
	const view = trendView(stackBy, groupInScope);
	const key = stackBy === 'none' ? `''` : view === 'group' ? 'category' : ident(stackBy);
	const w = where(view, filters);
	return {
		sql: `SELECT year::INTEGER AS year, ${key} AS key, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY ALL ORDER BY year, key`,
		params: w.params
	};
}

export type { TrendRow };
