import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { ALL, OTHER, UNKNOWN, WITHHELD, type ReleaseRow, type ViewName } from '$lib/types';
import { computeIndicators, loadCounts, scopeOptions } from './index';
import { where } from './query';

/** Rows of one row group: [category, n] pairs of a view, at a period × organisation (ALL = all of them). */
const group = (view: ViewName, year: string, organisation: string, cells: [string, number][]): ReleaseRow[] =>
	cells.map(([category, n]) => ({ view, year, organisation, programme: ALL, group: ALL, category, n }));
const total = (year: string, organisation: string, n: number) => group('total', year, organisation, [['', n]]);

// A release cut by organisation, 2021–2024, one grant period 2023–2024. A: 20, 20, 30, 30 people;
// B: 10 a year. Coarse levels exact, fine levels hiding: B's 2024 is not published at all, the
// single years withhold or fold countries that the whole period shows.
const release: ReleaseRow[] = [
	...total(ALL, ALL, 140), ...total('2023-2024', ALL, 80),
	...total('2021', ALL, 30), ...total('2022', ALL, 30), ...total('2023', ALL, 40), ...total('2024', ALL, 40),
	...total(ALL, 'A', 100), ...total(ALL, 'B', 40), ...total('2023-2024', 'A', 60), ...total('2023-2024', 'B', 20),
	...total('2021', 'A', 20), ...total('2022', 'A', 20), ...total('2023', 'A', 30), ...total('2024', 'A', 30),
	...total('2021', 'B', 10), ...total('2022', 'B', 10), ...total('2023', 'B', 10),

	...group('nationality', ALL, ALL, [['KG', 100], ['UZ', 25], ['TJ', 15]]),
	...group('nationality', '2023-2024', ALL, [['KG', 60], ['UZ', 10], ['TJ', 10]]),
	...group('nationality', '2021', ALL, [['KG', 20], [WITHHELD, 10]]),
	...group('nationality', '2022', ALL, [['KG', 20], ['UZ', 10]]),
	...group('nationality', '2023', ALL, [['KG', 30], [OTHER, 10]]),
	...group('nationality', '2024', ALL, [['KG', 30], [WITHHELD, 10]]),
	...group('nationality', ALL, 'A', [['KG', 70], ['UZ', 20], ['TJ', 10]]),
	...group('nationality', ALL, 'B', [['KG', 30], [OTHER, 10]]),

	...group('disability', ALL, ALL, [['yes', 50], ['no', 80], [UNKNOWN, 10]]),
	...group('disability', '2023-2024', ALL, [['yes', 30], ['no', 40], [UNKNOWN, 10]]),
	...group('disability', '2021', ALL, [['yes', 10], ['no', 20]]),
	...group('disability', '2022', ALL, [['yes', 10], ['no', 20]]),
	...group('disability', '2023', ALL, [['yes', 15], ['no', 20], [UNKNOWN, 5]]),
	...group('disability', '2024', ALL, [['yes', 15], ['no', 20], [WITHHELD, 5]]),
	...group('disability', ALL, 'A', [['yes', 40], ['no', 55], [UNKNOWN, 5]]),
	...group('disability', ALL, 'B', [['yes', 10], ['no', 25], [UNKNOWN, 5]]),
	...group('disability', '2021', 'B', [['yes', 5], ['no', 5]]),
	...group('disability', '2022', 'B', [['yes', 5], ['no', 5]]),
	...group('disability', '2023', 'B', [[WITHHELD, 10]]),

	...group('sex_age', ALL, ALL, [['female|18-59', 60], ['male|18-59', 50], ['female|0-4', 15], ['male|0-4', 15]]),
	...group('sex_age', '2023-2024', ALL, [['female|adult', 40], ['male|adult', 30], [WITHHELD, 10]]),
	...group('sex_age', '2021', ALL, [['female|adult', 15], ['male|adult', 15]]),

	...group('group', '2021', ALL, [['Refugee', 30]]),
	...group('group', '2022', ALL, [['Refugee', 20], ['Migrant', 10]]),
	...group('group', '2023', ALL, [['Migrant', 40]]),
	...group('group', '2024', ALL, [['Migrant', 40]])
];
const otherCountries = [
	{ year: ALL, organisation: 'B', programme: ALL, group: ALL, countries: 2 },
	{ year: '2023', organisation: ALL, programme: ALL, group: ALL, countries: 2 }
];

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadCounts(engine, release, otherCountries);
}, 30_000);
afterAll(() => engine.close());

describe('computeIndicators(engine, filters) over a release of several levels', () => {
	it('answers the whole period for all organisations from its own rows: every country, no Withheld', async () => {
		const all = await computeIndicators(engine, {});
		expect(all.beneficiaries).toBe(140);
		expect(all.years).toEqual([2021, 2022, 2023, 2024]);
		expect(all.disability).toEqual({ yes: 50, no: 80, unknown: 10, exact: true, unknownExact: true });
		expect([all.beneficiariesExact, all.nationalityCount, all.nationalityCountExact]).toEqual([true, 3, true]);
		expect(all.nationalities).toEqual([{ category: 'KG', n: 100 }, { category: 'UZ', n: 25 }, { category: 'TJ', n: 15 }]);
		expect(all.sexAge).toEqual([
			{ sex: 'female', age: '0-4', n: 15 }, { sex: 'female', age: '18-59', n: 60 },
			{ sex: 'male', age: '0-4', n: 15 }, { sex: 'male', age: '18-59', n: 50 }
		]);
		// The trend and the disability share by year from the single years.
		expect(all.trend).toEqual([2021, 2022, 2023, 2024].map((year, i) => ({ year, key: '', n: [30, 30, 40, 40][i] })));
		// 2024 withholds 5 people's status: "yes" and "no" are shown, so they are not among them
		// (the share is true); "unknown" is not, so they may all be unknown (0 is a lower bound).
		expect(all.disabilityByYear).toEqual([
			{ year: 2021, yes: 10, no: 20, unknown: 0 }, { year: 2022, yes: 10, no: 20, unknown: 0 },
			{ year: 2023, yes: 15, no: 20, unknown: 5 }, { year: 2024, yes: 15, no: 20, unknown: 0, unknownExact: false }
		]);
		// A range covering every year is the whole period.
		expect(await computeIndicators(engine, { from: 2021, to: 2024 })).toEqual(all);
	});

	it('answers a grant period from its rows', async () => {
		const grant = await computeIndicators(engine, { from: 2023, to: 2024 });
		expect(grant.beneficiaries).toBe(80);
		expect(grant.nationalities).toEqual([{ category: 'KG', n: 60 }, { category: 'TJ', n: 10 }, { category: 'UZ', n: 10 }]);
		expect(grant.nationalityCount).toBe(3);
		expect(grant.disability).toEqual({ yes: 30, no: 40, unknown: 10, exact: true, unknownExact: true });
		expect(grant.sexAge.find((r) => r.sex === WITHHELD)?.n).toBe(10);
		expect(grant.trend.map((r) => r.n)).toEqual([40, 40]);
	});

	it('sums the single years of a range that is no period: Other and Withheld appear, countries are those shown', async () => {
		const some = await computeIndicators(engine, { from: 2021, to: 2023 });
		expect(some.beneficiaries).toBe(100);
		// UZ may be among 2021's withheld and 2023's Other: a lower bound; KG is shown every year; nobody
		// is withheld in 2022 or 2023, so the Withheld of 2021 is all there is.
		expect(some.nationalities).toEqual([
			{ category: 'KG', n: 70 }, { category: 'UZ', n: 10, exact: false }, { category: OTHER, n: 10, exact: false }, { category: WITHHELD, n: 10 }
		]);
		// 2023's Other holds two countries, but it is summed with other row groups: only KG and UZ count.
		expect([some.nationalityCount, some.nationalityCountExact]).toEqual([2, false]);
		expect(some.disability).toEqual({ yes: 35, no: 60, unknown: 5, exact: true, unknownExact: true });
		expect(some.years).toEqual([2021, 2022, 2023]);
		// One year is one row group: its Other's countries count.
		expect((await computeIndicators(engine, { from: 2023, to: 2023 })).nationalityCount).toBe(3);
	});

	it("answers an organisation over the whole period from its own level, whatever its years hide", async () => {
		const b = await computeIndicators(engine, { organisation: 'B' });
		expect(b.beneficiaries).toBe(40);
		expect(b.disability).toEqual({ yes: 10, no: 25, unknown: 5, exact: true, unknownExact: true });
		expect(b.nationalities).toEqual([{ category: 'KG', n: 30 }, { category: OTHER, n: 10 }]);
		expect([b.nationalityCount, b.nationalityCountExact]).toEqual([3, true]);
		// 2024 of B is not published: missing from the trend, not from the total.
		expect(b.trend).toEqual([{ year: 2021, key: '', n: 10 }, { year: 2022, key: '', n: 10 }, { year: 2023, key: '', n: 10 }]);
		expect(b.disabilityByYear.map((r) => r.year)).toEqual([2021, 2022, 2023]);
		expect((await computeIndicators(engine, { organisation: 'A', from: 2023, to: 2024 })).beneficiaries).toBe(60);
		expect((await computeIndicators(engine, { organisation: 'A', from: 2021, to: 2022 })).beneficiaries).toBe(40);
		expect((await computeIndicators(engine, { organisation: 'nobody' })).beneficiaries).toBe(0);
		// B's 2024 is hidden (the other organisations do not add up to 2024's 40): its single years
		// 2022–2024 are a lower bound, and so is every figure summed over them.
		const hidden = await computeIndicators(engine, { organisation: 'B', from: 2022, to: 2024 });
		expect([hidden.beneficiaries, hidden.beneficiariesExact, hidden.disability.exact, hidden.nationalityCountExact]).toEqual([20, false, false, false]);
		const shown = await computeIndicators(engine, { organisation: 'B', from: 2021, to: 2022 });
		expect([shown.beneficiaries, shown.beneficiariesExact]).toEqual([20, true]);
	});

	it('stacks the trend by organisation from the organisations\' single years, by group from the group view', async () => {
		const byOrganisation = await computeIndicators(engine, {}, { stackBy: 'organisation' });
		expect(byOrganisation.trend).toEqual([
			{ year: 2021, key: 'A', n: 20 }, { year: 2021, key: 'B', n: 10 }, { year: 2022, key: 'A', n: 20 }, { year: 2022, key: 'B', n: 10 },
			{ year: 2023, key: 'A', n: 30 }, { year: 2023, key: 'B', n: 10 }, { year: 2024, key: 'A', n: 30 }
		]);
		expect(byOrganisation.beneficiaries).toBe(140);
		expect(byOrganisation.years).toEqual([2021, 2022, 2023, 2024]);
		expect((await computeIndicators(engine, { from: 2021, to: 2022 }, { stackBy: 'group' })).trend).toEqual([
			{ year: 2021, key: 'Refugee', n: 30 }, { year: 2022, key: 'Migrant', n: 10 }, { year: 2022, key: 'Refugee', n: 20 }
		]);
	});

	it('scopeOptions(engine) lists the single years and the values that have rows', async () => {
		expect(await scopeOptions(engine)).toEqual({ years: [2021, 2022, 2023, 2024], organisation: ['A', 'B'], programme: [], group: [] });
	});

	it('yearFigures(engine) gives people, disability share and countries per year for all organisations', async () => {
		const { yearFigures } = await import('$lib/upload/year-figures');
		expect(await yearFigures(engine)).toEqual([
			{ year: 2021, beneficiaries: 30, disability: { yes: 10, known: 30 }, nationalities: 1 },
			{ year: 2022, beneficiaries: 30, disability: { yes: 10, known: 30 }, nationalities: 2 },
			{ year: 2023, beneficiaries: 40, disability: { yes: 15, known: 35 }, nationalities: 3 },
			{ year: 2024, beneficiaries: 40, disability: { yes: 15, known: 35 }, nationalities: 1 }
		]);
	});
});

it('computeIndicators sums a programme over organisations at the finest depth', async () => {
	const cut = (year: string, organisation: string, programme: string, n: number, country = 'KG'): ReleaseRow[] => [
		{ view: 'total', year, organisation, programme, group: ALL, category: '', n },
		{ view: 'nationality', year, organisation, programme, group: ALL, category: country, n }
	];
	const levels = await createNodeEngine();
	await loadCounts(levels, [
		...cut(ALL, ALL, ALL, 50), ...cut(ALL, 'A', ALL, 30), ...cut(ALL, 'B', ALL, 20),
		...cut(ALL, 'A', 'P', 10, 'UZ'), ...cut(ALL, 'A', 'Q', 20), ...cut(ALL, 'B', 'P', 20),
		...cut('2024', ALL, ALL, 50), ...cut('2024', 'A', ALL, 30), ...cut('2024', 'B', ALL, 20),
		...cut('2024', 'A', 'P', 10, 'UZ'), ...cut('2024', 'A', 'Q', 20), ...cut('2024', 'B', 'P', 20)
	]);
	const p = await computeIndicators(levels, { programme: 'P' });
	expect([p.beneficiaries, p.nationalityCount, p.nationalities]).toEqual([30, 2, [{ category: 'KG', n: 20 }, { category: 'UZ', n: 10 }]]);
	expect((await computeIndicators(levels, { organisation: 'A', programme: 'Q' })).beneficiaries).toBe(20);
	expect((await computeIndicators(levels, { organisation: 'A' })).beneficiaries).toBe(30);
	expect((await scopeOptions(levels)).programme).toEqual(['P', 'Q']);
	await levels.close();
}, 30_000);

it("computeIndicators sums /upload's exact table (single years at the finest scope, no ALL rows)", async () => {
	const person = (year: string, organisation: string, programme: string, group: string, country: string, n: number): ReleaseRow[] => [
		{ view: 'total', year, organisation, programme, group, category: '', n },
		{ view: 'nationality', year, organisation, programme, group, category: country, n },
		{ view: 'disability', year, organisation, programme, group, category: n > 3 ? 'yes' : 'no', n }
	];
	const exact = await createNodeEngine();
	await loadCounts(exact, [
		...person('2022', 'A', 'P', 'Refugee', 'AF', 3), ...person('2022', 'B', 'Q', 'Migrant', 'KG', 5),
		...person('2023', 'A', 'P', 'Migrant', 'UZ', 1), ...person('2023', 'A', 'Q', 'Refugee', 'AF', 4)
	]);
	const all = await computeIndicators(exact, {});
	expect([all.beneficiaries, all.nationalityCount, all.disability, all.years]).toEqual([13, 3, { yes: 9, no: 4, unknown: 0, exact: true, unknownExact: true }, [2022, 2023]]);
	expect(all.nationalities).toEqual([{ category: 'AF', n: 7 }, { category: 'KG', n: 5 }, { category: 'UZ', n: 1 }]);
	expect(all.trend).toEqual([{ year: 2022, key: '', n: 8 }, { year: 2023, key: '', n: 5 }]);
	expect((await computeIndicators(exact, { organisation: 'A', from: 2023 })).beneficiaries).toBe(5);
	expect((await computeIndicators(exact, { group: 'Refugee' })).beneficiaries).toBe(7);
	expect((await computeIndicators(exact, {}, { stackBy: 'group', groupInScope: true })).trend).toEqual([
		{ year: 2022, key: 'Migrant', n: 5 }, { year: 2022, key: 'Refugee', n: 3 }, { year: 2023, key: 'Migrant', n: 1 }, { year: 2023, key: 'Refugee', n: 4 }
	]);
	expect(await scopeOptions(exact)).toEqual({ years: [2022, 2023], organisation: ['A', 'B'], programme: ['P', 'Q'], group: ['Migrant', 'Refugee'] });
	await exact.close();
}, 30_000);

it("reads an exact table's Other as the export's own value (nothing folded into it), a release's as a fold", async () => {
	const cells = (year: string, rows: [string, number][]): ReleaseRow[] => [
		{ view: 'total', year, organisation: 'A', programme: ALL, group: ALL, category: '', n: rows.reduce((s, [, n]) => s + n, 0) },
		...rows.map(([category, n]) => ({ view: 'exploitation' as const, year, organisation: 'A', programme: ALL, group: ALL, category, n }))
	];
	const exact = await createNodeEngine();
	const table = [...cells('2021', [['sexual', 24], [OTHER, 6]]), ...cells('2022', [['marriage', 5], ['sexual', 3]]), ...cells('2023', [['sexual', 10]])];
	await loadCounts(exact, table);
	expect((await computeIndicators(exact, {})).exploitation).toEqual([{ category: 'sexual', n: 37 }, { category: OTHER, n: 6 }, { category: 'marriage', n: 5 }]);
	// The same rows with a whole period published (a release): 2021's Other may hold marriages.
	await loadCounts(exact, [...table, ...cells(ALL, [['sexual', 37], [OTHER, 11]])]);
	expect((await computeIndicators(exact, { from: 2021, to: 2022, organisation: 'A' })).exploitation).toContainEqual({ category: 'marriage', n: 5, exact: false });
	await exact.close();
}, 30_000);

it('where(view, level) pins every scope field and only ever binds values as parameters', () => {
	expect(where('total', { years: ['2021', '2022', '2023'], fields: ['organisation', 'programme'], values: { programme: "x' OR 1=1" } })).toEqual({
		sql: `view = ? AND year BETWEEN ? AND ? AND length(year) = 4 AND "organisation" <> '~all' AND "programme" = ? AND "group" = '~all'`,
		params: ['total', '2021', '2023', "x' OR 1=1"]
	});
	// Any range of single years is the same statement: prepared once.
	expect(where('total', { years: ['2019', '2020'], fields: [], values: {} }).sql).toBe(where('total', { years: ['2019', '2020', '2021', '2022'], fields: [], values: {} }).sql);
	expect(where(['total', 'disability'], { years: [], fields: [], values: {} }).sql).toBe(
		`view IN (?, ?) AND false AND "organisation" = '~all' AND "programme" = '~all' AND "group" = '~all'`
	);
});

it('loadCounts(engine, []) leaves a table every indicator can read', async () => {
	const empty = await createNodeEngine();
	await loadCounts(empty, []);
	const none = await computeIndicators(empty, {});
	expect([none.beneficiaries, none.years, none.nationalityCount]).toEqual([0, [], 0]);
	await empty.close();
}, 30_000);
