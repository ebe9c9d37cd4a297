/**
 * People by region: Kyrgyzstan's oblasts and its two cities (named as Kyrgyzstan names them, see
 * i18n/region-names.ts; any other region as the export writes it) largest first, then "Other
 * regions" (small oblasts folded by the release), unknown and withheld.
 */
import { OTHER, UNKNOWN, WITHHELD, type CategoryRow } from '$lib/types';
import type { ChartOptions, ChartSpec, ChartTable } from './common';
import { rankedChart, rankedTable, type Ranking } from './ranked';

export const REGIONS: Ranking = { field: 'region', last: [OTHER, UNKNOWN, WITHHELD], ariaLabel: 'People by region', marginLeft: 180 };

export const regionChart = (rows: CategoryRow[], opts: ChartOptions): ChartSpec => rankedChart(rows, opts, REGIONS);

export function regionTable(rows: CategoryRow[], opts: ChartOptions, headings = { region: 'Region', people: 'People' }): ChartTable {
	return rankedTable(rows, opts, REGIONS, [headings.region, headings.people]);
}
