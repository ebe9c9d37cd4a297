/**
 * Nationalities: distinct recognised countries among the people counted. Stateless, unknown,
 * withheld and "Other nationalities" are not countries that can be counted one by one (the
 * release says how many countries an "Other" holds: see otherCountriesOf in ./level).
 */
import { OTHER, UNKNOWN, WITHHELD, type CategoryRow } from '$lib/types';
import { COUNTS_TABLE, where, type Query } from './query';
import type { Level } from './level';

export const NOT_A_COUNTRY = ['stateless', UNKNOWN, OTHER, WITHHELD];

/** The number of countries shown, from people by nationality. */
export function nationalityCount(rows: CategoryRow[]): number {
	return rows.filter((r) => r.n > 0 && !NOT_A_COUNTRY.includes(r.category)).length;
}

/** The number of distinct countries shown per single year of a level of single years. */
export function nationalityCountByYearSql(level: Level): Query {
	const w = where('nationality', level);
	const placeholders = NOT_A_COUNTRY.map(() => '?').join(', ');
	return {
		sql: `SELECT year::INTEGER AS year, count(DISTINCT category)::INTEGER AS n FROM ${COUNTS_TABLE}
			WHERE ${w.sql} AND n > 0 AND category NOT IN (${placeholders}) GROUP BY year ORDER BY year`,
		params: [...w.params, ...NOT_A_COUNTRY]
	};
}
