/**
 * An export in the CTDC data standard dropped on /upload (tests/fixtures/ctdc.csv: its groups and
 * figures are listed in tests/ctdc.spec.ts): every column recognised, -99 and 0 read as unknown
 * without a problem line, and its type of exploitation as one more chart, table and released view.
 * The sample (no such column) has no such chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, downloadBytes, openPage, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

const buffer = readFileSync('tests/fixtures/ctdc.csv');

async function dropCtdc(path: string): Promise<Page> {
	const { page } = await openPage(browser, path);
	await waitReady(page);
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ name: 'ctdc.csv', buffer, mimeType: 'text/csv' }]);
	await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
	await waitReady(page);
	return page;
}

/** A chart's table as text, hidden or not (asked before the report, which has its own charts, is shown). */
const chartTable = (page: Page, id: string) =>
	page.locator(`[data-chart="${id}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((td) => td.textContent)));

describe('a CTDC-standard export on /upload/', () => {
	it('gives its known figures, its sex × age chart from ageBroad and majorityStatus, and its type of exploitation chart and table', async () => {
		const page = await dropCtdc('/upload/');
		const summary = page.locator('[data-testid="ingest-summary"]');
		expect(await Promise.all(['data-rows-read', 'data-rows-loaded', 'data-rows-rejected', 'data-people'].map((a) => summary.getAttribute(a)))).toEqual(['79', '78', '1', '78']);
		// The only problem is the row without a year; "-99" and "0" are unknown, silently.
		expect(await page.locator('[data-testid="problems"] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-field'), r.getAttribute('data-rows')]))).toEqual([['year', '1']]);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe('78');
		expect(await page.getAttribute('[data-kpi="nationalities"]', 'data-value')).toBe('4');
		expect(await chartTable(page, 'sex-age')).toEqual([
			['Children', 'Women and girls', '30'],
			['18–59', 'Men and boys', '21'],
			['Other adults', 'Women and girls', '12'],
			['Other adults', 'Unknown', '<10'],
			['Unknown', 'Women and girls', '10']
		]);
		expect(await page.locator('[data-chart="exploitation"] figcaption').innerText()).toBe('People by type of exploitation or case type');
		expect(await chartTable(page, 'exploitation')).toEqual([
			['Sexual exploitation', '24'], ['Forced labour', '21'], ['Forced begging', '<10'], ['Forced marriage', '<10'], ['Several types', '12'], ['Unknown', '10']
		]);
		expect(await page.locator('[data-chart="exploitation"] svg').getAttribute('aria-description')).toContain('Several types: 12');

		// The release: the type of exploitation folded, withheld and audited like the other views.
		await page.waitForSelector('[data-testid="download-release"]', { timeout: 60_000 });
		expect(await page.locator('[data-testid="release-loss"]').innerText()).toContain('Type of exploitation');
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-release"]').click()]);
		const doc = JSON.parse((await downloadBytes(download)).toString('utf8')) as {
			rows: { view: string; year: string; organisation: string; category: string; n: number }[];
			audit: { view: string; violations: unknown[] }[];
		};
		const top = doc.rows.filter((r) => r.view === 'exploitation' && r.year === '~all' && r.organisation === '~all').map((r) => [r.category, r.n]);
		expect(top).toEqual([['labour', 21], ['sexual', 24], ['~other', 11], ['~several', 12], ['~unknown', 10]]);
		expect(doc.audit.find((a) => a.view === 'exploitation')).toMatchObject({ violations: [] });
		expect(doc.rows.every((r) => r.n >= 10)).toBe(true);

		// The grant report of this export has the chart too, with the same table.
		await page.locator('[data-testid="report-on-this"]').click();
		await page.waitForSelector('[data-testid="report-table"]');
		const report = page.locator('.report-charts [data-chart="exploitation"] tbody tr');
		expect(await report.evaluateAll((rows) => rows.map((r) => [...r.children].map((td) => td.textContent)))).toEqual([
			['Sexual exploitation', '24'], ['Forced labour', '21'], ['Forced begging', '<10'], ['Forced marriage', '<10'], ['Several types', '12'], ['Unknown', '10']
		]);
		await page.close();
	});

	it('names the types in Russian on /ru/upload/', async () => {
		const page = await dropCtdc('/ru/upload/');
		expect(await page.locator('[data-chart="exploitation"] figcaption').innerText()).toBe('Люди по виду эксплуатации или типу случая');
		expect(await chartTable(page, 'exploitation')).toEqual([
			['Сексуальная эксплуатация', '24'], ['Принудительный труд', '21'], ['Принудительное попрошайничество', '<10'], ['Принудительный брак', '<10'], ['Несколько видов', '12'], ['Не указано', '10']
		]);
		await page.close();
	});
});

describe('the sample, which has no type of exploitation', () => {
	it('has no such chart on / and /report/, and /methodology says how a person with several types is counted, in three languages', async () => {
		for (const path of ['/', '/report/']) {
			const { page } = await openPage(browser, path);
			await waitReady(page);
			expect(await page.locator('[data-chart]').evaluateAll((c) => c.map((x) => x.getAttribute('data-chart')))).toEqual(['trend', 'disability', 'nationalities', 'sex-age']);
			await page.close();
		}
		const said = { '/methodology/': 'Several types', '/ru/methodology/': 'Несколько видов', '/ky/methodology/': 'Бир нече түрү' };
		for (const [path, words] of Object.entries(said)) {
			const { page } = await openPage(browser, path);
			expect(await page.locator('[data-testid="def-exploitation"]').innerText()).toContain(words);
			await page.close();
		}
	});
});
