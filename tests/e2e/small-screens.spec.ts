/**
 * A 360 px phone and a 1280 px desktop: every page fits its width in English, Russian and Kyrgyz
 * (no sideways scrolling; a wide table scrolls in its own focusable region), axe-core finds nothing
 * serious at either width, and a chart is drawn to its slot's width and drawn again when it changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, openPage, runAxe, waitReady } from './harness';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 720 };
const PAGES = ['', 'report/', 'upload/', 'methodology/'];
const LANGS = ['', 'ru/', 'ky/'];

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

/** What sticks out of the page sideways: nothing, when the page is as wide as the window. */
const overflow = (page: Page) =>
	page.evaluate(() => {
		const { scrollWidth } = document.documentElement;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && !el.parentElement?.closest('.scroll'))
			.slice(0, 5)
			.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}px`);
		return { scrollWidth, innerWidth, wide };
	});

async function expectFits(page: Page) {
	const { scrollWidth, innerWidth, wide } = await overflow(page);
	expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${innerWidth}px window: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}

/** Axe at the page's size, then again at the other width (the same page, resized: one context). */
async function expectAxeAtBothWidths(page: Page) {
	expect(await runAxe(page), `axe at ${PHONE.width}px: ${page.url()}`).toEqual([]);
	await page.setViewportSize(DESKTOP);
	await expect.poll(() => page.evaluate(() => innerWidth)).toBe(DESKTOP.width);
	await waitReady(page);
	expect(await runAxe(page), `axe at ${DESKTOP.width}px: ${page.url()}`).toEqual([]);
}

/** A chart's own SVG (a legend's swatches are SVGs too) and the width of the slot it is drawn in. */
const chartWidth = (page: Page, id: string) =>
	page.locator(`[data-chart="${id}"] .plot`).evaluate((slot) => {
		const svg = slot.querySelector(':scope > svg, :scope > figure > svg')!;
		return { drawn: Number(svg.getAttribute('width')), shown: svg.getBoundingClientRect().width, slot: slot.clientWidth };
	});

describe(`every page at ${PHONE.width}×${PHONE.height}`, () => {
	for (const lang of LANGS)
		for (const name of PAGES) {
			const path = `/${lang}${name}`;
			// English: axe at both widths on every page; Russian and Kyrgyz: on the dashboard.
			const axe = lang === '' || name === '';
			it(`${path} has no sideways scroll${axe ? ', and no serious axe violation at 360 and 1280 px' : ''}`, async () => {
				const { page } = await openPage(browser, path, { viewport: PHONE });
				await waitReady(page);
				await expectFits(page);
				if (axe) await expectAxeAtBothWidths(page);
				await page.close();
			});
		}

	it('/ky/methodology/: the loss table, wider than a phone, scrolls in its own named, focusable region', async () => {
		const { page } = await openPage(browser, '/ky/methodology/', { viewport: PHONE });
		await waitReady(page);
		const region = page.locator('[role="region"]:has([data-testid="loss-report"])');
		const box = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, tabIndex: (el as HTMLElement).tabIndex, name: document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent }));
		expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
		expect(box.tabIndex).toBe(0);
		expect(box.name).toBeTruthy();
		await region.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		await expectFits(page);
		await page.close();
	});

	it('a filter holding a long name (an organisation, a ministry in Kyrgyz) narrows to the screen on / and /report/', async () => {
		for (const path of ['/ky/', '/ky/report/']) {
			const { page } = await openPage(browser, path, { viewport: PHONE });
			await waitReady(page);
			await page.evaluate(() => {
				for (const select of document.querySelectorAll('select')) {
					select.append(new Option('Кыргыз Республикасынын Эмгек жана социалдык өнүктүрүү министрлигине караштуу борбор', 'long'));
					select.value = 'long';
				}
			});
			await expectFits(page);
			await page.close();
		}
	});
});

describe(`/upload/ after a drop of data/sample-export.csv, at ${PHONE.width} px`, () => {
	// English and Kyrgyz (the longest words): each drop runs the release and its audit, ~20 s.
	for (const lang of LANGS.filter((l) => l !== 'ru/'))
		it(`/${lang}upload/: the dashboard, check report, comparison, loss and audit tables and the chart tables fit${lang ? '' : '; axe at 360 and 1280 px'}`, async () => {
			const { page } = await openPage(browser, `/${lang}upload/`, { viewport: PHONE });
			await waitReady(page);
			await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: 'sample-export.csv', mimeType: 'text/csv', buffer: readFileSync('data/sample-export.csv') });
			// The download is offered once the release and its audit have run: every part is shown.
			await page.waitForSelector('[data-testid="download-release"]', { timeout: 60_000 });
			await waitReady(page);
			for (const part of ['ingest-summary', 'comparison', 'loss-report', 'audit']) expect(await page.locator(`[data-testid="${part}"]`).count(), part).toBe(1);
			expect(await page.locator('[data-kpi]').count()).toBeGreaterThan(0);
			for (const toggle of await page.locator('[data-chart] button[aria-controls]').all()) await toggle.click();
			expect(await page.locator('[data-chart] table:visible').count()).toBeGreaterThanOrEqual(4);
			await expectFits(page);
			if (!lang) await expectAxeAtBothWidths(page);
			await page.close();
		}, 120_000); // a drop runs ingest, the release at every level and its HiGHS audit
});

describe('charts follow their slot', () => {
	it('are drawn at the desktop slot at build time (no Plot download), and drawn again to the width on a phone, a turned phone and back', async () => {
		const { page, requests } = await openPage(browser, '/', { viewport: DESKTOP });
		await waitReady(page);
		const desktop = await chartWidth(page, 'trend');
		expect(desktop.drawn).toBe(desktop.slot); // the prerendered SVG, as it is
		const modules = () => requests().filter((u) => u.includes('/_app/immutable/')).length;
		const before = modules();

		await page.setViewportSize(PHONE);
		await expect.poll(async () => (await chartWidth(page, 'trend')).drawn).toBeLessThan(desktop.drawn);
		for (const id of ['trend', 'disability', 'nationalities', 'sex-age', 'region', 'group']) {
			const phone = await chartWidth(page, id);
			expect(phone.drawn, id).toBe(phone.slot); // drawn to the slot, not a big chart shrunk
			expect(phone.shown, id).toBeLessThanOrEqual(phone.slot);
			expect(phone.slot, id).toBeLessThan(PHONE.width);
		}
		expect(modules()).toBeGreaterThan(before); // Plot: fetched only now, not for the desktop page
		expect(await page.locator('[data-chart] svg[aria-description]').count()).toBe(6);
		await expectFits(page);

		await page.setViewportSize({ width: PHONE.height, height: PHONE.width });
		await expect.poll(async () => (await chartWidth(page, 'trend')).drawn).toBeGreaterThan(PHONE.width);
		const turned = await chartWidth(page, 'trend');
		expect(turned.drawn).toBe(turned.slot);
		await expectFits(page);

		await page.setViewportSize(DESKTOP);
		await expect.poll(async () => (await chartWidth(page, 'trend')).drawn).toBe(desktop.drawn);
		await page.close();
	});
});
