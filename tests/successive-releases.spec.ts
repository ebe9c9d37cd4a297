import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createNodeEngine } from '$lib/server/engine-node';
import { loadExports } from '$lib/ingest/load-export';
import { release } from '$lib/release';
import { releaseAgainst, type LineageRelease } from '$lib/release/lineage';
import { releaseDocument, type ReleaseDocument } from '$lib/release/release-file';
import { ALL, UNKNOWN, type PersonRow, type ReleaseRow } from '$lib/types';
import { attackSuccessive, differences } from './attack/successive';
import { formatRevision, revise } from '$lib/release/revision';

const K = 10;
const SCOPE = ['organisation'] as const;
const PERIODS = [{ from: 2023, to: 2025 }];
const options = { k: K, scope: [...SCOPE], periods: PERIODS };

let sample: PersonRow[];
let A: ReleaseDocument;

beforeAll(async () => {
	const engine = await createNodeEngine();
	try {
		const bytes = new Uint8Array(readFileSync('data/sample-export.csv'));
		sample = (await loadExports(engine, [{ name: 'sample-export.csv', bytes }], { exportDate: '2026-01-15' })).rows;
	} finally {
		await engine.close();
	}
	A = releaseDocument(await release(sample, options), '2026-01-15');
}, 120_000);

/** A seeded stream of numbers in [0, 1): scenarios are the same each run. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

function newPeople(count: number, year: number, seed: number): PersonRow[] {
	const r = random(seed);
	return Array.from({ length: count }, () => ({
		year,
		organisation: pick(r, ['Tunuk Foundation', 'Sezim Crisis Centre', 'Bala Children’s Village']),
		programme: UNKNOWN,
		group: pick(r, ['Refugee', 'Trafficking survivor', 'Survivor of domestic violence']),
		region: pick(r, ['Batken', 'Chuy', 'Osh', 'Bishkek']),
		sex: pick(r, ['female', 'male'] as const),
		age: pick(r, ['5-11', '12-17', '18-59'] as const),
		nationality: pick(r, ['KG', 'UZ', 'AF', 'TJ', 'stateless']),
		disability: pick(r, ['yes', 'no', UNKNOWN] as const),
		n: 1
	}));
}

/** The girl of the issue: one late 2024 registration. */
const lateGirl: PersonRow = { year: 2024, organisation: 'Tunuk Foundation', programme: UNKNOWN, group: 'Refugee', region: 'Batken', sex: 'female', age: '12-17', nationality: 'AF', disability: 'yes', n: 1 };

/** People of the sample with one value changed: the first `count` of a year whose disability is unknown become yes. */
function corrected(people: PersonRow[], count: number, years: number[]): PersonRow[] {
	const out = people.map((p) => ({ ...p }));
	let left = count;
	for (const y of years)
		for (const p of out)
			if (left > 0 && p.year === y && p.n === 1 && p.disability === 'no') {
				p.disability = 'yes';
				left--;
				break;
			}
	return out;
}

const key = (r: ReleaseRow) => [r.view, r.year, r.organisation, r.programme, r.group, r.category].join('|');
const total = (rows: ReleaseRow[], year: string) => rows.find((r) => r.view === 'total' && r.year === year && r.organisation === ALL)?.n;

async function againstA(people: PersonRow[]): Promise<LineageRelease> {
	return releaseAgainst(people, A, options);
}

describe('releaseAgainst(people, previous, options): successive releases of the sample', () => {
	it('keeps every row of the first release, its whole period under "2019-2025", when a new year is added', async () => {
		const B = await againstA([...sample, ...newPeople(40, 2026, 1)]);
		const byKey = new Map(B.rows.map((r) => [key(r), r.n]));
		for (const r of A.rows) expect(byKey.get(key({ ...r, year: r.year === ALL ? '2019-2025' : r.year })), key(r)).toBe(r.n);
		expect(B.frozenRows).toBe(A.rows.length);
		expect(B.span).toEqual({ from: 2019, to: 2026 });
		expect(B.lineage).toEqual([{ exportDate: '2026-01-15', period: '2019-2025', rows: A.rows.length }]);
		// The new year exact (40 ≥ k), the new whole period its sum with the frozen one.
		expect(total(B.rows, '2026')).toBe(40);
		expect(total(B.rows, ALL)).toBe(total(A.rows, ALL)! + 40);
		expect(B.audit.every((a) => a.violations.length === 0)).toBe(true);
	}, 120_000);

	it('holds back a late 2024 registration: 2024 stays as published, nothing new is written, and staff are told', async () => {
		const B = await againstA([...sample, lateGirl]);
		expect(B.rows).toBe(A.rows);
		expect(B.newRows).toBe(0);
		expect(B.heldBack).toEqual({ people: 1, years: [{ year: '2024', late: 1, removed: 0, corrected: 0 }] });
	}, 60_000);

	it('holds back a correction (disability no → yes in 2023)', async () => {
		const B = await againstA(corrected(sample, 1, [2023]));
		expect(B.rows).toBe(A.rows);
		expect(B.heldBack).toEqual({ people: 1, years: [{ year: '2023', late: 0, removed: 0, corrected: 1 }] });
	}, 60_000);

	it('a quarter: 40 new people in 2026, 3 late 2024 registrations, 5 corrections — 2024 stays 455 (as published), 2026 is exact, 8 held back, and an attack on both files learns nothing of fewer than k', async () => {
		const fresh = newPeople(40, 2026, 7);
		const late = newPeople(3, 2024, 8);
		const people = [...corrected(sample, 5, [2019, 2020, 2021, 2022, 2023]), ...late, ...fresh];
		const B = await againstA(people);
		expect(total(A.rows, '2024')).toBe(455);
		expect(total(B.rows, '2024')).toBe(455);
		expect(total(B.rows, '2026')).toBe(40);
		expect(B.heldBack.people).toBe(8);
		expect(B.heldBack.years).toEqual([
			...[2019, 2020, 2021, 2022, 2023].map((y) => ({ year: String(y), late: 0, removed: 0, corrected: 1 })),
			{ year: '2024', late: 3, removed: 0, corrected: 0 }
		]);
		const { exposures, attacked } = await attackSuccessive([A, B], [...sample, ...fresh], fresh, K);
		expect(attacked).toBeGreaterThan(20);
		expect(exposures).toEqual([]);
	}, 180_000);

	it('the attack finds what a release made without the previous one gives away (one new person, one late registration)', async () => {
		const naive = await release([...sample, ...newPeople(1, 2026, 3), lateGirl], options);
		const changed = differences(A.rows, naive.rows, K);
		// The girl's profile and the new person's, by subtraction: the whole period and 2024 moved by one or two.
		expect(changed).toContainEqual({ row: 'total · 2023-2025 · ~all · ~all · ~all · ', change: 1 });
		expect(changed).toContainEqual({ row: 'nationality · 2023-2025 · Tunuk Foundation · ~all · ~all · AF', change: 1 });
		expect(changed).toContainEqual({ row: 'sex_age · 2024 · ~all · ~all · ~all · female|12-17', change: 1 });
		expect(changed.length).toBeGreaterThan(20);
		const B = await againstA([...sample, ...newPeople(40, 2026, 3), lateGirl]);
		expect(differences(A.rows, B.rows, K)).toEqual([]);
	}, 60_000);

	it('three releases: 2026 begun (40 people), then 2027 — the new whole period carries a breakdown once every addition is published (nationalities, disability), the headline stays on 2019-2025 while one is not (sex × age); an attack on the three files learns nothing', async () => {
		const as = (year: number, from: PersonRow[]) => from.map((p) => ({ ...p, year }));
		const y2025 = sample.filter((p) => p.year === 2025);
		const early = as(2026, y2025.slice(0, 40));
		const B = await againstA([...sample, ...early]);
		expect(B.incomplete).toContain('nationality');
		expect(B.headline).toEqual({ from: 2019, to: 2025 });
		const docB = releaseDocument(B, '2026-02-26');
		// 2027: twice 2025's people, so that even India (5 a year) adds k.
		const late = [...as(2027, y2025), ...as(2027, y2025)];
		const C = await releaseAgainst([...sample, ...early, ...late], docB, options);
		expect(C.lineage.map((l) => l.period)).toEqual(['2019-2025', '2019-2026']);
		expect(C.heldBack.people).toBe(0);
		// Every row of A and B still there, the same.
		const byKey = new Map(C.rows.map((r) => [key(r), r.n]));
		for (const r of docB.rows) expect(byKey.get(key({ ...r, year: r.year === ALL ? '2019-2026' : r.year })), key(r)).toBe(r.n);
		// The whole period in full: each country of A's headline, with 2026 and 2027 added, exact.
		const truth = (c: string) => [...sample, ...early, ...late].filter((p) => p.nationality === c).reduce((s, p) => s + p.n, 0);
		const whole = C.rows.filter((r) => r.view === 'nationality' && r.year === ALL && r.organisation === ALL);
		for (const r of A.rows.filter((r) => r.view === 'nationality' && r.year === ALL && r.organisation === ALL && !r.category.startsWith('~')))
			expect(whole.find((w) => w.category === r.category)?.n, r.category).toBe(truth(r.category));
		for (const r of A.rows.filter((r) => r.view === 'disability' && r.year === ALL && r.organisation === ALL))
			expect(C.rows.find((w) => w.view === 'disability' && w.year === ALL && w.organisation === ALL && w.category === r.category)?.n).toBe(
				[...sample, ...early, ...late].filter((p) => p.disability === r.category).reduce((s, p) => s + p.n, 0)
			);
		// Unknown sex: 4 adults and 5 children in two years, fewer than k: the sex × age headline
		// cannot be carried whole yet, so the headline stays on 2019-2025.
		expect(C.incomplete).toEqual(['sex_age']);
		expect(C.headline).toEqual({ from: 2019, to: 2025 });
		expect(C.rows.filter((r) => r.view === 'sex_age' && r.year === ALL && r.organisation === ALL)).toEqual([]);
		const { exposures, attacked } = await attackSuccessive([A, docB, releaseDocument(C, '2028-01-20')], [...sample, ...early, ...late], [...early, ...late], K);
		expect(attacked).toBeGreaterThan(50);
		expect(exposures).toEqual([]);
	}, 180_000);

	it('renames a grant period that reached past the data (2023-2025 published with 2019-2024) to its own years, and publishes the new year', async () => {
		const early = releaseDocument(await release(sample.filter((p) => p.year < 2025), options), '2025-01-10');
		expect(early.span).toEqual({ from: 2019, to: 2024 });
		const B = await releaseAgainst(sample, early, options);
		expect(B.rows.some((r) => r.year === '2023-2025')).toBe(false);
		expect(total(B.rows, '2023-2024')).toBe(total(early.rows, '2023-2025'));
		expect(total(B.rows, '2025')).toBe(sample.filter((p) => p.year === 2025).reduce((s, p) => s + p.n, 0));
		expect(B.straddling).toEqual(['2023-2025']);
	}, 60_000);

	it('one new person in 2026: nothing new is published (the whole period does not move by one)', async () => {
		const B = await againstA([...sample, ...newPeople(1, 2026, 3)]);
		expect(B.rows).toBe(A.rows);
		expect(B.newRows).toBe(0);
		expect(B.heldBack.people).toBe(0);
	}, 60_000);

	it('generated new years (fast-check): every earlier row kept, the new year exact when it has k people, and no attack on both files pins a new count below k', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 90 }), async (seed, count) => {
				const fresh = newPeople(count, 2026, seed);
				const B = await againstA([...sample, ...fresh]);
				const byKey = new Map(B.rows.map((r) => [key(r), r.n]));
				for (const r of A.rows) expect(byKey.get(key({ ...r, year: r.year === ALL && B.newRows ? '2019-2025' : r.year }))).toBe(r.n);
				for (const r of B.rows) expect(r.n === 0 || r.n >= K).toBe(true);
				expect(differences(A.rows, B.rows, K)).toEqual([]);
				if (count >= K) expect(total(B.rows, '2026')).toBe(count);
				const { exposures } = await attackSuccessive([A, B], [...sample, ...fresh], fresh, K);
				expect(exposures).toEqual([]);
			}),
			{ numRuns: 6, seed: 20261206 }
		);
	}, 600_000);
});

describe('releaseAgainst over generated registers (fast-check)', () => {
	it('a register of a few hundred people over four years, then a new year with late registrations and corrections: every earlier row kept, held-back people in no row, and no attack on both files pins a changed count below k', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 40, max: 160 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), async (seed, perYear, late, corrections) => {
				const base = [2021, 2022, 2023, 2024].flatMap((y, i) => newPeople(perYear + 20 * i, y, seed + i));
				const first = releaseDocument(await release(base, options), '2025-01-15');
				const fresh = newPeople(perYear, 2025, seed + 99);
				const changed = corrected(base, corrections, [2021, 2022, 2023]);
				const B = await releaseAgainst([...changed, ...newPeople(late, 2023, seed + 7), ...fresh], first, options);
				const byKey = new Map(B.rows.map((r) => [key(r), r.n]));
				// The whole period and the grant period 2023-2025 (with 2025 not yet begun) keep their figures under their years.
				const renamed: Record<string, string> = B.newRows ? { [ALL]: '2021-2024', '2023-2025': '2023-2024' } : {};
				for (const r of first.rows) expect(byKey.get(key({ ...r, year: renamed[r.year] ?? r.year }))).toBe(r.n);
				expect(differences(first.rows, B.rows, K)).toEqual([]);
				expect(B.heldBack.people).toBeLessThanOrEqual(late + corrections);
				expect(B.heldBack.years.reduce((s, y) => s + y.late, 0)).toBe(late);
				const { exposures } = await attackSuccessive([first, B], [...base, ...fresh], fresh, K);
				expect(exposures).toEqual([]);
			}),
			{ numRuns: 5, seed: 1206 }
		);
	}, 600_000);
});

describe('revise(people, previous, options): publishing the held-back changes', () => {
	it('refuses a revision whose changes are a few people each (5 corrections of one person each, and 3 late registrations), naming the periods and views that block it', async () => {
		const people = [...corrected(sample, 5, [2019, 2020, 2021, 2022, 2023]), ...newPeople(3, 2024, 8)];
		const r = await revise(people, A, options);
		expect(r.exposures.length).toBeGreaterThan(0);
		for (const e of r.exposures) expect(Math.abs(e.max)).toBeLessThan(K);
		const text = formatRevision(r, K);
		expect(text).toMatch(/^revision refused: \d+ changed counts? of 1\.\.9 people can be proven/);
		expect(text).toContain('blocked by: 2019, 2020, 2021, 2022, 2023 in disability');
		expect(text).toContain('disability · 2023 · Tunuk Foundation · yes: changed by 1');
		expect(text).toContain('wait for more changes');
	}, 120_000);

	it('passes a revision whose change is many people alike (30 late 2024 registrations of one profile): no count changes by 1..k−1', async () => {
		const batch: PersonRow = { ...lateGirl, n: 30 };
		const r = await revise([...sample, batch], A, options);
		expect(r.exposures).toEqual([]);
		expect(r.fewest.nationality).toBe(30);
		expect(total(r.release.rows, '2024')).toBe(455 + 30);
		// Differencing the two files: no row of the same key moves by 1..k−1.
		expect(differences(A.rows, r.release.rows, K)).toEqual([]);
	}, 120_000);
});
