/**
 * Disability share: people with a disability ÷ people whose status is known (and published).
 * Withheld people are counted with "unknown": their status is not published.
 */
import { WITHHELD, UNKNOWN, type DisabilityYearRow, type Filters } from '$lib/types';
import { COUNTS_TABLE, where, type Query } from './query';

export interface DisabilityCounts {
	yes: number;
	no: number;
	unknown: number;
}

const sums = `coalesce(sum(n) FILTER (category = 'yes'), 0)::DOUBLE AS yes,
	coalesce(sum(n) FILTER (category = 'no'), 0)::DOUBLE AS no,
	coalesce(sum(n) FILTER (category IN ('${UNKNOWN}', '${WITHHELD}')), 0)::DOUBLE AS unknown`;

export function disabilityByYearSql(filters: Filters): Query {
	const w = where('disability', filters);
	return {
		sql: `SELECT year::INTEGER AS year, ${sums} FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY year ORDER BY year`,
		params: w.params
	};
}

export type { DisabilityYearRow };
