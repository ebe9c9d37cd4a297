/**
 * The region and beneficiary group charts on the built site (#22, item 4): their tables on `/`,
 * `/report/` and `/upload/` (the dashboard of a dropped file and its grant report) against a naive
 * count of data/ (tests/e2e/oracle.ts), in English and Russian; and an organisation in one year,
 * whose level publishes its number of people only, saying so in each breakdown's place.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { connectBrowser, openPage, runAxe, waitReady } from './harness';
import { people, type OraclePerson } from './oracle';

const K = (JSON.parse(readFileSync('data/settings.json', 'utf8')) as { k: number }).k;

/** The sample's regions as each language names them (a label → the value the export writes). */
const REGION_LABELS: Record<'en' | 'ru', Record<string, string>> = {
	en: { 'Bishkek city': 'Bishkek', Chuy: 'Chuy', 'Osh city': 'Osh city', 'Osh region': 'Osh', 'Jalal-Abad': 'Jalal-Abad', 'Issyk-Kul': 'Issyk-Kul', Naryn: 'Naryn', Talas: 'Talas', Batken: 'Batken' },
	ru: {
		'город Бишкек': 'Bishkek', 'Чуйская область': 'Chuy', 'город Ош': 'Osh city', 'Ошская область': 'Osh', 'Джалал-Абадская область': 'Jalal-Abad',
		'Иссык-Кульская область': 'Issyk-Kul', 'Нарынская область': 'Naryn', 'Таласская область': 'Talas', 'Баткенская область': 'Batken'
	}
};

let browser: Browser;
let oracle: OraclePerson[];
beforeAll(async () => {
	browser = await connectBrowser();
	oracle = people();
});
afterAll(() => browser?.close());

/** People per value of a field among those kept, from the oracle. */
function truth(field: 'region' | 'group', keep: (p: OraclePerson) => boolean): Map<string, number> {
	const counts = new Map<string, number>();
	for (const p of oracle.filter(keep)) counts.set(p[field], (counts.get(p[field]) ?? 0) + 1);
	return counts;
}

/** A chart table's rows as [label, figure text] (hidden or not). */
const tableOf = (chart: Locator) =>
	chart.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim()) as [string, string]));

/** A figure as shown ("1,038", «1 038»), or null for "<k", "≥ N", "—". */
const figure = (text: string) => (/^[\d\s\u00a0\u202f,]+$/.test(text) ? Number(text.replace(/[\s\u00a0\u202f,]/g, '')) : null);

/**
 * Each row of the table: the truth where k allows it (a true count of at least k is shown exactly),
 * "<k" for 1..k−1; withheld / other / unknown rows are not values of the export, so none here.
 */
async function expectTrue(chart: Locator, real: Map<string, number>, valueOf: (label: string) => string | undefined) {
	const rows = await tableOf(chart);
	expect(rows.length).toBe(real.size);
	for (const [label, text] of rows) {
		const value = valueOf(label);
		expect(value, label).toBeDefined();
		const n = real.get(value!)!;
		expect(n, label).toBeGreaterThan(0);
		if (n >= K) expect(figure(text), `${label}: ${text}`).toBe(n);
		else expect(text, label).toBe(`<${K}`);
	}
	// Largest first: the order a ranked chart promises.
	const shown = rows.map(([, text]) => figure(text) ?? 0);
	expect(shown).toEqual([...shown].sort((a, b) => b - a));
}

async function expectRegionsAndGroups(page: Page, scope: string, lang: 'en' | 'ru', keep: (p: OraclePerson) => boolean) {
	await expectTrue(page.locator(`${scope}[data-chart="region"]`), truth('region', keep), (label) => REGION_LABELS[lang][label]);
	// Groups keep the export's own names, in every language.
	await expectTrue(page.locator(`${scope}[data-chart="group"]`), truth('group', keep), (label) => label);
}

describe('/ and /report/: region and group charts from the release', () => {
	for (const lang of ['en', 'ru'] as const) {
		it(`/${lang === 'en' ? '' : 'ru/'}: every region and group of the whole period is its true count, before and after hydration`, async () => {
			const path = lang === 'en' ? '/' : '/ru/';
			const html = await (await fetch(new URL(path, inject('baseURL')).href)).text();
			for (const id of ['region', 'group']) expect(html).toMatch(new RegExp(`data-chart="${id}"[\\s\\S]*?<svg`)); // prerendered: no wasm needed to see them
			const { page, requests } = await openPage(browser, path);
			await waitReady(page);
			await expectRegionsAndGroups(page, '', lang, () => true);
			expect(await page.locator('[data-chart="region"] figcaption').innerText()).toBe(lang === 'en' ? 'People by region' : 'Люди по регионам');
			expect(await page.locator('[data-chart="region"] svg').getAttribute('aria-description')).toContain(lang === 'en' ? 'Bishkek city: 851' : 'город Бишкек: 851');
			expect(requests().some((u) => u.endsWith('.wasm'))).toBe(false);
			if (lang === 'en') expect(await runAxe(page)).toEqual([]);
			await page.close();
		});
	}

	it('/report/ (grant 2023–2025) and /ru/report/ chart regions and groups of the period', async () => {
		for (const lang of ['en', 'ru'] as const) {
			const { page } = await openPage(browser, lang === 'en' ? '/report/' : '/ru/report/');
			await waitReady(page);
			await expectRegionsAndGroups(page, '.report-charts ', lang, (p) => p.year >= 2023 && p.year <= 2025);
			await page.close();
		}
	});
});

describe('an organisation in one year: its level publishes its number of people only', () => {
	it('shows its total and trend, and says in each breakdown’s place why nothing is shown (en, ru, ky); no empty chart', async () => {
		const org = 'Tunuk Foundation';
		const real = oracle.filter((p) => p.organisation === org && p.year === 2024).length;
		const said = {
			'': 'Not published at this level',
			'ru/': 'На этом уровне не публикуется',
			'ky/': 'Бул деңгээлде жарыяланбайт'
		};
		for (const [lang, words] of Object.entries(said)) {
			const { page } = await openPage(browser, `/${lang}?org=${encodeURIComponent(org)}&from=2024&to=2024`);
			await waitReady(page);
			expect(await page.locator('[data-kpi="beneficiaries"]').getAttribute('data-value')).toBe(String(real));
			expect((await tableOf(page.locator('[data-chart="trend"]'))).map(([year, n]) => [year, figure(n)])).toEqual([['2024', real]]);
			for (const id of ['disability', 'nationalities', 'sex-age', 'region', 'group']) {
				const chart = page.locator(`[data-chart="${id}"]`);
				expect(await chart.getAttribute('data-empty'), id).toBe('unpublished');
				expect(await chart.innerText(), id).toContain(words);
				expect(await chart.locator('svg, table').count(), id).toBe(0);
			}
			// No chart box is left empty: each has a drawing with a table of figures, or says why not.
			for (const chart of await page.locator('[data-chart]').all())
				if ((await chart.getAttribute('data-empty')) === null) expect((await tableOf(chart)).length).toBeGreaterThan(0);
			if (!lang) expect(await runAxe(page)).toEqual([]);
			await page.close();
		}
		// Its grant report for that year says the same in the charts' place.
		const { page } = await openPage(browser, `/report/?org=${encodeURIComponent(org)}&from=2024&to=2024`);
		await waitReady(page);
		expect(await page.locator('[data-testid="report-table"] tr[data-indicator="beneficiaries"]').getAttribute('data-value')).toBe(String(real));
		for (const id of ['nationalities', 'sex-age', 'region', 'group']) {
			expect(await page.locator(`.report-charts [data-chart="${id}"]`).getAttribute('data-empty'), id).toBe('unpublished');
		}
		await page.close();
	});

	it('the same organisation over the whole period shows its published regions and groups, each true, from the prepared views (no wasm)', async () => {
		const org = 'Tunuk Foundation';
		const { page, requests } = await openPage(browser, `/?org=${encodeURIComponent(org)}`);
		await waitReady(page);
		expect(requests().some((u) => u.endsWith('.wasm'))).toBe(false); // one change away: answered from the prepared views
		const keep = (p: OraclePerson) => p.organisation === org;
		for (const [id, real, valueOf] of [
			['region', truth('region', keep), (l: string) => REGION_LABELS.en[l]],
			['group', truth('group', keep), (l: string) => l]
		] as const) {
			const rows = await tableOf(page.locator(`[data-chart="${id}"]`));
			expect(rows.length, id).toBeGreaterThan(0);
			for (const [label, text] of rows) {
				if (['Withheld', 'Other regions', 'Other groups', 'Unknown'].includes(label)) continue;
				expect(figure(text), `${id} ${label}`).toBe(real.get(valueOf(label)!));
			}
			// "Withheld" and "Other" last, when there.
			const labels = rows.map(([label]) => label);
			const firstTail = labels.findIndex((l) => ['Other regions', 'Other groups', 'Unknown', 'Withheld'].includes(l));
			if (firstTail >= 0) expect(labels.slice(firstTail).every((l) => ['Other regions', 'Other groups', 'Unknown', 'Withheld'].includes(l))).toBe(true);
		}
		await page.close();
	});
});

describe('/upload/ after a drop of the sample', () => {
	it('charts regions and groups of the dropped export, and its grant report does too, each the true count', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: 'sample-export.csv', mimeType: 'text/csv', buffer: readFileSync('data/sample-export.csv') });
		await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
		await waitReady(page);
		await expectRegionsAndGroups(page, '', 'en', () => true);
		await page.locator('[data-testid="report-on-this"]').click();
		await page.locator('.report-charts [data-chart="region"]').waitFor();
		await expectRegionsAndGroups(page, '.report-charts ', 'en', () => true);
		await page.close();
	}, 120_000);
});
