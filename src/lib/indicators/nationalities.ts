/**
 * Nationalities: distinct recognised countries among the people counted. Stateless, unknown,
 * withheld and "Other nationalities" are not countries that can be counted one by one.
 */
import { OTHER, UNKNOWN, WITHHELD, type Filters } from '$lib/types';
import { COUNTS_TABLE, categoryCountsSql, where, type Query } from './query';

export const NOT_A_COUNTRY = ['stateless', UNKNOWN, OTHER, WITHHELD];

export function nationalityCountSql(filters: Filters): Query {
	const w = where('nationality', filters);
	const placeholders = NOT_A_COUNTRY.map(() => '?').join(', ');
	return {
		sql: `SELECT count(DISTINCT category)::INTEGER AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} AND n > 0 AND category NOT IN (${placeholders})`,
		params: [...w.params, ...NOT_A_COUNTRY]
	};
}

export const nationalitiesSql = (filters: Filters): Query => categoryCountsSql('nationality', filters);
