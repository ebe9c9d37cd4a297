/** /upload/ says first, in words, when no column holds a person's id: every row then counts as a person. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, openPage, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

async function checkReport(lang: string, csv: string) {
	const { page } = await openPage(browser, `${lang}/upload/`);
	await waitReady(page);
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
	await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
	await waitReady(page);
	return page;
}

describe('/upload/: an export without a person id', () => {
	it('says that each row is counted as a person, and never "No problems found"', async () => {
		const rows = Array.from({ length: 12 }, (_, i) => `2024-0${1 + (i % 9)}-1${i % 9},${i % 2 ? 'F' : 'M'},KG`);
		const page = await checkReport('', ['registration_date,sex,nationality', ...rows].join('\n') + '\n');
		expect(await page.locator('[data-testid="no-person-id"]').innerText()).toContain('each row is counted as one person');
		expect(await page.locator('text=No problems found').count()).toBe(0);
		await page.close();
		const ru = await checkReport('/ru', ['Дата регистрации,Пол', ...rows.map((r) => r.split(',').slice(0, 2).join(','))].join('\n') + '\n');
		expect(await ru.locator('[data-testid="no-person-id"]').innerText()).toContain('каждая строка считается одним человеком');
		await ru.close();
	});

	it('says nothing of the kind when the export has one (case_id), or counts (a table of people already counted)', async () => {
		const withId = await checkReport('', 'case_id,registration_date,sex\nP1,2024-01-10,F\nP2,2024-02-11,M\n');
		expect(await withId.locator('[data-testid="no-person-id"]').count()).toBe(0);
		await withId.close();
		const counted = await checkReport('', 'year,sex,count\n2024,F,12\n2024,M,9\n');
		expect(await counted.locator('[data-testid="no-person-id"]').count()).toBe(0);
		await counted.close();
	});
});
