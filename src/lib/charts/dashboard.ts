/** The dashboard's four charts for one set of indicators: Plot options plus their table alternative. */
import type { PlotOptions } from '@observablehq/plot';
import type { Indicators } from '$lib/indicators';
import { trendChart, trendTable } from './trend';
import { disabilityChart, disabilityTable } from './disability';
import { nationalitiesChart, nationalitiesTable } from './nationalities';
import { sexAgeChart, sexAgeTable } from './sex-age';
import type { ChartOptions } from './common';

export const CHART_IDS = ['trend', 'disability', 'nationalities', 'sex-age'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChartModel {
	options: PlotOptions;
	table: { columns: string[]; rows: string[][] };
}

export function dashboardCharts(ind: Indicators, opts: ChartOptions): Record<ChartId, ChartModel> {
	return {
		trend: { options: trendChart(ind.trend, opts), table: trendTable(ind.trend, opts) },
		disability: { options: disabilityChart(ind.disabilityByYear, opts), table: disabilityTable(ind.disabilityByYear, opts) },
		nationalities: { options: nationalitiesChart(ind.nationalities, opts), table: nationalitiesTable(ind.nationalities, opts) },
		'sex-age': { options: sexAgeChart(ind.sexAge, opts), table: sexAgeTable(ind.sexAge, opts) }
	};
}
