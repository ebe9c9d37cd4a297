/** /upload/ says first, in words, when no column holds a person's id: every row then counts as a person. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, openPage, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

async function drop(page: Page, csv: string) {
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
	await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
	await waitReady(page);
}

const rows = Array.from({ length: 12 }, (_, i) => `2024-0${1 + (i % 9)}-1${i % 9},${i % 2 ? 'F' : 'M'}`);

describe('/upload/: an export without a person id', () => {
	it('says that each row is counted as a person, never "No problems found"; and nothing of the kind once the export has one', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await drop(page, ['registration_date,sex', ...rows].join('\n') + '\n');
		expect(await page.locator('[data-testid="no-person-id"]').innerText()).toContain('each row is counted as one person');
		expect(await page.locator('text=No problems found').count()).toBe(0);
		await drop(page, ['case_id,registration_date,sex', ...rows.map((r, i) => `P${i},${r}`)].join('\n') + '\n');
		await page.waitForFunction(() => !document.querySelector('[data-testid="no-person-id"]'));
		expect(await page.locator('text=No problems found').count()).toBe(1);
		await page.close();
	});

	it('says it in Russian on /ru/upload/', async () => {
		const { page } = await openPage(browser, '/ru/upload/');
		await waitReady(page);
		await drop(page, ['Дата регистрации,Пол', ...rows].join('\n') + '\n');
		expect(await page.locator('[data-testid="no-person-id"]').innerText()).toContain('каждая строка считается одним человеком');
		await page.close();
	});
});
