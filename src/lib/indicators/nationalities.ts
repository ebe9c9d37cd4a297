/**
 * Nationalities: distinct recognised countries among the people counted. Stateless, unknown,
 * withheld and "Other nationalities" are not countries that can be counted one by one.
 */
import { OTHER, UNKNOWN, WITHHELD, type CategoryRow, type Filters } from '$lib/types';
import { COUNTS_TABLE, categoryCountsSql, where, type Query } from './query';

export const NOT_A_COUNTRY = ['stateless', UNKNOWN, OTHER, WITHHELD];

/** The number of countries of a selection, from its people by nationality. */
export function nationalityCount(rows: CategoryRow[]): number {
	return rows.filter((r) => r.n > 0 && !NOT_A_COUNTRY.includes(r.category)).length;
}

/** The number of countries per year, for the filtered cells. */
export function nationalityCountByYearSql(filters: Filters): Query {
	const w = where('nationality', filters);
	const placeholders = NOT_A_COUNTRY.map(() => '?').join(', ');
	return {
		sql: `SELECT year::INTEGER AS year, count(DISTINCT category)::INTEGER AS n FROM ${COUNTS_TABLE}
			WHERE ${w.sql} AND n > 0 AND category NOT IN (${placeholders}) GROUP BY year ORDER BY year`,
		params: [...w.params, ...NOT_A_COUNTRY]
	};
}

export const nationalitiesSql = (filters: Filters): Query => categoryCountsSql('nationality', filters);
