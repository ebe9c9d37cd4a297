/**
 * The site under a base path, as GitHub Pages serves a project's site (/<repository>/): built
 * with BASE_PATH=/impact, served under /impact only, every page works and nothing is asked of the
 * root — the figures, a filter through DuckDB-wasm, a drop on /upload, the report, the language switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildOwnSite, connectBrowser, waitReady } from './harness';
import { peopleBetween, peopleByYear, sourceRecords } from './oracle';

const OUT = '.svelte-kit/base-path-output';
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const failed: string[] = [];

beforeAll(async () => {
	({ server } = await buildOwnSite({ BASE_PATH: '/impact', BUILD_DIR: OUT }, '/impact'));
	browser = await connectBrowser();
}, 300_000);
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function open(path: string): Promise<Page> {
	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	page.on('response', (response) => {
		if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
	});
	page.on('close', () => void context.close().catch(() => {}));
	await page.goto(`${server.url}${path}`);
	await waitReady(page);
	return page;
}

describe('BASE_PATH=/impact', () => {
	const { records } = sourceRecords();
	const byYear = peopleByYear(records);

	it('shows the figures, answers a filter with DuckDB-wasm, and switches language, all under /impact/', async () => {
		const page = await open('/');
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(byYear, 0, 9999)));
		// Two filters away: answered by DuckDB-wasm, its wasm and workers fetched under the base path.
		await page.selectOption('select[name="from"]', '2023');
		await waitReady(page);
		const org = records[0].organisation;
		await page.selectOption('select[name="org"]', org);
		await waitReady(page);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe(String(peopleBetween(peopleByYear(records, org), 2023, 9999)));
		await page.click('a[hreflang="ru"]');
		await waitReady(page);
		expect(new URL(page.url()).pathname).toBe('/impact/ru/');
		expect(await page.getAttribute('html', 'lang')).toBe('ru');
		await page.close();
		expect(failed).toEqual([]);
	});

	it('reads a dropped export on /upload and shows the grant report, under /impact/', async () => {
		const upload = await open('/upload/');
		await upload.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ name: 'known.csv', mimeType: 'text/csv', buffer: readFileSync('tests/fixtures/known.csv') }]);
		await upload.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
		expect(await upload.getAttribute('[data-testid="ingest-summary"]', 'data-rows-read')).toBe('9');
		await upload.close();
		const report = await open('/report/');
		expect(await report.locator('[data-testid="report-table"] tr[data-indicator="beneficiaries"]').getAttribute('data-value')).toBe(String(peopleBetween(byYear, 2023, 2025)));
		await report.close();
		expect(failed).toEqual([]);
	});
});
