import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALL, OTHER, UNKNOWN, WITHHELD, type PersonRow, type ReleaseRow, type ScopeField } from '$lib/types';
import { countTables, protect, protectWithTrace, release } from './index';
import { formatLossReport } from './loss-report';

const person = (p: Partial<PersonRow>): PersonRow => ({
	year: 2024, organisation: 'A', programme: 'P', group: 'G', region: 'Chuy', sex: 'female', age: '18-59', nationality: 'KG', disability: 'no', n: 1, ...p
});
const sum = (rows: ReleaseRow[]) => rows.reduce((s, r) => s + r.n, 0);
const view = (rows: ReleaseRow[], v: string) => rows.filter((r) => r.view === v);

describe('release(people, {k, scope}) by example', () => {
	it('folds 2 Syrians and 3 Afghans into Other nationalities, then withholds it with the next-smallest', () => {
		const people = [person({ n: 40 }), person({ nationality: 'SY', n: 2 }), person({ nationality: 'AF', n: 3 }), person({ nationality: 'UZ', n: 12 })];
		const { rows, loss } = release(people, { k: 10, scope: [] });
		expect(view(rows, 'nationality').map((r) => [r.category, r.n])).toEqual([['KG', 40], [WITHHELD, 17]]);
		expect(loss.views.find((v) => v.view === 'nationality')).toMatchObject({ folded: 5, withheld: 17 });
	});

	it('merges a programme of 4 people into Other programmes, then Other organisations when still small', () => {
		const people = [person({ programme: 'Big', n: 30 }), person({ programme: 'Tiny', n: 4 }), person({ organisation: 'B', programme: 'Q', n: 3 }), person({ organisation: 'B', programme: 'R', n: 25 })];
		const { rows, loss } = release(people, { k: 10, scope: ['organisation', 'programme'] });
		// Tiny (4) and Q (3) become "Other programmes" of A and B, still small, so "Other organisations"
		// (7), still small, so the next-smallest cell of the year, B's R (25), joins it.
		expect(view(rows, 'total').map((r) => [r.organisation, r.programme, r.n])).toEqual([['A', 'Big', 30], [OTHER, OTHER, 32]]);
		expect(loss.mergedCells).toEqual({ cells: 3, people: 32 });
	});

	it('publishes a year of 7 people as its total only, and counts them as withheld from every breakdown', () => {
		const people = [person({ year: 2019, n: 7 }), person({ year: 2020, n: 50 })];
		const rows = protect(countTables(people, ['organisation']), 10);
		expect(rows.filter((r) => r.year === 2019)).toEqual([{ view: 'total', year: 2019, organisation: OTHER, programme: ALL, group: ALL, category: '', n: 7 }]);
		const { loss } = release(people, { k: 10, scope: ['organisation'] });
		expect(loss.smallYears).toEqual([2019]);
		expect(loss.views.find((v) => v.view === 'total')).toMatchObject({ withheld: 0 });
		expect(loss.views.find((v) => v.view === 'nationality')).toMatchObject({ withheld: 7, withheldShare: 7 / 57 });
	});

	it('folds small age bands of a sex into children / adults', () => {
		const people = [person({ age: '0-4', n: 3 }), person({ age: '5-11', n: 9 }), person({ age: '12-17', n: 20 }), person({ age: '18-59', n: 30 })];
		const rows = view(release(people, { k: 10, scope: [] }).rows, 'sex_age');
		expect(rows.map((r) => [r.category, r.n])).toEqual([['female|18-59', 30], ['female|child', 32]]);
	});

	it('refuses k below 5', () => {
		expect(() => release([person({})], { k: 4, scope: [] })).toThrow('k must be a whole number of at least 5 (got 4)');
	});

	it('prints a loss report with a warning above 20% withheld', () => {
		const people = [person({ n: 12 }), person({ disability: 'yes', n: 6 }), person({ disability: UNKNOWN, n: 5 })];
		const { loss } = release(people, { k: 10, scope: [] });
		expect(formatLossReport(loss)).toContain('WARNING: view "disability" withholds 47.8% of people');
	});
});

// Populations from 0 to 20,000 people, skewed: a few big categories and many rare ones.
const skewed = <T>(common: T[], rare: T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const personArb = fc.record({
	year: fc.integer({ min: 2018, max: 2025 }),
	organisation: skewed(['A', 'B'], ['C', 'D']),
	programme: skewed(['P1', 'P2'], ['P3', 'P4', 'P5']),
	group: fc.constantFrom('G1', 'G2', 'G3'),
	region: skewed(['Bishkek', 'Chuy'], ['Naryn', 'Talas', 'Batken', UNKNOWN]),
	sex: skewed(['female', 'male'] as const, ['other', UNKNOWN] as const),
	age: fc.constantFrom('0-4', '5-11', '12-17', '18-59', '60+', 'child', 'adult', UNKNOWN),
	nationality: skewed(['KG', 'UZ'], ['AF', 'SY', 'PK', 'IN', 'RU', 'TJ', 'stateless', UNKNOWN]),
	disability: fc.constantFrom('yes', 'no', UNKNOWN),
	n: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 400 }))
}) as fc.Arbitrary<PersonRow>;
const population = fc.array(personArb, { maxLength: 120 }).filter((ps) => ps.reduce((s, p) => s + p.n, 0) <= 20_000);
const scopes: ScopeField[][] = [[], ['organisation'], ['organisation', 'programme']];

describe('release(people) properties', () => {
	const settings = fc.record({ people: population, k: fc.constantFrom(5, 10, 11, 20), scope: fc.constantFrom(...scopes) });
	const options = { seed: 20261123, numRuns: 250 };

	it('every row stands for at least k people, but the total of a year smaller than k, which stands alone', () => {
		fc.assert(
			fc.property(settings, ({ people, k, scope }) => {
				const { rows } = release(people, { k, scope });
				for (const r of rows.filter((r) => r.n < k)) {
					expect(r.view).toBe('total');
					expect(rows.filter((x) => x.year === r.year)).toEqual([r]);
				}
			}),
			options
		);
	});

	it('preserves every total: each view sums to all the people, per year and per published cell', () => {
		fc.assert(
			fc.property(settings, ({ people, k, scope }) => {
				const { rows } = release(people, { k, scope });
				const everyone = people.reduce((s, p) => s + p.n, 0);
				expect(sum(view(rows, 'total'))).toBe(everyone);
				const cells = new Map(view(rows, 'total').map((r) => [`${r.year}|${r.organisation}|${r.programme}|${r.group}`, r.n]));
				for (const v of ['nationality', 'disability', 'sex_age', 'group', 'region']) {
					const byCell = new Map<string, number>();
					for (const r of view(rows, v)) byCell.set(`${r.year}|${r.organisation}|${r.programme}|${r.group}`, (byCell.get(`${r.year}|${r.organisation}|${r.programme}|${r.group}`) ?? 0) + r.n);
					for (const [cell, n] of byCell) expect(n).toBe(cells.get(cell));
				}
			}),
			options
		);
	});

	it('never leaves a single withheld category that subtraction could recover', () => {
		fc.assert(
			fc.property(settings, ({ people, k, scope }) => {
				const { traces } = protectWithTrace(countTables(people, scope), k);
				for (const t of traces) if (t.withheld > 0) (expect(t.withheld).toBeGreaterThanOrEqual(k), expect(t.withheldMembers).toBeGreaterThanOrEqual(2));
			}),
			options
		);
	});

	it('is idempotent and deterministic', () => {
		fc.assert(
			fc.property(settings, fc.integer(), ({ people, k, scope }, seed) => {
				const once = release(people, { k, scope }).rows;
				expect(protect(once, k)).toEqual(once);
				const shuffled = [...people].sort((a, b) => ((a.n * 31 + seed) % 7) - ((b.n * 31 + seed) % 7));
				expect(release(shuffled, { k, scope }).rows).toEqual(once);
			}),
			options
		);
	});
});
