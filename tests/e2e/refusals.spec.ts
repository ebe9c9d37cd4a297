/**
 * Right refusals and right counts on /upload (#24), in Chromium with the page's workers: a file
 * with no header is refused in the page's language without its values, a ragged export read in
 * parts counts each row once, and a register's date and "Cancelled" columns are not identifiers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, openPage, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

async function drop(page: Page, name: string, text: string) {
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ name, buffer: Buffer.from(text), mimeType: 'text/csv' }]);
	await page.waitForSelector('[data-testid="ingest-summary"], [data-testid="upload-error"]', { timeout: 60_000 });
	await waitReady(page);
}

const summary = async (page: Page) => {
	const el = page.locator('[data-testid="ingest-summary"]');
	return [await el.getAttribute('data-rows-read'), await el.getAttribute('data-rows-loaded'), await el.getAttribute('data-rows-rejected')].map(Number);
};

describe('/upload/: right refusals and right counts', () => {
	it('refuses a file with no header row in Russian, listing none of its cells and offering none as a column', async () => {
		const { page } = await openPage(browser, '/ru/upload/');
		await waitReady(page);
		await drop(page, 'без заголовка.csv', 'Регистр клиентов\n\nP-0001,2024-02-11,Aigul,Osmonova,F,34,KG\nP-0002,2024-02-12,Bakyt,Asanov,M,40,KG\n');
		expect(await page.locator('[data-testid="file-error"]').innerText()).toBe('без заголовка.csv: первая строка похожа на данные: добавьте строку заголовка');
		expect(await page.locator('[data-testid="column-mapper"]').count()).toBe(0);
		expect(await page.locator('main').innerText()).not.toMatch(/Aigul|Osmonova|P-0001|2024-02-11|Bakyt/);
		await page.close();
	});

	it('counts each row of a ragged export once, read in parts by the workers (over 4 MB)', async () => {
		const rows = ['case_id,registration_date,sex,nationality,age'];
		let short = 0;
		let long = 0;
		for (let i = 0; i < 160_000; i++) {
			const fields = [`P${i}`, '2024-03-15', i % 2 ? 'F' : 'M', 'KG', String(20 + (i % 40))];
			if (i % 1000 === 7) (rows.push(fields.slice(0, 3).join(',')), short++);
			else if (i % 1500 === 11) (rows.push([...fields, 'x', 'y'].join(',')), long++);
			else rows.push(fields.join(','));
		}
		const text = rows.join('\n') + '\n';
		expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, 'ragged.csv', text);
		expect(await summary(page)).toEqual([160_000, 160_000 - short - long, short + long]);
		const rejected = await page.locator('[data-testid="problems"] tr[data-rejected="true"]').evaluateAll((tr) => tr.map((r) => Number(r.getAttribute('data-rows'))));
		expect(rejected.sort((a, b) => a - b)).toEqual([long, short].sort((a, b) => a - b));
		await page.close();
	});

	it('loads a register with a closing date, a Cancelled flag and country_name, refusing nothing', async () => {
		const rows = ['case_id,registration_date,closed_on,Cancelled,country_name,sex'];
		for (let i = 0; i < 40; i++) rows.push(`P${i},2024-0${(i % 9) + 1}-1${i % 10},2024-11-${String((i % 28) + 1).padStart(2, '0')},${i % 2},${i % 3 ? 'Kyrgyzstan' : 'Uzbekistan'},F`);
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, 'register.csv', rows.join('\n') + '\n');
		expect(await summary(page)).toEqual([40, 40, 0]);
		expect(await page.locator('[data-testid="refused-columns"]').count()).toBe(0);
		expect(await page.locator('[data-chart="nationalities"] td').allTextContents()).toContain('Kyrgyzstan');
		await page.close();
	});
});
