/** The dashboard's four charts for one set of indicators: specs plus their table alternative. */
import type { Indicators } from '$lib/indicators';
import type { Messages } from '$lib/i18n/messages';
import { trendChart, trendTable } from './trend';
import { disabilityChart, disabilityTable } from './disability';
import { nationalitiesChart, nationalitiesTable } from './nationalities';
import { sexAgeChart, sexAgeTable } from './sex-age';
import type { ChartOptions, ChartSpec, ChartTable } from './common';

export const CHART_IDS = ['trend', 'disability', 'nationalities', 'sex-age'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChartModel {
	spec: ChartSpec;
	table: ChartTable;
}

function stackHeading(m: Messages, field: ChartOptions['stackField']): string {
	return field === 'organisation' || field === 'programme' || field === 'group' ? m[field] : '';
}

export function dashboardCharts(ind: Indicators, opts: ChartOptions, m: Messages): Record<ChartId, ChartModel> {
	const o = { ...opts, peopleLabel: m.people };
	return {
		trend: { spec: trendChart(ind.trend, o), table: trendTable(ind.trend, o, { year: m.year, key: stackHeading(m, o.stackField), people: m.people }) },
		disability: {
			spec: disabilityChart(ind.disabilityByYear, o),
			table: disabilityTable(ind.disabilityByYear, o, { year: m.year, share: m.kpiDisability, known: m.statusKnown, unknown: m.statusUnknown })
		},
		nationalities: { spec: nationalitiesChart(ind.nationalities, o), table: nationalitiesTable(ind.nationalities, o, { nationality: m.nationality, people: m.people }) },
		'sex-age': { spec: sexAgeChart(ind.sexAge, o), table: sexAgeTable(ind.sexAge, o, { age: m.ageGroup, sex: m.sex, people: m.people }) }
	};
}
