/**
 * People by beneficiary group (as the export names them): groups largest first, then "Other
 * groups", unknown and withheld.
 */
import { OTHER, UNKNOWN, WITHHELD, type CategoryRow } from '$lib/types';
import type { ChartOptions, ChartSpec, ChartTable } from './common';
import { rankedChart, rankedTable, type Ranking } from './ranked';

export const GROUPS: Ranking = { field: 'group', last: [OTHER, UNKNOWN, WITHHELD], ariaLabel: 'People by beneficiary group', marginLeft: 190 };

export const groupChart = (rows: CategoryRow[], opts: ChartOptions): ChartSpec => rankedChart(rows, opts, GROUPS);

export function groupTable(rows: CategoryRow[], opts: ChartOptions, headings = { group: 'Beneficiary group', people: 'People' }): ChartTable {
	return rankedTable(rows, opts, GROUPS, [headings.group, headings.people]);
}
