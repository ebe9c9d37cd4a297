import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { ALL, OTHER, UNKNOWN, WITHHELD, type ReleaseRow, type ViewName } from '$lib/types';
import { computeIndicators, loadCounts, scopeOptions } from './index';
import { where } from './query';

const row = (view: ViewName, year: number, organisation: string, category: string, n: number): ReleaseRow => ({
	view, year, organisation, programme: ALL, group: ALL, category, n
});

// Two organisations over two years; every view of a cell sums to its total.
const rows: ReleaseRow[] = [
	row('total', 2023, 'A', '', 40), row('total', 2023, 'B', '', 20), row('total', 2024, 'A', '', 30),
	row('disability', 2023, 'A', 'yes', 15), row('disability', 2023, 'A', 'no', 15), row('disability', 2023, 'A', UNKNOWN, 10),
	row('disability', 2023, 'B', 'no', 10), row('disability', 2023, 'B', WITHHELD, 10),
	row('disability', 2024, 'A', 'yes', 12), row('disability', 2024, 'A', 'no', 18),
	row('nationality', 2023, 'A', 'KG', 30), row('nationality', 2023, 'A', 'stateless', 10),
	row('nationality', 2023, 'B', 'KG', 10), row('nationality', 2023, 'B', OTHER, 10),
	row('nationality', 2024, 'A', 'UZ', 15), row('nationality', 2024, 'A', WITHHELD, 15),
	row('sex_age', 2023, 'A', 'female|18-59', 40), row('sex_age', 2023, 'B', 'female|child', 20),
	row('sex_age', 2024, 'A', 'male|adult', 10), row('sex_age', 2024, 'A', WITHHELD, 20),
	row('group', 2023, 'A', 'Refugee', 40), row('group', 2023, 'B', 'Refugee', 20), row('group', 2024, 'A', 'Migrant', 30)
];

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadCounts(engine, rows);
}, 30_000);
afterAll(() => engine.close());

describe('computeIndicators(engine, filters)', () => {
	it('sums the whole table', async () => {
		const all = await computeIndicators(engine, {});
		expect(all.beneficiaries).toBe(90);
		expect(all.years).toEqual([2023, 2024]);
		expect(all.disability).toEqual({ yes: 27, no: 43, unknown: 20 });
		expect(all.nationalityCount).toBe(2); // KG and UZ; stateless, Other and Withheld are not countries
		expect(all.nationalities).toEqual([
			{ category: 'KG', n: 40 }, { category: 'UZ', n: 15 }, { category: WITHHELD, n: 15 },
			{ category: 'stateless', n: 10 }, { category: OTHER, n: 10 }
		]);
		expect(all.trend).toEqual([{ year: 2023, key: '', n: 60 }, { year: 2024, key: '', n: 30 }]);
		expect(all.disabilityByYear).toEqual([
			{ year: 2023, yes: 15, no: 25, unknown: 20 },
			{ year: 2024, yes: 12, no: 18, unknown: 0 }
		]);
		expect(all.sexAge).toEqual([
			{ sex: 'female', age: '18-59', n: 40 }, { sex: 'female', age: 'child', n: 20 },
			{ sex: 'male', age: 'adult', n: 10 }, { sex: WITHHELD, age: WITHHELD, n: 20 }
		]);
	});

	it('applies period and scope filters', async () => {
		const a2023 = await computeIndicators(engine, { from: 2023, to: 2023, organisation: 'A' });
		expect(a2023.beneficiaries).toBe(40);
		expect(a2023.disability).toEqual({ yes: 15, no: 15, unknown: 10 });
		expect((await computeIndicators(engine, { from: 2024 })).beneficiaries).toBe(30);
		expect((await computeIndicators(engine, { organisation: 'nobody' })).beneficiaries).toBe(0);
	});

	it('stacks the trend by organisation or by group', async () => {
		expect((await computeIndicators(engine, {}, { stackBy: 'organisation' })).trend).toEqual([
			{ year: 2023, key: 'A', n: 40 }, { year: 2023, key: 'B', n: 20 }, { year: 2024, key: 'A', n: 30 }
		]);
		expect((await computeIndicators(engine, {}, { stackBy: 'group' })).trend).toEqual([
			{ year: 2023, key: 'Refugee', n: 60 }, { year: 2024, key: 'Migrant', n: 30 }
		]);
	});
});

it('counts a year below k (a total only, in no other view) whatever the trend is stacked by', async () => {
	const small = await createNodeEngine();
	await loadCounts(small, [...rows, row('total', 2022, OTHER, '', 7)]);
	for (const stackBy of ['none', 'organisation', 'group'] as const) {
		const all = await computeIndicators(small, {}, { stackBy });
		expect([stackBy, all.beneficiaries, all.years]).toEqual([stackBy, 97, [2022, 2023, 2024]]);
	}
	await small.close();
}, 30_000);

it('scopeOptions(engine) lists the years and scope values', async () => {
	expect(await scopeOptions(engine)).toEqual({ years: [2023, 2024], organisation: ['A', 'B'], programme: [ALL], group: [ALL] });
});

it('where(view, filters) only ever binds values as parameters', () => {
	expect(where('total', { from: 2020, programme: "x' OR 1=1" })).toEqual({
		sql: 'view = ? AND year >= ? AND "programme" = ?',
		params: ['total', 2020, "x' OR 1=1"]
	});
});

it('yearFigures(engine) gives people, disability share and countries per year', async () => {
	const { yearFigures } = await import('$lib/upload/year-figures');
	expect(await yearFigures(engine)).toEqual([
		{ year: 2023, beneficiaries: 60, disability: { yes: 15, known: 40 }, nationalities: 1 },
		{ year: 2024, beneficiaries: 30, disability: { yes: 12, known: 30 }, nationalities: 1 }
	]);
});
