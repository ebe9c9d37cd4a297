/**
 * The region and beneficiary group views the release publishes (#22, item 4), read as the pages
 * read them: the sample released in Node, its figures against a naive count of data/ (PapaParse and
 * a Map of ids: tests/e2e/oracle.ts); the exact table of /upload, where groups are scope cells; and
 * an organisation in one year, whose level publishes its number of people only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/server/engine-node';
import { loadExports } from '$lib/ingest/load-export';
import { countTables, release } from '$lib/release';
import { computeIndicators, loadCounts, type Indicators } from '$lib/indicators';
import { dashboardCharts } from '$lib/charts/dashboard';
import { chartOptions } from '$lib/charts/labels';
import { loadMessages } from '$lib/i18n/messages';
import { UPLOAD_SCOPE } from '$lib/upload/analyse';
import type { Engine } from '$lib/db/engine';
import type { PersonRow } from '$lib/types';
import { people, type OraclePerson } from './e2e/oracle';

const K = 10;
let published: Engine;
let exact: Engine;
let byGroup: Engine;
let oracle: OraclePerson[];

beforeAll(async () => {
	const engine = await createNodeEngine();
	const rows: PersonRow[] = (await loadExports(engine, [{ name: 'sample-export.csv', bytes: new Uint8Array(readFileSync('data/sample-export.csv')) }], { exportDate: '2026-01-15' })).rows;
	const released = await release(rows, { k: K, scope: ['organisation'], periods: [{ from: 2023, to: 2025 }] });
	await engine.close();
	published = await createNodeEngine();
	await loadCounts(published, released.rows, released.otherCountries);
	exact = await createNodeEngine();
	await loadCounts(exact, countTables(rows, UPLOAD_SCOPE));
	// A site whose settings cut the release by group: no group view, the groups are its scope cells.
	const cut = await release(rows, { k: K, scope: ['group'], periods: [] });
	byGroup = await createNodeEngine();
	await loadCounts(byGroup, cut.rows, cut.otherCountries);
	oracle = people();
}, 120_000);
afterAll(async () => {
	await published?.close();
	await exact?.close();
	await byGroup?.close();
});

/** People per value of a field, as the oracle counts them. */
function truth(field: 'region' | 'group', keep: (p: OraclePerson) => boolean = () => true): Map<string, number> {
	const counts = new Map<string, number>();
	for (const p of oracle.filter(keep)) counts.set(p[field], (counts.get(p[field]) ?? 0) + 1);
	return counts;
}
const asMap = (rows: { category: string; n: number }[] | null) => new Map((rows ?? []).map((r) => [r.category, r.n]));
const text = (cell: string | { text: string }) => (typeof cell === 'string' ? cell : cell.text);

describe('the sample released: regions and groups as the pages get them', () => {
	it('computeIndicators(engine, {}) gives every region and group of the whole period exactly (9 regions, 5 groups, 2,863 people)', async () => {
		const all = await computeIndicators(published, {});
		expect(asMap(all.region)).toEqual(truth('region'));
		expect(asMap(all.group)).toEqual(truth('group'));
		expect(asMap(all.region).get('Bishkek')).toBe(851);
		expect(asMap(all.region).get('Osh city')).toBe(349);
		expect(asMap(all.group).get('Survivor of domestic violence')).toBe(1038);
		expect([...asMap(all.region).values()].reduce((s, n) => s + n, 0)).toBe(2863);
	});

	it('a year and the grant period are answered from their own level, exactly', async () => {
		for (const [from, to] of [[2024, 2024], [2023, 2025], [2019, 2019]]) {
			const ind = await computeIndicators(published, { from, to });
			const inRange = (p: OraclePerson) => p.year >= from && p.year <= to;
			expect(asMap(ind.region), `${from}-${to}`).toEqual(truth('region', inRange));
			expect(asMap(ind.group), `${from}-${to}`).toEqual(truth('group', inRange));
		}
	});

	it('each organisation over the whole period: every published region is its true count', async () => {
		for (const organisation of ['Tunuk Foundation', 'Sezim Crisis Centre', "Ak Jol Children's Village"]) {
			const ind = await computeIndicators(published, { organisation });
			const real = truth('region', (p) => p.organisation === organisation);
			for (const r of ind.region ?? []) if (!r.category.startsWith('~')) expect(r.n, `${organisation} ${r.category}`).toBe(real.get(r.category));
			const groups = truth('group', (p) => p.organisation === organisation);
			for (const r of ind.group ?? []) if (!r.category.startsWith('~')) expect(r.n, `${organisation} ${r.category}`).toBe(groups.get(r.category));
		}
	});

	it('the charts’ tables name the regions as Kyrgyzstan does, in English and Russian, largest first', async () => {
		const all = await computeIndicators(published, {});
		const en = dashboardCharts(all, chartOptions({ lang: 'en', k: K }), await loadMessages('en'));
		expect(en.region?.table.columns).toEqual(['Region', 'People']);
		expect(en.region?.table.rows.map((r) => r.map(text))).toEqual([
			['Bishkek city', '851'], ['Chuy', '530'], ['Osh city', '349'], ['Osh region', '290'], ['Jalal-Abad', '243'], ['Issyk-Kul', '208'], ['Naryn', '165'], ['Talas', '118'], ['Batken', '109']
		]);
		expect(en.group?.table.rows.map((r) => r.map(text))).toEqual([
			['Survivor of domestic violence', '1,038'], ['Child without parental care', '584'], ['Trafficking survivor', '555'], ['Labour migrant', '413'], ['Refugee', '273']
		]);
		const ru = dashboardCharts(all, chartOptions({ lang: 'ru', k: K }), await loadMessages('ru'));
		expect(ru.region?.table.rows.slice(0, 4).map((r) => r.map(text))).toEqual([
			['город Бишкек', '851'], ['Чуйская область', '530'], ['город Ош', '349'], ['Ошская область', '290']
		]);
		expect(ru.group?.table.columns).toEqual(['Целевая группа', 'Человек']);
		expect(en.region?.empty).toBeUndefined();
	});
});

describe('an organisation in one year (its level publishes its number of people only)', () => {
	it('gives the total exactly, and says in each breakdown’s place that nothing of it is published there', async () => {
		const ind: Indicators = await computeIndicators(published, { organisation: 'Tunuk Foundation', from: 2024, to: 2024 });
		expect(ind.beneficiaries).toBe(oracle.filter((p) => p.organisation === 'Tunuk Foundation' && p.year === 2024).length);
		expect(ind.beneficiaries).toBe(118);
		const charts = dashboardCharts(ind, chartOptions({ lang: 'en', k: K }), await loadMessages('en'));
		expect(charts.trend.empty).toBeUndefined();
		expect(charts.trend.table.rows.map((r) => r.map(text))).toEqual([['2024', '118']]);
		for (const id of ['disability', 'nationalities', 'sex-age', 'region', 'group'] as const) expect(charts[id]?.empty, id).toBe('unpublished');
	});

	it('says "nothing" where the level publishes no one (no people in the selection)', async () => {
		const ind = await computeIndicators(published, { organisation: 'Nobody', from: 2024, to: 2024 });
		const charts = dashboardCharts(ind, chartOptions({ lang: 'en', k: K }), await loadMessages('en'));
		expect(charts.region?.empty).toBe('nothing');
		expect(charts.trend.empty).toBe('nothing');
	});
});

describe("/upload's exact table (cut by organisation, programme and group)", () => {
	it('reads the groups from its scope cells and the regions from their view, each the true count', async () => {
		const all = await computeIndicators(exact, {}, { groupInScope: true });
		expect(asMap(all.region)).toEqual(truth('region'));
		expect(asMap(all.group)).toEqual(truth('group'));
		const tunuk2024 = await computeIndicators(exact, { organisation: 'Tunuk Foundation', from: 2024, to: 2024 }, { groupInScope: true });
		const keep = (p: OraclePerson) => p.organisation === 'Tunuk Foundation' && p.year === 2024;
		expect(asMap(tunuk2024.region)).toEqual(truth('region', keep));
		expect(asMap(tunuk2024.group)).toEqual(truth('group', keep));
		expect(asMap(tunuk2024.region).get('Talas')).toBe(5); // exact here: staff see the export itself
	});
});

describe('a release cut by beneficiary group (settings scope ["group"])', () => {
	it('reads the groups from the scope cells of its levels, each the true count, for the whole period and for one year', async () => {
		const all = await computeIndicators(byGroup, {}, { groupInScope: true });
		expect(asMap(all.group)).toEqual(truth('group'));
		expect(asMap(all.region)).toEqual(truth('region'));
		const y2024 = await computeIndicators(byGroup, { from: 2024, to: 2024 }, { groupInScope: true });
		expect(asMap(y2024.group)).toEqual(truth('group', (p) => p.year === 2024));
	});
});
