/** The grant report in Chromium: exact figures for a known period and organisation, print, PNG. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Papa from 'papaparse';
import { connectBrowser, downloadBytes, openPage, runAxe, waitReady } from './harness';
import { peopleBetween, peopleByYear, sourceRecords } from './oracle';

const { records } = sourceRecords();
let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

describe('/report/', () => {
	it('shows the exact figures for a grant period and an organisation, with the previous period', async () => {
		const org = 'Tunuk Foundation';
		const byYear = peopleByYear(records, org);
		const { page, offOriginRequests, requests } = await openPage(browser, `/report/?period=grant-2023-2025&org=${encodeURIComponent(org)}`);
		await waitReady(page);
		const row = page.locator('[data-testid="report-table"] tr[data-indicator="beneficiaries"]');
		expect(await row.getAttribute('data-value')).toBe(String(peopleBetween(byYear, 2023, 2025)));
		expect(await row.getAttribute('data-previous')).toBe(String(peopleBetween(byYear, 2020, 2022)));
		const ids = await page.locator('[data-testid="report-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-indicator')));
		expect(ids).toEqual(['beneficiaries', 'women-girls', 'children', 'disability-share', 'disability-unknown', 'nationalities', 'foreign', 'stateless']);
		const sentences = await page.locator('[data-testid="sentence"]').allTextContents();
		expect(sentences[0]).toContain(`From 2023 to 2025 ${org} served ${peopleBetween(byYear, 2023, 2025).toLocaleString('en')} people`);
		expect(sentences).toHaveLength(3);
		// One choice away from the prerendered report: answered from the prepared reports, no engine.
		expect(requests().some((u) => u.endsWith('/data/report-views.json'))).toBe(true);
		expect(requests().some((u) => u.endsWith('.wasm'))).toBe(false);
		// A second choice is not prepared: DuckDB-wasm computes it, to the same exact figures.
		await page.selectOption('select[name="from"]', '2024');
		await waitReady(page);
		expect(await row.getAttribute('data-value')).toBe(String(peopleBetween(byYear, 2024, 2025)));
		expect(requests().some((u) => u.endsWith('.wasm'))).toBe(true);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});

	it('prints to at most 3 A4 pages holding the figures and sentences, without the controls', async () => {
		const { page } = await openPage(browser, '/report/');
		await waitReady(page);
		await page.emulateMedia({ media: 'print' });
		const total = await page.getAttribute('tr[data-indicator="beneficiaries"]', 'data-value');
		expect(await page.locator('[data-testid="report-table"]').isVisible()).toBe(true);
		expect(await page.locator('[data-testid="sentence"]').first().isVisible()).toBe(true);
		expect(await page.locator('header.site').isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: /print/i }).isVisible()).toBe(false);
		expect(await page.locator('tr[data-indicator="beneficiaries"]').innerText()).toContain(Number(total).toLocaleString('en'));
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(3);
		await page.close();
	});

	it('is prerendered in Russian with Russian sentences, and downloads a chart as a valid PNG and the table for a Russian Excel', async () => {
		const { page } = await openPage(browser, '/ru/report/');
		await waitReady(page);
		const first = await page.locator('[data-testid="sentence"]').first().textContent();
		expect(first).toMatch(/^В 2023–2025 годах помощь организаций получили [\d\u00a0]+ человек/);
		const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart="trend"]').getByRole('button', { name: /PNG/ }).click()]);
		const bytes = await downloadBytes(png);
		expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		// At least 2× the chart's CSS size: print resolution.
		const width = bytes.readUInt32BE(16);
		const css = await page.locator('[data-chart="trend"] svg').first().evaluate((svg) => svg.getBoundingClientRect().width);
		expect(width).toBeGreaterThanOrEqual(Math.floor(css * 2));
		// The table as CSV for Excel in a Russian locale: a BOM, ";" between cells, "," in decimals.
		const [table] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать таблицу (CSV)' }).click()]);
		const csv = await downloadBytes(table);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const { data: rows } = Papa.parse<string[]>(csv.subarray(3).toString('utf8'), { delimiter: ';' });
		const total = (id: string) => rows.find((r) => r[1] === id)!.at(-3);
		expect(total('beneficiaries')).toBe(await page.getAttribute('tr[data-indicator="beneficiaries"]', 'data-value'));
		expect(total('disability-share')).toBe((await page.getAttribute('tr[data-indicator="disability-share"]', 'data-value'))!.replace('.', ','));
		expect(rows.find((r) => r[1] === 'beneficiaries')![0]).toMatch(/[а-я]/);
		expect(await runAxe(page)).toEqual([]);
		await page.close();
	});
});
