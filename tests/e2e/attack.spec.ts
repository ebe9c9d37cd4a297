/**
 * An attack on the published release, written apart from the release and its audit: an attacker
 * who holds build/data/release.json and nothing else sets up every year × organisation × category
 * count as an unknown ≥ 0, with every published row as an equation — each shown category, and
 * each row group's total (what is not shown, "Other" and "Withheld" alike, is only their sum) —
 * plus one unknown per cell for categories never published. For every count that the oracle over
 * data/ finds to be 1..k−1, the largest value consistent with all that must still be at least k.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { people } from './oracle';
import { BUILD_DIR } from './global-setup';

interface Row { view: string; year: string; organisation: string; category: string; n: number }
const release = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8')) as { k: number; scope: string[]; rows: Row[] };
const { k } = release;
const everyone = people();
const years = [...new Set(everyone.map((p) => p.year))].sort();
const orgs = [...new Set(everyone.map((p) => p.organisation))].sort();
const UNSEEN = '(never published)';

/** A view's cells, its equations, and the attacker's largest value for each small true count. */
async function attack(view: 'total' | 'nationality' | 'disability', categoryOf: (p: (typeof everyone)[number]) => string) {
	// Categories the release names; "Other" and "Withheld" are not categories but sums of unknown ones.
	const shown = [...new Set(release.rows.filter((r) => r.view === view && r.category !== '~other' && r.category !== '~withheld').map((r) => r.category))];
	const categories = [...shown, UNSEEN];
	const index = (y: number, o: string, c: string) => (years.indexOf(y) * orgs.length + orgs.indexOf(o)) * categories.length + categories.indexOf(c);
	const inPeriod = (period: string) => (period === '~all' ? years : /-/.test(period) ? years.filter((y) => y >= Number(period.slice(0, 4)) && y <= Number(period.slice(5))) : [Number(period)]);
	const inScope = (organisation: string) => (organisation === '~all' ? orgs : [organisation]);
	const cellsOf = (r: Row, cats: string[]) => inPeriod(r.year).flatMap((y) => inScope(r.organisation).flatMap((o) => cats.map((c) => index(y, o, c))));
	const equations: { cells: number[]; n: number }[] = [];
	for (const r of release.rows.filter((r) => r.view === 'total')) equations.push({ cells: cellsOf(r, categories), n: r.n });
	if (view !== 'total')
		for (const r of release.rows.filter((r) => r.view === view && shown.includes(r.category))) equations.push({ cells: cellsOf(r, [r.category]), n: r.n });

	const truth = new Map<number, number>();
	for (const p of everyone) {
		const c = view === 'total' ? '' : categoryOf(p);
		const i = index(p.year, p.organisation, categories.includes(c) ? c : UNSEEN);
		truth.set(i, (truth.get(i) ?? 0) + 1);
	}
	const highs = await (await import('highs')).default();
	const terms = (cells: number[]) => cells.map((i) => `x${i}`).reduce((lines, x, j) => (j % 8 ? `${lines} + ${x}` : `${lines}${j ? '\n +' : ''} ${x}`), '');
	const constraints = equations.map((e, r) => ` r${r}: ${terms(e.cells)} = ${e.n}`).join('\n');
	const largest: { cell: number; n: number; max: number }[] = [];
	for (const [cell, n] of truth) {
		if (n >= k) continue;
		const result = highs.solve(`Maximize\n obj: x${cell}\nSubject To\n${constraints}\nEnd\n`);
		expect(result.Status).toMatch(/Optimal|Unbounded/);
		largest.push({ cell, n, max: result.Status === 'Optimal' ? result.ObjectiveValue : Infinity });
	}
	return largest;
}

describe('an attack on build/data/release.json, independent of the audit', () => {
	it.each([
		['total', () => ''],
		['nationality', (p: { nationality: string }) => p.nationality || '~unknown'],
		['disability', (p: { disability: string }) => p.disability || '~unknown']
	] as const)('no %s count of 1..k−1 people can be worked out below k', async (view, categoryOf) => {
		const results = await attack(view, categoryOf as never);
		const pinned = results.filter((r) => r.max < k - 1e-6);
		expect(pinned).toEqual([]);
		// It attacked something: the sample has small counts in every view but the totals.
		if (view !== 'total') expect(results.length).toBeGreaterThan(0);
	}, 120_000);
});
