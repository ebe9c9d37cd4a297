/** The published dashboard in Chromium: prerendered figures, filters through DuckDB-wasm, privacy, a11y. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { connectBrowser, downloadBytes, openPage, runAxe, waitReady } from './harness';
import { peopleBetween, peopleByYear, sourceRecords } from './oracle';
import { BUILD_DIR } from './global-setup';

const settings = JSON.parse(readFileSync('data/settings.json', 'utf8')) as {
	k: number;
	defaultPeriod: { from: number; to: number };
};
const { records } = sourceRecords();
const byYear = peopleByYear(records);
const { from, to } = settings.defaultPeriod;

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

const kpi = (html: string, id: string) => new RegExp(`data-kpi="${id}"[^>]*data-value="([^"]*)"`).exec(html)?.[1];

describe('prerendered /', () => {
	it('has the headline figures and default charts in the HTML, before any script runs', async () => {
		const html = await (await fetch(`${inject('baseURL')}/`)).text();
		expect(kpi(html, 'beneficiaries')).toBe(String(peopleBetween(byYear, from, to)));
		expect(kpi(html, 'years')).toBe(String([...byYear.keys()].filter((y) => y >= from && y <= to).length));
		// The other figures come from the published release, summed here without SQL.
		// The default period is the whole period: its level, all organisations together.
		const release = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8')) as { rows: { view: string; year: string; organisation: string; category: string; n: number }[] };
		const inPeriod = release.rows.filter((r) => r.year === '~all' && r.organisation === '~all');
		const countries = new Set(inPeriod.filter((r) => r.view === 'nationality' && /^[A-Z]{2}$/.test(r.category)).map((r) => r.category));
		expect(kpi(html, 'nationalities')).toBe(String(countries.size));
		expect(countries.size).toBe(9);
		const sum = (category: string) => inPeriod.filter((r) => r.view === 'disability' && r.category === category).reduce((s, r) => s + r.n, 0);
		expect(kpi(html, 'disability-share')).toBe((sum('yes') / (sum('yes') + sum('no'))).toFixed(4));
		for (const chart of ['trend', 'disability', 'nationalities', 'sex-age', 'region', 'group'])
			expect(html).toMatch(new RegExp(`data-chart="${chart}"[\\s\\S]*?<svg`));
		expect(html).toContain('<main id="content" data-state="ready"');
		// The SVGs are in the HTML once: not again in the data the page hydrates from.
		expect(html.slice(html.indexOf('__sveltekit'))).not.toMatch(/svg/i);
	});

	it('is prerendered in Russian and Kyrgyz, with Kyrgyzstan named «Кыргызстан»', async () => {
		const ru = await (await fetch(`${inject('baseURL')}/ru/`)).text();
		expect(ru).toContain('<html lang="ru"');
		expect(ru).toContain('Кыргызстан');
		expect(ru).not.toContain('Киргизия');
		const ky = await (await fetch(`${inject('baseURL')}/ky/`)).text();
		expect(ky).toContain('<html lang="ky"');
		expect(kpi(ru, 'beneficiaries')).toBe(kpi(ky, 'beneficiaries'));
	});
});

describe('/ in Chromium', () => {
	it('answers a first change from the prepared views, puts the filter in the URL, and starts DuckDB-wasm for what follows', async () => {
		const { page, offOriginRequests, requests } = await openPage(browser, '/');
		await waitReady(page);
		expect(requests().some((u) => u.endsWith('.wasm') || u.endsWith('/data/views.json'))).toBe(false); // looking costs neither
		expect(await page.locator('[data-chart] svg[aria-description]').count()).toBe(6); // the prerendered charts survive hydration
		// The page is painted before the app's code is even requested (defer-hydration.ts).
		const [painted, firstModule] = await page.evaluate(() => [
			performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
			Math.min(...performance.getEntriesByType('resource').filter((e) => e.name.includes('/_app/immutable/')).map((e) => e.startTime))
		]);
		expect(painted).toBeGreaterThan(0);
		expect(firstModule).toBeGreaterThan(painted);
		await page.selectOption('select[name="from"]', '2023');
		// Read in the very frame <main> turns ready: the charts must already show the new period.
		const years = await page
			.waitForFunction(() => {
				if (document.querySelector('main')?.getAttribute('data-state') !== 'ready') return null;
				return [...document.querySelectorAll('[data-chart="trend"] g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
			})
			.then((handle) => handle.jsonValue());
		expect(years).toEqual(Array.from({ length: to - 2023 + 1 }, (_, i) => String(2023 + i)));
		const value = await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value');
		expect(value).toBe(String(peopleBetween(byYear, 2023, to)));
		// The URL follows once the new figures are painted.
		await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2023');
		expect(requests().some((u) => u.endsWith('/data/views.json'))).toBe(true);
		// Two filters away from the default: not prepared, so DuckDB-wasm computes it.
		const org = records[0].organisation;
		await page.selectOption('select[name="org"]', org);
		await waitReady(page);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(peopleByYear(records, org), 2023, to)));
		expect(requests().some((u) => u.endsWith('.wasm'))).toBe(true);
		// The audit's solver is for /upload only.
		expect(requests().some((u) => /highs/.test(u))).toBe(false);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});

	it('still answers a first change when DuckDB-wasm cannot load, and says so clearly when a change needs it', async () => {
		const { page } = await openPage(browser, '/');
		await waitReady(page);
		await page.route('**/*.wasm', (route) => route.abort());
		await page.selectOption('select[name="to"]', '2022');
		await waitReady(page);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(byYear, from, 2022)));
		await page.selectOption('select[name="from"]', '2020');
		// At once, not after the 30 s start timeout: the engine's file is checked alongside.
		await page.waitForSelector('main[data-state="error"]', { timeout: 5_000 });
		expect(await page.locator('[role="status"]').innerText()).toMatch(/The figures could not be updated: The database engine \(duckdb-[^)]+\.wasm\) could not be downloaded/);
		await page.close();
	});

	it('starts DuckDB when the pointer reaches the filters, before anything is chosen', async () => {
		const { page, requests } = await openPage(browser, '/');
		await waitReady(page);
		await page.mouse.move(0, 0);
		await page.waitForTimeout(300);
		expect(requests().some((u) => u.endsWith('.wasm'))).toBe(false);
		await page.hover('select[name="to"]');
		await expect.poll(() => ['.wasm', '/data/release.json'].every((end) => requests().some((u) => u.endsWith(end))), { timeout: 10_000 }).toBe(true);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(byYear, from, to)));
		await page.close();
	});

	it('opens a shared link with filters and shows the figures for it', async () => {
		const org = records[0].organisation;
		const orgByYear = peopleByYear(records, org);
		const url = `/?from=2021&to=2024&org=${encodeURIComponent(org)}`;
		const { page, offOriginRequests } = await openPage(browser, url);
		await waitReady(page);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(orgByYear, 2021, 2024)));
		expect(await page.inputValue('select[name="org"]')).toBe(org);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});

	it('opens a shared link to a view one change away from the prepared views, without downloading DuckDB', async () => {
		const { page, requests } = await openPage(browser, '/?from=2022');
		await waitReady(page);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(byYear, 2022, to)));
		await page.waitForTimeout(500);
		expect(requests().some((u) => u.endsWith('/data/views.json'))).toBe(true);
		expect(requests().some((u) => u.endsWith('.wasm'))).toBe(false);
		await page.close();
	});

	it('downloads a chart as SVG and PNG', async () => {
		const { page } = await openPage(browser, '/');
		await waitReady(page);
		const figure = page.locator('[data-chart="trend"]');
		const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /SVG/ }).click()]);
		const svgText = (await downloadBytes(svg)).toString('utf8');
		expect(svgText).toMatch(/^<svg[\s\S]*<\/svg>$/);
		const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /PNG/ }).click()]);
		const bytes = await downloadBytes(png);
		expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		await page.close();
	});

	it('never shows a count from 1 to k−1 across random filter combinations', async () => {
		const { page } = await openPage(browser, '/');
		await waitReady(page);
		const years = [...byYear.keys()].sort();
		const orgs = await page.locator('select[name="org"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		let seed = 7;
		const pick = <T,>(xs: T[]) => xs[(seed = (seed * 16807) % 2147483647) % xs.length];
		for (let i = 0; i < 12; i++) {
			const a = pick(years), b = pick(years);
			await page.selectOption('select[name="org"]', pick(orgs));
			await page.selectOption('select[name="from"]', String(Math.min(a, b)));
			await page.selectOption('select[name="to"]', String(Math.max(a, b)));
			await waitReady(page);
			const shown = await page.locator('main [data-kpi], main figure table td').allInnerTexts();
			for (const text of shown) {
				const plain = text.replace(/[\s\u202f\u00a0]/g, '');
				if (/^\d+$/.test(plain)) expect(Number(plain) === 0 || Number(plain) >= settings.k).toBe(true);
			}
			const values = await page.locator('[data-kpi="beneficiaries"]').getAttribute('data-value');
			if (values) expect(Number(values) === 0 || Number(values) >= settings.k).toBe(true);
		}
		await page.close();
	});

	it('works from the keyboard: skip link first, a filter changed with the arrow keys', async () => {
		const { page } = await openPage(browser, '/');
		await waitReady(page);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
		await page.focus('select[name="from"]');
		await page.keyboard.press('ArrowDown');
		await waitReady(page);
		await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2020');
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(byYear, 2020, to)));
		await page.close();
	});

	it("writes numbers and country names in Kyrgyz on /ky/, although Chromium's Intl has no Kyrgyz", async () => {
		const { page } = await openPage(browser, '/ky/');
		await waitReady(page);
		expect(await page.evaluate(() => Intl.NumberFormat.supportedLocalesOf(['ky']))).toEqual([]); // the case this guards
		await page.selectOption('select[name="from"]', '2020');
		await waitReady(page);
		const n = peopleBetween(byYear, 2020, to);
		expect(await page.locator('[data-kpi="beneficiaries"] .figure').innerText()).toBe(new Intl.NumberFormat('ky').format(n));
		const names = await page.locator('[data-chart="nationalities"] svg').textContent();
		expect(names).toContain('Кыргызстан');
		expect(names).toContain('Өзбекстан');
		expect(names).not.toMatch(/Kyrgyzstan|Uzbekistan/);
		await page.close();
	});

	it('keeps the filters when switching language', async () => {
		const { page } = await openPage(browser, '/?from=2022');
		await waitReady(page);
		await page.getByRole('link', { name: 'Русский' }).click();
		await page.waitForURL(/\/ru\/\?from=2022/);
		await waitReady(page);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(byYear, 2022, to)));
		expect(await page.locator('h1').textContent()).toMatch(/Панель результатов/);
		await page.close();
	});

	it('has no serious or critical accessibility violation on / and /ru/', async () => {
		for (const path of ['/', '/ru/']) {
			const { page } = await openPage(browser, path);
			await waitReady(page);
			expect(await runAxe(page)).toEqual([]);
			await page.close();
		}
	});
});
