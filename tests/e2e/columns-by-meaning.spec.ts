/**
 * Registers written as registers and survey tools write their headers (issue #23), dropped on
 * /upload in English, Russian and Kyrgyz: the Russian «№ дела» register, a KoboToolbox export with
 * group paths and its metadata, and an English `Case #` register, one after the other on one page,
 * each to its exact people, disability share and nationalities without a click. A register whose id no header names: the
 * key-field warning with the right candidate, one click to use it, remembered for the next drop.
 * Known answers from the fixtures' construction (tests/fixtures/registers-by-meaning.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { connectBrowser, openPage, waitReady } from './harness';
import { englishRegister, koboExport, russianRegister, unnamedIdRegister, type Register } from '../fixtures/registers-by-meaning';

let browser: Browser;
beforeAll(async () => (browser = await connectBrowser()));
afterAll(() => browser?.close());

async function drop(page: Page, register: Register) {
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: register.name, mimeType: 'text/csv', buffer: Buffer.from(register.csv) });
	await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
	await waitReady(page, 60_000);
}

const attribute = (page: Page, selector: string, name: string) => page.getAttribute(selector, name);

async function figures(page: Page) {
	return {
		people: Number(await attribute(page, '[data-testid="ingest-summary"]', 'data-people')),
		beneficiaries: Number(await attribute(page, '[data-kpi="beneficiaries"]', 'data-value')),
		share: await attribute(page, '[data-kpi="disability-share"]', 'data-value'),
		nationalities: Number(await attribute(page, '[data-kpi="nationalities"]', 'data-value'))
	};
}

const expected = (r: Register) => ({ people: r.truth.people, beneficiaries: r.truth.people, share: (r.truth.disabled / r.truth.known).toFixed(4), nationalities: r.truth.nationalities });

const keyField = (page: Page, field: string) => page.locator(`[data-testid="key-field"][data-field="${field}"]`);

describe.each(['', 'ru/', 'ky/'])('/%supload/: registers as they write their headers', (lang) => {
	// One page for the three, as staff drop one export after another (a page's engines start once).
	it('the Russian «№ дела» register, the KoboToolbox export and the English "Case #" register: each its exact people, disability share and nationalities, without a click', async () => {
		const { page } = await openPage(browser, `/${lang}upload/`);
		await waitReady(page);
		for (const register of [russianRegister(), koboExport(), englishRegister()]) {
			await drop(page, register);
			// The report of this file, not of the one before.
			await page.waitForSelector(`section[aria-labelledby="check-title"] h3:text-is("${register.name}")`);
			expect([register.name, await figures(page)]).toEqual([register.name, expected(register)]);
			expect(await keyField(page, 'id').getAttribute('data-status')).toBe('recognised');
			expect(await keyField(page, 'date').getAttribute('data-status')).toBe('recognised');
			expect(await page.locator('[data-testid="no-person-id"]').count()).toBe(0);
			expect(await page.locator('[data-testid="column-mapper"]').count()).toBe(0);
		}
		await page.close();
	});
});

describe('/ru/upload/: the «№ дела» register as a workbook', () => {
	it('its exact people, disability share and nationalities, the id recognised', async () => {
		const register = russianRegister();
		const book = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(register.table), 'Реестр');
		const { page } = await openPage(browser, '/ru/upload/');
		await waitReady(page);
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', {
			name: 'реестр.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }))
		});
		await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
		await waitReady(page, 60_000);
		expect(await figures(page)).toEqual(expected(register));
		expect(await keyField(page, 'id').getAttribute('data-status')).toBe('recognised');
		await page.close();
	});
});

describe('/upload/: an id no header names', () => {
	it.each([
		['', 'No problems found', 'each row is counted as one person'],
		['ru/', 'Проблем не найдено', 'каждая строка считается одним человеком'],
		['ky/', 'Көйгөй табылган жок', 'ар бир сап бир адам катары саналат']
	])('/%supload/: the key-field warning names the candidate; one click uses it, and the next drop remembers it', async (lang, noProblems, eachRow) => {
		const register = unnamedIdRegister();
		const { page } = await openPage(browser, `/${lang}upload/`);
		await waitReady(page);
		await page.evaluate(() => localStorage.clear());
		await drop(page, register);
		const id = keyField(page, 'id');
		expect(await id.getAttribute('data-status')).toBe('guessed');
		expect(await id.getAttribute('data-candidate')).toBe('Досье');
		expect(await page.locator('[data-testid="no-person-id"]').innerText()).toContain(eachRow);
		expect(await page.locator(`text=${noProblems}`).count()).toBe(0);
		expect(Number(await attribute(page, '[data-testid="ingest-summary"]', 'data-people'))).toBe(register.truth.rows);

		await page.click('[data-testid="key-field"][data-field="id"] [data-testid="use-candidate"]');
		await page.waitForFunction(() => document.querySelector('[data-testid="key-field"][data-field="id"]')?.getAttribute('data-status') === 'recognised', null, { timeout: 60_000 });
		await waitReady(page, 60_000);
		expect(await figures(page)).toEqual(expected(register));
		expect(await page.locator('[data-testid="no-person-id"]').count()).toBe(0);

		// The same headers again: the choice is remembered in this browser.
		await drop(page, register);
		await page.waitForFunction(() => document.querySelector('[data-testid="key-field"][data-field="id"]')?.getAttribute('data-status') === 'recognised', null, { timeout: 60_000 });
		expect(Number(await attribute(page, '[data-testid="ingest-summary"]', 'data-people'))).toBe(register.truth.people);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});
});

describe('/upload/: a date and a sex no header names', () => {
	it('the date: key-field guessed, the column mapper already on it, one click loads the file; a sex column listed as a guess with its button', async () => {
		const rows = Array.from({ length: 24 }, (_, i) => `${String(1 + i).padStart(2, '0')}.03.2024,${i % 2 ? 'ж' : 'м'},KG`);
		const csv = ['Когда,Кто,Откуда', ...rows].join('\n') + '\n';
		const { page } = await openPage(browser, '/upload/');
		await waitReady(page);
		await page.evaluate(() => localStorage.clear());
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: 'when.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.waitForSelector('[data-testid="ingest-summary"]', { timeout: 60_000 });
		await waitReady(page, 60_000);
		const date = keyField(page, 'date');
		expect([await date.getAttribute('data-status'), await date.getAttribute('data-candidate')]).toEqual(['guessed', 'Когда']);
		expect(await page.locator('text=No problems found').count()).toBe(0);
		expect(await page.inputValue('[data-testid="column-mapper"] select[name="date-column"]')).toBe('0');
		expect(await page.getAttribute('[data-testid="ignored-columns"] li[data-column="Кто"]', 'data-guess')).toBe('sex');
		expect(await page.getAttribute('[data-testid="ignored-columns"] li[data-column="Откуда"]', 'data-guess')).toBe('nationality');
		await page.click('[data-testid="key-field"][data-field="date"] [data-testid="use-candidate"]');
		await page.waitForFunction(() => document.querySelector('[data-testid="key-field"][data-field="date"]')?.getAttribute('data-status') === 'recognised', null, { timeout: 60_000 });
		await waitReady(page, 60_000);
		expect(Number(await attribute(page, '[data-testid="ingest-summary"]', 'data-people'))).toBe(24);
		// One click more: the sex its values propose.
		await page.click('[data-testid="ignored-columns"] li[data-column="Кто"] [data-testid="use-guess"]');
		await page.waitForFunction(() => document.querySelector('[data-testid="ingest-summary"]') && !document.querySelector('[data-testid="ignored-columns"] li[data-column="Кто"]'), null, { timeout: 60_000 });
		await waitReady(page, 60_000);
		expect(await keyField(page, 'date').getAttribute('data-status')).toBe('recognised');
		expect(await page.locator('[data-testid="ignored-columns"] li[data-column="Откуда"]').count()).toBe(1);
		await page.evaluate(() => localStorage.clear());
		await page.close();
	});
});

