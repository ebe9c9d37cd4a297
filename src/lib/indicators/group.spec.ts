import { describe, expect, it } from 'vitest';
import { WITHHELD } from '$lib/types';
import { groupsInScopeSql, groupsWithRest } from './group';

describe('groups of a table cut by group', () => {
	it('groupsWithRest(groups, total) puts the people of hidden group cells in Withheld, so the groups shown are not taken for everyone', () => {
		const groups = [{ category: 'Refugee', n: 273 }, { category: 'Labour migrant', n: 413 }];
		expect(groupsWithRest(groups, 700)).toEqual([...groups, { category: WITHHELD, n: 14 }]);
		expect(groupsWithRest(groups, 686)).toEqual(groups);
	});

	it('groupsInScopeSql(level) sums the total view by group at the level, every field pinned', () => {
		const q = groupsInScopeSql({ years: ['~all'], fields: ['group'], values: {} });
		expect(q.sql).toBe(
			`SELECT "group" AS category, sum(n)::DOUBLE AS n FROM counts WHERE view = ? AND year = ? AND "organisation" = '~all' AND "programme" = '~all' AND "group" <> '~all' GROUP BY ALL ORDER BY n DESC, category`
		);
		expect(q.params).toEqual(['total', '~all']);
	});
});
