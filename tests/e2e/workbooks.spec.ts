/**
 * Workbooks and Parquet dropped on /upload in Chromium, in all three languages: the same figures
 * as in Node (tests/workbooks.spec.ts), problems named by sheet and cell, a sheet picked, a clear
 * message for a damaged workbook; and `/` never downloads the code that reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, downloadBytes, openPage, waitReady } from './harness';
import * as W from '../fixtures/workbooks';

let browser: Browser;
beforeAll(async () => (browser = await connectBrowser()));
afterAll(() => browser?.close());

const TYPES: Record<string, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	xls: 'application/vnd.ms-excel',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	parquet: 'application/vnd.apache.parquet'
};

async function drop(page: Page, name: string, buffer: Buffer) {
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name, buffer, mimeType: TYPES[name.split('.').pop()!] });
	await page.waitForSelector('[data-testid="ingest-summary"], [data-testid="upload-error"]', { timeout: 60_000 });
	await waitReady(page);
}

const summary = async (page: Page) => {
	const el = page.locator('[data-testid="ingest-summary"]');
	return ['data-rows-read', 'data-rows-loaded', 'data-rows-rejected', 'data-people'].map(async (a) => Number(await el.getAttribute(a)));
};
const figures = async (page: Page) => Promise.all(await summary(page));

describe('/upload/ reads workbooks and Parquet', () => {
	it('an Excel workbook of a Russian-locale office: its figures, the rejected date as Регистр!B35, its hidden row said, in the check report too', async () => {
		const { page, offOriginRequests } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, 'регистр.xlsx', W.registerXlsx());
		expect(await figures(page)).toEqual([31, 30, 1, 30]);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe('30');
		expect(await page.getAttribute('[data-kpi="nationalities"]', 'data-value')).toBe('2');
		const rejected = page.locator('[data-testid="problems"] tr[data-field="date"][data-rejected="true"]');
		await expect.poll(() => rejected.innerText()).toContain('Регистр!B35');
		expect(await page.innerText('[data-testid="hidden-rows"]')).toContain('9');
		const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /check report/i }).click()]);
		expect((await downloadBytes(report)).toString('utf8')).toContain('Регистр!B35');
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	});

	// Every format in every language: the three workbooks hold the same 30 people (same ids, same
	// dates, one date rejected in each), the Parquet file 40 others.
	const SAID = {
		'': ['Workbook: sheet «Регистр» read', 'Parquet file'],
		'ru/': ['Книга: прочитан лист «Регистр»', 'Файл Parquet'],
		'ky/': ['Китеп: «Регистр» барагы окулду', 'Parquet файлы']
	};
	it.each(Object.entries(SAID))('/%supload/: .xlsx, .ods, .xls in the 1904 date system and Parquet dropped together', async (lang, [sheetRead, parquetRead]) => {
		const { page } = await openPage(browser, `/${lang}upload/`);
		await waitReady(page);
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [
			{ name: 'регистр.xlsx', buffer: W.registerXlsx(), mimeType: TYPES.xlsx },
			{ name: 'регистр.ods', buffer: W.registerOds(), mimeType: TYPES.ods },
			{ name: 'регистр-1904.xls', buffer: W.register1904Xls(), mimeType: TYPES.xls },
			{ name: 'register.parquet', buffer: readFileSync('tests/fixtures/register.parquet'), mimeType: TYPES.parquet }
		]);
		await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
		await waitReady(page);
		expect(await figures(page)).toEqual([3 * 31 + 41, 3 * 30 + 41, 3, 70]);
		expect(await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).toBe('70');
		const check = await page.innerText('section[aria-labelledby="check-title"]');
		expect(check.split(sheetRead).length - 1).toBe(3);
		expect(check).toContain(parquetRead);
		await page.close();
	}, 120_000);

	it('a workbook with two sheets: the first is read, the other when it is picked', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, 'two-sheets.xlsx', W.twoSheetsXlsx());
		expect(await figures(page)).toEqual([18, 18, 0, 18]);
		await page.selectOption('[data-testid="sheet-choice"]', '2024');
		await expect.poll(async () => (await figures(page))[0], { timeout: 30_000 }).toBe(12);
		await waitReady(page);
		expect(await figures(page)).toEqual([12, 12, 0, 12]);
		expect(await page.inputValue('[data-testid="sheet-choice"]')).toBe('2024');
		await page.close();
	});

	it('a damaged workbook gets a clear message, and a good file dropped next is read', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, 'damaged.xlsx', W.corruptXlsx());
		expect(await page.innerText('[data-testid="file-error"]')).toMatch(/damaged\.xlsx: it looks like a workbook but could not be read.*damaged/);
		await drop(page, 'регистр.xlsx', W.registerXlsx());
		expect(await figures(page)).toEqual([31, 30, 1, 30]);
		await page.close();
	});

	it.each([
		['ru/', 'damaged.xlsx: похоже на книгу, но её не удалось прочитать', /отчёт о проверке/i],
		['ky/', 'damaged.xlsx: китепке окшойт, бирок аны окуу мүмкүн болгон жок', /Текшерүү отчетун/i]
	])('/%supload/: a damaged workbook is said in the page’s language, on the page and in the check report', async (lang, said, button) => {
		const { page } = await openPage(browser, `/${lang}upload/`);
		await waitReady(page);
		await drop(page, 'damaged.xlsx', W.corruptXlsx());
		expect(await page.innerText('[data-testid="file-error"]')).toContain(said);
		const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
		expect((await downloadBytes(report)).toString('utf8')).toContain(said);
		await page.close();
	});

	it('/ never downloads the code that reads workbooks or Parquet, even once the filters start', async () => {
		const { page, requests } = await openPage(browser, '/');
		await waitReady(page);
		await page.selectOption('select[name="from"]', '2021');
		await waitReady(page);
		const scripts = requests().filter((u) => u.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(3);
		const bodies = await Promise.all(scripts.map((u) => fetch(u).then((r) => r.text())));
		// SheetJS and hyparquet name themselves in their code.
		expect(bodies.filter((b) => b.includes('SheetJS') || b.includes('parquetMetadata') || b.includes('PAR1'))).toEqual([]);
		await page.close();
	});
});
