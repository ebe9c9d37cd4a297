/**
 * A register of the shape that showed secondary suppression over-hiding (#22, item 5): about 8,000
 * people, six organisations (one of about 74 people, one of about 550), 25 countries with a long
 * tail, 2019–2025, grant period 2023–2025 (tests/fixtures/long-tail-register.ts). On a seed not
 * used while the suppression was tuned (1–12 were):
 * - every country count of at least 2k people is exact at every level that publishes countries —
 *   the whole period, the grant period and each year for all organisations, the whole and the
 *   grant period for each one — except where no release can publish it: a relation whose small
 *   members (1..k−1 people, hidden) hold fewer than k together must hide one more member, and when
 *   every other member holds ≥ 2k people one of them goes whatever the method (exact-share.ts,
 *   forcedLosses: each count missed is matched to a forced relation of its own);
 * - each year × each organisation (the finest table) publishes its exact total, but one below k
 *   and its one partner (the smallest organisation's year has about 10 people); its breakdowns are
 *   not published, by design (protect.ts);
 * - an LP attack written apart from the release (tests/attack/release.ts) bounds no small cell below k.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { release, type Release } from '$lib/release';
import { ALL } from '$lib/types';
import { GRANT, longTailRegister } from './fixtures/long-tail-register';
import { exactShare, forcedLosses, formatShare, unexplained } from './fixtures/exact-share';
import { attackRelease } from './attack/release';
import { attackSuccessive } from './attack/successive';
import { releaseAgainst } from '$lib/release/lineage';
import { releaseDocument } from '$lib/release/release-file';

const K = 10;
const SEED = 20261206;
const people = longTailRegister(SEED);
let published: Release;

beforeAll(async () => {
	const start = performance.now();
	published = await release(people, { k: K, scope: ['organisation'], periods: [GRANT] });
	console.log(`long-tail register (seed ${SEED}): ${people.length} people, released in ${(performance.now() - start).toFixed(0)} ms, ${published.rounds} rounds of audit`);
}, 120_000);

describe('release(people) of a register with one small organisation and a long tail of countries', () => {
	it('has the shape of the issue: ~8,000 people, six organisations, one of ~74, 25 countries', () => {
		const orgs = new Map<string, number>();
		for (const p of people) orgs.set(p.organisation, (orgs.get(p.organisation) ?? 0) + 1);
		expect(people.length).toBeGreaterThan(7900);
		expect(people.length).toBeLessThan(8100);
		expect(orgs.size).toBe(6);
		expect(Math.min(...orgs.values())).toBeGreaterThan(60);
		expect(Math.min(...orgs.values())).toBeLessThan(90);
		expect(new Set(people.map((p) => p.nationality).filter((c) => /^[A-Z]{2}$/.test(c))).size).toBe(25);
	});

	it('publishes every country count of ≥ 2k people exactly at every level, but those a forced complementary cell takes', () => {
		const shares = exactShare(published.rows, people, K, GRANT);
		const forced = forcedLosses(people, K, GRANT);
		const missed = shares.flatMap((s) => s.missed);
		console.log(`share of ≥ 2k country counts exact per level (k = ${K}):\n${formatShare(shares)}`);
		console.log(`not exact, each forced:\n${missed.map((m) => `  ${m}: ${forced.find((f) => f.cells.includes(m))?.why}`).join('\n')}`);
		expect(unexplained(missed, forced)).toEqual([]);
		// The issue's cases: a mid-sized organisation keeps its big countries where nothing forces them.
		for (const s of shares) expect(s.exact, s.level).toBeGreaterThanOrEqual(s.of - forced.length);
		expect(shares.find((s) => s.level === 'whole period × all')).toMatchObject({ missed: [] });
		expect(shares.find((s) => s.level === 'grant period × all')).toMatchObject({ missed: [] });
	});

	it('publishes the exact total of each year × each organisation, but a small one and its one partner', () => {
		const totals = new Map(published.rows.filter((r) => r.view === 'total').map((r) => [`${r.year}|${r.organisation}`, r.n]));
		const years = [...new Set(people.map((p) => p.year))].sort();
		const orgs = [...new Set(people.map((p) => p.organisation))].sort();
		for (const y of years) {
			const truth = new Map(orgs.map((o) => [o, people.filter((p) => p.year === y && p.organisation === o).length]));
			expect(totals.get(`${y}|${ALL}`)).toBe([...truth.values()].reduce((s, n) => s + n, 0));
			// A year's organisations sum to its total: a small one hidden alone would be the difference.
			const small = orgs.filter((o) => truth.get(o)! > 0 && truth.get(o)! < K);
			const hidden = orgs.filter((o) => truth.get(o)! >= K && totals.get(`${y}|${o}`) === undefined);
			const needed = small.length > 0 && small.reduce((s, o) => s + truth.get(o)!, 0) < K ? 1 : 0;
			expect([y, hidden.length]).toEqual([y, needed]);
			for (const o of orgs) if (truth.get(o)! >= K && !hidden.includes(o)) expect([y, o, totals.get(`${y}|${o}`)]).toEqual([y, o, truth.get(o)]);
		}
		expect(totals.get(`${ALL}|${ALL}`)).toBe(people.length);
		for (const r of published.rows) expect(r.n).toBeGreaterThanOrEqual(K);
	});

	it('gives an independent LP attack no small cell below k, in any view', async () => {
		const start = performance.now();
		const { exposures, attacked } = await attackRelease(published.rows, people, K);
		console.log(`attack: ${attacked} small cells, ${exposures.length} exposed, ${(performance.now() - start).toFixed(0)} ms`);
		expect(exposures).toEqual([]);
		expect(attacked).toBeGreaterThan(500);
		// The attack finds what is there to find: the smallest organisation's 2019 countries published as they are.
		const zeta = people.filter((p) => p.year === 2019 && p.organisation.startsWith('Zeta'));
		const leaked = [...new Set(zeta.map((p) => p.nationality))].map((category) => ({ view: 'nationality' as const, year: '2019', organisation: zeta[0].organisation, programme: ALL, group: ALL, category, n: zeta.filter((p) => p.nationality === category).length }));
		const total = { ...leaked[0], view: 'total' as const, category: '', n: zeta.length };
		const naive = await attackRelease([...published.rows.filter((r) => !(r.view === 'total' && r.year === '2019' && r.organisation === total.organisation)), total, ...leaked], people, K, ['nationality']);
		expect(naive.exposures.length).toBeGreaterThan(0);
	}, 120_000);
});

/**
 * The same register released a year before, then again with 2025 (~40 s here: outside the test
 * command, whose successive releases are tests/successive-releases.spec.ts):
 * LONG_TAIL_SUCCESSIVE=1 TZ=UTC npx vitest run --project unit tests/long-tail-release.spec.ts
 */
describe.runIf(process.env.LONG_TAIL_SUCCESSIVE)('releaseAgainst(people, previous) of the same register, a year later', () => {
	it('passes an attack on both files: no count of fewer than k new people pinned', async () => {
		const before = people.filter((p) => p.year < 2025);
		const options = { k: K, scope: ['organisation' as const], periods: [GRANT] };
		const A = releaseDocument(await release(before, options), '2025-01-15');
		const B = await releaseAgainst(people, A, options);
		const start = performance.now();
		const added = people.filter((p) => p.year === 2025);
		const { exposures, attacked } = await attackSuccessive([{ rows: A.rows, span: A.span }, { rows: B.rows, span: B.span }], people, added, K, ['nationality', 'disability']);
		console.log(`successive: ${B.newRows} new rows, ${attacked} small new cells attacked, ${exposures.length} exposed, ${(performance.now() - start).toFixed(0)} ms`);
		expect(exposures).toEqual([]);
		expect(attacked).toBeGreaterThan(50);
	}, 120_000);
});

/**
 * Before/after figures over many registers (not part of the test command):
 * LONG_TAIL_SEEDS=1-12 TZ=UTC npx vitest run --project unit tests/long-tail-release.spec.ts
 */
const seeds = (process.env.LONG_TAIL_SEEDS ?? '').split('-').map(Number);
describe.runIf(seeds.length === 2)('release(people) over generated long-tail registers', () => {
	it(`share of ≥ 2k country counts exact per level, seeds ${seeds.join('-')}`, async () => {
		const levels = new Map<string, { exact: number; of: number }>();
		let ms = 0;
		let rounds = 0;
		let notForced = 0;
		for (let seed = seeds[0]; seed <= seeds[1]; seed++) {
			const register = longTailRegister(seed);
			const start = performance.now();
			const r = await release(register, { k: K, scope: ['organisation'], periods: [GRANT] });
			ms += performance.now() - start;
			rounds += r.rounds;
			const shares = exactShare(r.rows, register, K, GRANT);
			for (const s of shares) {
				const level = levels.get(s.level) ?? { exact: 0, of: 0 };
				levels.set(s.level, { exact: level.exact + s.exact, of: level.of + s.of });
			}
			notForced += unexplained(shares.flatMap((s) => s.missed), forcedLosses(register, K, GRANT)).length;
		}
		const count = seeds[1] - seeds[0] + 1;
		console.log(`${count} registers: release ${(ms / count).toFixed(0)} ms and ${(rounds / count).toFixed(1)} rounds each on average; not exact and not forced: ${notForced}\n${formatShare([...levels].map(([level, s]) => ({ level, ...s, missed: [] })))}`);
		expect(levels.size).toBeGreaterThan(0);
	}, 900_000);
});
