/** The dashboard's four charts for one set of indicators: specs plus their table alternative. */
import type { Indicators } from '$lib/indicators';
import type { Messages } from '$lib/i18n/messages';
import { trendChart, trendTable } from './trend';
import { disabilityChart, disabilityTable } from './disability';
import { nationalitiesChart, nationalitiesTable } from './nationalities';
import { sexAgeChart, sexAgeTable } from './sex-age';
import { exploitationChart, exploitationTable } from './exploitation';
import type { ChartOptions, ChartSpec, ChartTable } from './common';

/** The charts every dashboard has, then those drawn only when the data has their view. */
export const CHART_IDS = ['trend', 'disability', 'nationalities', 'sex-age'] as const;
export const OPTIONAL_CHART_IDS = ['exploitation'] as const;
export type ChartId = (typeof CHART_IDS)[number] | (typeof OPTIONAL_CHART_IDS)[number];

export interface ChartModel {
	spec: ChartSpec;
	table: ChartTable;
}

function stackHeading(m: Messages, field: ChartOptions['stackField']): string {
	return field === 'organisation' || field === 'programme' || field === 'group' ? m[field] : '';
}

/** Every chart of CHART_IDS, and the optional ones whose view the data has (the type of exploitation). */
export function dashboardCharts(ind: Indicators, opts: ChartOptions, m: Messages): Partial<Record<ChartId, ChartModel>> & Record<(typeof CHART_IDS)[number], ChartModel> {
	const o = { ...opts, peopleLabel: m.people };
	const exploitation = ind.exploitation
		? { exploitation: { spec: exploitationChart(ind.exploitation, o), table: exploitationTable(ind.exploitation, o, { type: m.exploitationType, people: m.people }) } }
		: {};
	return {
		...exploitation,
		trend: { spec: trendChart(ind.trend, o), table: trendTable(ind.trend, o, { year: m.year, key: stackHeading(m, o.stackField), people: m.people }) },
		disability: {
			spec: disabilityChart(ind.disabilityByYear, o),
			table: disabilityTable(ind.disabilityByYear, o, { year: m.year, share: m.kpiDisability, known: m.statusKnown, unknown: m.statusUnknown })
		},
		nationalities: { spec: nationalitiesChart(ind.nationalities, o), table: nationalitiesTable(ind.nationalities, o, { nationality: m.nationality, people: m.people }) },
		'sex-age': { spec: sexAgeChart(ind.sexAge, o), table: sexAgeTable(ind.sexAge, o, { age: m.ageGroup, sex: m.sex, people: m.people }) }
	};
}
