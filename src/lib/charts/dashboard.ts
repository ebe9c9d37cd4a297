/** The dashboard's charts for one set of indicators: specs plus their table alternative, or why a chart has nothing to draw. */
import type { Indicators } from '$lib/indicators';
import type { Messages } from '$lib/i18n/messages';
import { trendChart, trendTable } from './trend';
import { disabilityChart, disabilityTable } from './disability';
import { nationalitiesChart, nationalitiesTable } from './nationalities';
import { sexAgeChart, sexAgeTable } from './sex-age';
import { exploitationChart, exploitationTable } from './exploitation';
import { regionChart, regionTable } from './region';
import { groupChart, groupTable } from './group';
import type { ChartOptions, ChartSpec, ChartTable } from './common';

/** The charts every dashboard has, then those drawn only when the data has their view. */
export const CHART_IDS = ['trend', 'disability', 'nationalities', 'sex-age'] as const;
export const OPTIONAL_CHART_IDS = ['region', 'group', 'exploitation'] as const;
export type ChartId = (typeof CHART_IDS)[number] | (typeof OPTIONAL_CHART_IDS)[number];

export interface ChartModel {
	spec: ChartSpec;
	table: ChartTable;
	/**
	 * Set when the level answering the selection publishes nothing of this chart: 'unpublished'
	 * when it has people but publishes their number only (one organisation in one year: DESIGN.md,
	 * the finest table), 'nothing' when it publishes no one (nobody there, or too few to publish).
	 * The page then says so in the chart's place rather than draw an empty chart.
	 */
	empty?: EmptyReason;
}

export type EmptyReason = 'unpublished' | 'nothing';

/** Why a chart of `people` (its published figures summed) has nothing to draw, or undefined when it has. */
export function emptyReason(people: number, beneficiaries: number): EmptyReason | undefined {
	if (people > 0) return undefined;
	return beneficiaries > 0 ? 'unpublished' : 'nothing';
}

const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

function stackHeading(m: Messages, field: ChartOptions['stackField']): string {
	return field === 'organisation' || field === 'programme' || field === 'group' ? m[field] : '';
}

/** Every chart of CHART_IDS, and the optional ones whose view the data has (region, beneficiary group, type of exploitation). */
export function dashboardCharts(ind: Indicators, opts: ChartOptions, m: Messages): Partial<Record<ChartId, ChartModel>> & Record<(typeof CHART_IDS)[number], ChartModel> {
	const o = { ...opts, peopleLabel: m.people };
	const empty = (people: number) => {
		const reason = emptyReason(people, ind.beneficiaries);
		return reason ? { empty: reason } : {};
	};
	const exploitation = ind.exploitation
		? { exploitation: { spec: exploitationChart(ind.exploitation, o), table: exploitationTable(ind.exploitation, o, { type: m.exploitationType, people: m.people }), ...empty(sum(ind.exploitation)) } }
		: {};
	const region = ind.region ? { region: { spec: regionChart(ind.region, o), table: regionTable(ind.region, o, { region: m.region, people: m.people }), ...empty(sum(ind.region)) } } : {};
	const group = ind.group ? { group: { spec: groupChart(ind.group, o), table: groupTable(ind.group, o, { group: m.group, people: m.people }), ...empty(sum(ind.group)) } } : {};
	return {
		...region,
		...group,
		...exploitation,
		trend: { spec: trendChart(ind.trend, o), table: trendTable(ind.trend, o, { year: m.year, key: stackHeading(m, o.stackField), people: m.people }), ...empty(sum(ind.trend)) },
		disability: {
			spec: disabilityChart(ind.disabilityByYear, o),
			table: disabilityTable(ind.disabilityByYear, o, { year: m.year, share: m.kpiDisability, known: m.statusKnown, unknown: m.statusUnknown }),
			...empty(ind.disabilityByYear.reduce((s, r) => s + r.yes + r.no + r.unknown, 0))
		},
		nationalities: {
			spec: nationalitiesChart(ind.nationalities, o),
			table: nationalitiesTable(ind.nationalities, o, { nationality: m.nationality, people: m.people }),
			...empty(sum(ind.nationalities))
		},
		'sex-age': { spec: sexAgeChart(ind.sexAge, o), table: sexAgeTable(ind.sexAge, o, { age: m.ageGroup, sex: m.sex, people: m.people }), ...empty(sum(ind.sexAge)) }
	};
}
