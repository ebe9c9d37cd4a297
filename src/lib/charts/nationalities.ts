/** People by nationality: countries largest first, then stateless, other, unknown and withheld. */
import { OTHER, UNKNOWN, WITHHELD, type CategoryRow } from '$lib/types';
import type { ChartOptions, ChartSpec, ChartTable } from './common';
import { rankedChart, rankedTable, type Ranking } from './ranked';

export const NATIONALITIES: Ranking = { field: 'nationality', last: ['stateless', OTHER, UNKNOWN, WITHHELD], ariaLabel: 'People by nationality', marginLeft: 150 };

export const nationalitiesChart = (rows: CategoryRow[], opts: ChartOptions): ChartSpec => rankedChart(rows, opts, NATIONALITIES);

export function nationalitiesTable(rows: CategoryRow[], opts: ChartOptions, headings = { nationality: 'Nationality', people: 'People' }): ChartTable {
	return rankedTable(rows, opts, NATIONALITIES, [headings.nationality, headings.people]);
}
