/**
 * A header over the wrong column (src/lib/ingest/field-doubts.ts), dropped on /upload: "Sex" over a
 * column of dates is said to be in doubt by its header and the share, never "No problems found";
 * the column whose values are sexes is the candidate, and one click reads the file with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { connectBrowser, openPage, waitReady } from './harness';

let browser: Browser;
beforeAll(async () => (browser = await connectBrowser()));
afterAll(() => browser?.close());

const day = (i: number) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
const csv = ['case_id,registration_date,Sex,Q7,nationality', ...Array.from({ length: 30 }, (_, i) => `C-${100 + (i % 20)},${day(i)},${day(i + 3)},${i % 3 ? 'F' : 'M'},KG`)].join('\n') + '\n';

describe('/upload/: "Sex" over a column of dates', () => {
	it('is in doubt, the column of sexes its candidate; one click reads the file with it', async () => {
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await page.evaluate(() => localStorage.clear());
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: 'swapped.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
		await waitReady(page, 60_000);
		const doubt = page.locator('[data-testid="field-doubt"][data-field="sex"]');
		expect([await doubt.getAttribute('data-column'), await doubt.getAttribute('data-candidate')]).toEqual(['Sex', 'Q7']);
		expect(await doubt.textContent()).toContain('Column “Sex” (column 3) is read as “Sex” by its header, but 100% of its values do not read as such');
		expect(await page.getAttribute('[data-testid="key-field"][data-field="date"]', 'data-confirmed')).toBe('true');
		expect(await page.locator('text=No problems found').count()).toBe(0);
		await doubt.locator('[data-testid="use-candidate"]').click();
		await page.waitForFunction(() => document.querySelector('[data-testid="ingest-summary"]') && !document.querySelector('[data-testid="field-doubt"]'), null, { timeout: 60_000 });
		await waitReady(page, 60_000);
		expect(Number(await page.getAttribute('[data-testid="ingest-summary"]', 'data-people'))).toBe(20);
		expect(await page.locator('text=No problems found').count()).toBe(1);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});
});
