/**
 * People by beneficiary group. A release not cut by group publishes them as a view of their own;
 * one cut by group (and /upload's exact table) has no such view: there the groups are its scope
 * cells, read from the total view at a level cut by group.
 */
import { WITHHELD, type CategoryRow } from '$lib/types';
import { ident } from '$lib/db/engine';
import { COUNTS_TABLE, where, type Query } from './query';
import type { Level } from './level';

/** The people of each group at a level cut by group (its scope cells: a small group is in OTHER); `where` pins group to its values. */
export function groupsInScopeSql(level: Level): Query {
	const w = where('total', level);
	const group = ident('group');
	return {
		sql: `SELECT ${group} AS category, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY ALL ORDER BY n DESC, category`,
		params: w.params
	};
}

/**
 * The groups of a level cut by group, beside the level's own total: people whose group's total is
 * hidden at that level (a group cell hidden beside a small one) are the rest, in WITHHELD, so the
 * groups shown are never taken for everyone.
 */
export function groupsWithRest(groups: CategoryRow[], total: number): CategoryRow[] {
	const rest = total - groups.reduce((s, r) => s + r.n, 0);
	return rest > 0 ? [...groups, { category: WITHHELD, n: rest }] : groups;
}
