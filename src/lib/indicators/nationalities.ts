/**
 * Nationalities: distinct recognised countries among the people counted. Stateless, unknown,
 * withheld and "Other nationalities" are not countries that can be counted one by one.
 */
import { OTHER, UNKNOWN, WITHHELD, type Filters } from '$lib/types';
import { COUNTS_TABLE, categoryCountsSql, where, type Query } from './query';

export const NOT_A_COUNTRY = ['stateless', UNKNOWN, OTHER, WITHHELD];

/** The number of countries for the filtered cells, or per year. */
export function nationalityCountSql(filters: Filters, byYear = false): Query {
	const w = where('nationality', filters);
	const placeholders = NOT_A_COUNTRY.map(() => '?').join(', ');
	const from = `FROM ${COUNTS_TABLE} WHERE ${w.sql} AND n > 0 AND category NOT IN (${placeholders})`;
	return {
		sql: byYear
			? `SELECT year::INTEGER AS year, count(DISTINCT category)::INTEGER AS n ${from} GROUP BY year ORDER BY year`
			: `SELECT count(DISTINCT category)::INTEGER AS n ${from}`,
		params: [...w.params, ...NOT_A_COUNTRY]
	};
}

export const nationalitiesSql = (filters: Filters): Query => categoryCountsSql('nationality', filters);
