import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALL, OTHER, SEVERAL, UNKNOWN, WITHHELD, type PersonRow, type ReleaseRow, type ScopeField } from '$lib/types';
import { countTables, release } from './index';
import { formatLossReport } from './loss-report';
import { exactShare, formatShare, type LevelShare } from '../../../tests/fixtures/exact-share';

/**
 * Floors of the share of ≥ 2k country counts published exactly over the generated populations:
 * over all levels (measured 2026-12-06: 128 of 286, 44.8%; 122, 42.7%, before the choice by loss
 * of withhold-cost.ts), and at the worst level (28.3%). These populations are harsh: a few rows of
 * up to 400 people each, so a rare country, "stateless" or "unknown" is often alone below k and
 * takes a country of ≥ 2k with it into "Withheld".
 */
const FLOOR = { all: 0.44, level: 0.28 };

const person = (p: Partial<PersonRow>): PersonRow => ({
	year: 2024, organisation: 'A', programme: 'P', group: 'G', region: 'Chuy', sex: 'female', age: '18-59', nationality: 'KG', disability: 'no', n: 1, ...p
});
const rowsOf = (rows: ReleaseRow[], view: string, year = ALL, organisation = ALL) =>
	rows.filter((r) => r.view === view && r.year === year && r.organisation === organisation).map((r) => [r.category, r.n]);

describe('release(people, {k, scope, periods}) by example', () => {
	it('folds 2 Syrians and 3 Afghans into Other nationalities, then withholds it with the next-smallest', async () => {
		const people = [person({ n: 40 }), person({ nationality: 'SY', n: 2 }), person({ nationality: 'AF', n: 3 }), person({ nationality: 'UZ', n: 12 })];
		const { rows, loss, otherCountries } = await release(people, { k: 10, scope: [] });
		expect(rowsOf(rows, 'nationality')).toEqual([['KG', 40], [WITHHELD, 17]]);
		// Folded counts the people published in a parent category: these 5 are withheld with it.
		expect(loss.views.find((v) => v.view === 'nationality')).toMatchObject({ folded: 0, withheld: 17 });
		expect(otherCountries).toEqual([]);
	});

	it('publishes "Other nationalities" of at least k people with the number of its countries', async () => {
		const people = [person({ n: 40 }), person({ nationality: 'SY', n: 6 }), person({ nationality: 'AF', n: 7 }), person({ nationality: 'UZ', n: 12 })];
		const { rows, otherCountries } = await release(people, { k: 10, scope: [] });
		expect(rowsOf(rows, 'nationality')).toEqual([['KG', 40], ['UZ', 12], [OTHER, 13]]);
		// The whole period and its only year.
		expect(otherCountries).toEqual([ALL, '2024'].map((year) => ({ year, organisation: ALL, programme: ALL, group: ALL, countries: 2 })));
	});

	it('keeps the whole period exact while each year and each organisation hide what would give a small count away', async () => {
		// 12 Syrians over the period: 3 in 2023 (A) and 9 in 2024 (B). Neither year may show them,
		// and neither organisation, or the whole period minus the other would pin the 3.
		const people = [
			person({ year: 2023, organisation: 'A', n: 60 }), person({ year: 2023, organisation: 'A', nationality: 'SY', n: 3 }),
			person({ year: 2023, organisation: 'B', n: 50 }), person({ year: 2024, organisation: 'A', n: 55 }),
			person({ year: 2024, organisation: 'B', n: 45 }), person({ year: 2024, organisation: 'B', nationality: 'SY', n: 9 }),
			person({ year: 2023, organisation: 'B', nationality: 'UZ', n: 12 }), person({ year: 2024, organisation: 'A', nationality: 'UZ', n: 14 })
		];
		const { rows, audit } = await release(people, { k: 10, scope: ['organisation'] });
		expect(rowsOf(rows, 'total')).toEqual([['', 248]]);
		expect(rowsOf(rows, 'nationality')).toEqual([['KG', 210], ['SY', 12], ['UZ', 26]]);
		for (const r of rows.filter((r) => r.view === 'nationality' && r.category === 'SY')) expect([r.year, r.organisation]).toEqual([ALL, ALL]);
		// The finest table (each year × each organisation) publishes its totals only.
		expect(rows.filter((r) => r.year !== ALL && r.organisation !== ALL).map((r) => r.view)).toEqual(['total', 'total', 'total', 'total']);
		expect(audit.every((a) => a.violations.length === 0)).toBe(true);
		expect(audit.find((a) => a.view === 'nationality')!.checked).toBe(2);
	});

	it('hides a year of 7 people and its smallest partner year, and keeps the whole period exact', async () => {
		const people = [person({ year: 2019, n: 7 }), person({ year: 2020, n: 50 }), person({ year: 2021, n: 30 })];
		const { rows } = await release(people, { k: 10, scope: [] });
		expect(rows.filter((r) => r.view === 'total').map((r) => [r.year, r.n])).toEqual([['2020', 50], [ALL, 87]]);
	});

	it('publishes a grant period as its own level, from the settings', async () => {
		const people = [person({ year: 2022, n: 20 }), person({ year: 2023, n: 30 }), person({ year: 2024, n: 40 })];
		const { rows, loss } = await release(people, { k: 10, scope: [], periods: [{ from: 2023, to: 2025 }] });
		expect(rows.filter((r) => r.view === 'total').map((r) => [r.year, r.n])).toEqual([['2022', 20], ['2023', 30], ['2023-2025', 70], ['2024', 40], [ALL, 90]]);
		expect(loss.periods).toEqual(['2023-2025']);
	});

	it('folds small age bands of a sex into children / adults', async () => {
		const people = [person({ age: '0-4', n: 3 }), person({ age: '5-11', n: 9 }), person({ age: '12-17', n: 20 }), person({ age: '18-59', n: 30 })];
		expect(rowsOf((await release(people, { k: 10, scope: [] })).rows, 'sex_age')).toEqual([['female|18-59', 30], ['female|child', 32]]);
	});

	it('publishes types of exploitation as one more view: small types folded into Other with the export\'s own Other, several types their own category', async () => {
		const people = [
			person({ exploitation: 'sexual', n: 30 }), person({ exploitation: 'labour', n: 20 }), person({ exploitation: SEVERAL, n: 12 }),
			person({ exploitation: 'marriage', n: 4 }), person({ exploitation: 'organs', n: 3 }), person({ exploitation: OTHER, n: 5 }), person({ n: 15 })
		];
		const { rows, audit, loss } = await release(people, { k: 10, scope: [] });
		expect(rowsOf(rows, 'exploitation')).toEqual([['labour', 20], ['sexual', 30], [OTHER, 12], [SEVERAL, 12], [UNKNOWN, 15]]);
		expect(loss.views.find((v) => v.view === 'exploitation')).toMatchObject({ people: 89, folded: 7, withheld: 0 });
		expect(audit.map((a) => a.view)).toContain('exploitation');
		// Without a known type there is no such view: exports without the column publish what they did.
		expect((await release([person({ n: 40 })], { k: 10, scope: [] })).rows.map((r) => r.view)).not.toContain('exploitation');
	});

	it('refuses k below 5', async () => {
		await expect(release([person({})], { k: 4, scope: [] })).rejects.toThrow('k must be a whole number of at least 5 (got 4)');
	});

	it('prints a loss report per view and level, with a warning above 20% withheld at the top', async () => {
		const people = [person({ n: 12 }), person({ disability: 'yes', n: 6 }), person({ disability: UNKNOWN, n: 5 })];
		const { loss } = await release(people, { k: 10, scope: [] });
		const text = formatLossReport(loss);
		expect(text).toContain('disability   whole period × all');
		expect(text).toContain('WARNING: view "disability" withholds 47.8% of people');
	});

	it('countTables(people, scope) gives the exact per-year tables at the finest scope, for /upload', () => {
		expect(countTables([person({ n: 3 }), person({ organisation: 'B', n: 2 })], ['organisation']).filter((r) => r.view === 'total')).toEqual([
			{ view: 'total', year: '2024', organisation: 'A', programme: ALL, group: ALL, category: '', n: 3 },
			{ view: 'total', year: '2024', organisation: 'B', programme: ALL, group: ALL, category: '', n: 2 }
		]);
	});
});

// Populations from 0 to 20,000 people, random and skewed: a few big categories and many rare ones.
const ORGS = ['A', 'B', 'C', 'D', 'E', 'F'];
const skewed = <T>(common: T[], rare: T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const population = fc
	.record({ organisations: fc.integer({ min: 1, max: 6 }), years: fc.integer({ min: 1, max: 10 }), k: fc.integer({ min: 5, max: 15 }) })
	.chain(({ organisations, years, k }) =>
		fc.record({
			k: fc.constant(k),
			people: fc
				.array(
					fc.record({
						year: fc.integer({ min: 2016, max: 2015 + years }),
						organisation: fc.constantFrom(...ORGS.slice(0, organisations)),
						programme: skewed(['P1', 'P2'], ['P3']),
						group: fc.constantFrom('G1', 'G2', 'G3'),
						region: skewed(['Bishkek', 'Chuy'], ['Naryn', 'Talas', 'Batken', UNKNOWN]),
						sex: skewed(['female', 'male'] as const, ['other', UNKNOWN] as const),
						age: fc.constantFrom('0-4', '5-11', '12-17', '18-59', '60+', 'child', 'adult', UNKNOWN),
						nationality: skewed(['KG', 'UZ'], ['AF', 'SY', 'PK', 'IN', 'RU', 'TJ', 'stateless', UNKNOWN]),
						disability: fc.constantFrom('yes', 'no', UNKNOWN),
						exploitation: skewed(['sexual', 'labour', UNKNOWN], ['marriage', 'organs', 'begging', OTHER, SEVERAL]),
						n: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 400 }))
					}) as fc.Arbitrary<PersonRow>,
					{ maxLength: 120 }
				)
				.filter((ps) => ps.reduce((s, p) => s + p.n, 0) <= 20_000),
			scope: fc.constantFrom<ScopeField[]>([], ['organisation'], ['organisation', 'programme']),
			periods: fc.constantFrom<{ from: number; to: number }[][]>([], [{ from: 2017, to: 2019 }], [{ from: 2016, to: 2017 }, { from: 2018, to: 2022 }])
		})
	);

describe('release(people) properties', () => {
	const options = { seed: 20261130, numRuns: 60 };

	it('passes its audit, publishes no row below k, and every published breakdown sums to its total', async () => {
		await fc.assert(
			fc.asyncProperty(population, async ({ people, k, scope, periods }) => {
				const { rows, audit } = await release(people, { k, scope, periods });
				expect(audit.flatMap((a) => a.violations)).toEqual([]);
				for (const r of rows) expect(r.n).toBeGreaterThanOrEqual(k);
				const key = (r: ReleaseRow) => `${r.year}|${r.organisation}|${r.programme}|${r.group}`;
				const totals = new Map(rows.filter((r) => r.view === 'total').map((r) => [key(r), r.n]));
				const sums = new Map<string, number>();
				for (const r of rows.filter((r) => r.view !== 'total')) sums.set(`${r.view}|${key(r)}`, (sums.get(`${r.view}|${key(r)}`) ?? 0) + r.n);
				for (const [k2, n] of sums) expect(n).toBe(totals.get(k2.slice(k2.indexOf('|') + 1)));
			}),
			options
		);
	}, 600_000);

	// The share of country counts of ≥ 2k people published exactly, per level (#22, item 5): printed,
	// and held above a floor (FLOOR). A register shaped like the issue's: tests/long-tail-release.spec.ts.
	it('publishes most country counts of ≥ 2k people exactly at every level (the share printed)', async () => {
		const levels = new Map<string, LevelShare>();
		await fc.assert(
			fc.asyncProperty(population, async ({ people, k, scope, periods }) => {
				const { rows } = await release(people, { k, scope, periods });
				for (const s of exactShare(rows, people, k, periods, { organisations: scope.includes('organisation'), yearByOrganisation: scope.length > 1 })) {
					const level = levels.get(s.level) ?? { level: s.level, exact: 0, of: 0, missed: [] };
					levels.set(s.level, { ...level, exact: level.exact + s.exact, of: level.of + s.of });
				}
			}),
			{ ...options, seed: options.seed + 2, numRuns: 40 }
		);
		const shares = [...levels.values()];
		console.log(`release(people) over 40 generated populations: share of ≥ 2k country counts exact per level\n${formatShare(shares)}`);
		const all = shares.reduce((s, x) => ({ exact: s.exact + x.exact, of: s.of + x.of }), { exact: 0, of: 0 });
		expect(all.exact / all.of).toBeGreaterThanOrEqual(FLOOR.all);
		for (const s of shares) expect(s.exact / s.of, s.level).toBeGreaterThanOrEqual(FLOOR.level);
	}, 600_000);

	it('is exact at the top level whenever each of its categories has at least k people', async () => {
		await fc.assert(
			fc.asyncProperty(population, async ({ people, k, scope, periods }) => {
				const { rows } = await release(people, { k, scope, periods });
				const exact = countTables(people, []);
				for (const view of ['total', 'nationality', 'disability', 'sex_age', 'group', 'region', 'exploitation']) {
					const truth = new Map<string, number>();
					for (const r of exact.filter((r) => r.view === view)) truth.set(r.category, (truth.get(r.category) ?? 0) + r.n);
					if ([...truth.values()].some((n) => n < k)) continue;
					expect(new Map(rowsOf(rows, view) as [string, number][])).toEqual(truth);
				}
			}),
			{ ...options, seed: options.seed + 1 }
		);
	}, 600_000);
});
