/**
 * The published release against a naive oracle over data/ (issue 13): the headline levels are the
 * true figures, each year and each organisation keep their totals exact and every country of at
 * least 2k people, and the dashboard's nationality table shows every country of the sample.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { people, type OraclePerson } from './oracle';
import { BUILD_DIR } from './global-setup';
import { connectBrowser, openPage, waitReady } from './harness';

interface Row { view: string; year: string; organisation: string; category: string; n: number }
const release = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8')) as { k: number; rows: Row[] };
const { k } = release;
const everyone = people();
const ISO = /^[A-Z]{2}$/;

const published = (view: string, year: string, organisation = '~all') =>
	new Map(release.rows.filter((r) => r.view === view && r.year === year && r.organisation === organisation).map((r) => [r.category, r.n]));
const count = <T>(xs: T[], key: (x: T) => string) => {
	const out = new Map<string, number>();
	for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
	return out;
};
const countries = (ps: OraclePerson[]) => new Map([...count(ps, (p) => p.nationality)].filter(([c]) => ISO.test(c)));

describe('the release of the sample, against the oracle', () => {
	it('the whole period for all organisations: every figure true, 9 countries each exact, nothing withheld', () => {
		expect(published('total', '~all').get('')).toBe(everyone.length);
		const nationality = published('nationality', '~all');
		const truth = countries(everyone);
		expect(truth.size).toBe(9);
		for (const [country, n] of truth) expect([country, nationality.get(country)]).toEqual([country, n]);
		expect(nationality.has('~withheld')).toBe(false);
		expect(nationality.has('~other')).toBe(false);
		const disability = published('disability', '~all');
		const byStatus = count(everyone, (p) => p.disability);
		expect([disability.get('yes'), disability.get('no')]).toEqual([byStatus.get('yes'), byStatus.get('no')]);
		expect(disability.get('yes')! / (disability.get('yes')! + disability.get('no')!)).toBeCloseTo(0.3948, 4);
	});

	it('the grant period 2023-2025: 1,336 people, 39.13% with a disability, 9 countries exact, 312 foreign nationals, 25 stateless', () => {
		const inGrant = everyone.filter((p) => p.year >= 2023 && p.year <= 2025);
		expect(published('total', '2023-2025').get('')).toBe(inGrant.length);
		expect(inGrant.length).toBe(1336);
		const nationality = published('nationality', '2023-2025');
		for (const [country, n] of countries(inGrant)) expect([country, nationality.get(country)]).toEqual([country, n]);
		expect([...nationality].filter(([c]) => ISO.test(c) && c !== 'KG').reduce((s, [, n]) => s + n, 0)).toBe(312);
		expect(nationality.get('stateless')).toBe(25);
		const disability = published('disability', '2023-2025');
		expect([disability.get('yes'), disability.get('yes')! + disability.get('no')!]).toEqual([475, 1214]);
	});

	const selections = [
		...[...new Set(everyone.map((p) => p.year))].map((y) => ({ name: `year ${y}`, year: String(y), organisation: '~all', ps: everyone.filter((p) => p.year === y) })),
		...[...new Set(everyone.map((p) => p.organisation))].map((o) => ({ name: o, year: '~all', organisation: o, ps: everyone.filter((p) => p.organisation === o) }))
	];
	it.each(selections)('$name: the exact total, the disability share within 1 point, every country of ≥ 2k people exact', ({ year, organisation, ps }) => {
		expect(published('total', year, organisation).get('')).toBe(ps.length);
		const disability = published('disability', year, organisation);
		const truth = count(ps, (p) => p.disability);
		const share = (yes: number, no: number) => yes / (yes + no);
		expect(Math.abs(share(disability.get('yes') ?? 0, disability.get('no') ?? 0) - share(truth.get('yes') ?? 0, truth.get('no') ?? 0))).toBeLessThan(0.01);
		const nationality = published('nationality', year, organisation);
		for (const [country, n] of countries(ps)) if (n >= 2 * k) expect([country, nationality.get(country)]).toEqual([country, n]);
	});
});

describe('the dashboard of the sample', () => {
	it('lists every country with its exact count in the table behind the nationality chart', async () => {
		const browser = await connectBrowser();
		const { page } = await openPage(browser, '/');
		await waitReady(page);
		const cells = await page.locator('[data-chart="nationalities"] table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));
		const shown = new Map(cells.map((c) => [c[0], Number(c.at(-1)!.replace(/\D/g, ''))]));
		const names = new Intl.DisplayNames(['en'], { type: 'region' });
		for (const [country, n] of countries(everyone)) expect([country, shown.get(names.of(country)!)]).toEqual([country, n]);
		expect(cells.some((c) => /withheld|other/i.test(c[0]))).toBe(false);
		await browser.close();
	});

	const kpi = (page: import('playwright-core').Page, id: string) => page.getAttribute(`[data-kpi="${id}"]`, 'data-value');
	it.each([
		{ search: '?from=2020&to=2020', ps: everyone.filter((p) => p.year === 2020) },
		{ search: `?org=${encodeURIComponent('Sezim Crisis Centre')}`, ps: everyone.filter((p) => p.organisation === 'Sezim Crisis Centre') }
	])('shows $search from its own level: the exact total and the disability share within a point', async ({ search, ps }) => {
		const browser = await connectBrowser();
		const { page } = await openPage(browser, `/${search}`);
		await waitReady(page);
		expect(await kpi(page, 'beneficiaries')).toBe(String(ps.length));
		const truth = count(ps, (p) => p.disability);
		const share = truth.get('yes')! / (truth.get('yes')! + truth.get('no')!);
		expect(Math.abs(Number(await kpi(page, 'disability-share')) - share)).toBeLessThan(0.01);
		await browser.close();
	});
});

describe('the methodology page', () => {
	it.each([['/methodology/', 'Publish your results'], ['/ru/methodology/', 'Как опубликовать результаты']])('%s explains how to publish, step by step', async (path, title) => {
		const browser = await connectBrowser();
		const { page } = await openPage(browser, path);
		await waitReady(page);
		expect(await page.locator('#publish').innerText()).toBe(title);
		expect(await page.locator('[data-testid="publish-guide"] li').count()).toBe(4);
		expect(await page.locator('[data-testid="audit"]').getAttribute('data-result')).toBe('pass');
		await browser.close();
	});
});

describe('the grant report of the sample', () => {
	it('for 2023-2025 and all organisations: 1,336 people, 39.13%, 9 countries, 312 foreign nationals, 25 stateless, and sentences that say so', async () => {
		const browser = await connectBrowser();
		const { page } = await openPage(browser, '/report/?period=grant-2023-2025');
		await waitReady(page);
		const value = (id: string) => page.locator(`[data-testid="report-table"] tr[data-indicator="${id}"]`).getAttribute('data-value');
		expect([await value('beneficiaries'), await value('disability-share'), await value('nationalities'), await value('foreign'), await value('stateless')]).toEqual(['1336', '0.3913', '9', '312', '25']);
		const sentences = (await page.locator('[data-testid="sentence"]').allTextContents()).join(' ');
		expect(sentences).toContain('1,336 people');
		expect(sentences).toContain('9 countries');
		await browser.close();
	});
});
