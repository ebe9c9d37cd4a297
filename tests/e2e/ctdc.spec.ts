/**
 * An export in the CTDC data standard dropped on /upload (tests/fixtures/ctdc.csv: its groups and
 * figures are listed in tests/ctdc.spec.ts): every column recognised, -99 and 0 read as unknown
 * without a problem line, and its type of exploitation as one more chart, table and released view.
 * The sample (no such column) has no such chart; a site built from the export has it on / and /report/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { buildOwnSite, connectBrowser, downloadBytes, openPage, openReady, waitReady } from './harness';
import { ctdcWithFlags } from '../fixtures/ctdc-flags';

let browser: Browser;
beforeAll(async () => {
	browser = await connectBrowser();
});
afterAll(() => browser?.close());

const buffer = readFileSync('tests/fixtures/ctdc.csv');

async function dropCtdc(path: string, file = { name: 'ctdc.csv', buffer }): Promise<Page> {
	const { page } = await openPage(browser, path);
	await waitReady(page);
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ ...file, mimeType: 'text/csv' }]);
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

describe('the CTDC export with a yes/no column for each type (tests/fixtures/ctdc-flags.ts)', () => {
	it('gives the same type of exploitation chart on /ky/upload/, begging under Other types, and the value that is not yes or no in the check report', async () => {
		const page = await dropCtdc('/ky/upload/', { name: 'ctdc-flags.csv', buffer: Buffer.from(ctdcWithFlags()) });
		const summary = page.locator('[data-testid="ingest-summary"]');
		expect(await Promise.all(['data-rows-read', 'data-rows-loaded', 'data-rows-rejected', 'data-people'].map((a) => summary.getAttribute(a)))).toEqual(['79', '78', '1', '78']);
		expect(await chartTable(page, 'exploitation')).toEqual([
			['Сексуалдык эксплуатация', '24'], ['Мажбурлап иштетүү', '21'], ['Мажбурлап никелештирүү', '<10'], ['Бир нече түрү', '12'], ['Башка түрлөрү', '<10'], ['Белгисиз', '10']
		]);
		const flag = page.locator('[data-testid="problems"] tr[data-field="exploit_other"]');
		expect(await flag.innerText()).toContain('«ооба» да, «жок» да эмес');
		expect(await flag.innerText()).toContain('isOtherExploit');
		await page.close();
	});
});

describe('the sample, which has no type of exploitation', () => {
	it('has no such chart on / and /report/, and /methodology says how a person with several types is counted, in three languages', async () => {
		for (const path of ['/', '/report/']) {
			const { page } = await openPage(browser, path);
			await waitReady(page);
			expect(await page.locator('[data-chart]').evaluateAll((c) => c.map((x) => x.getAttribute('data-chart')))).toEqual(['trend', 'disability', 'nationalities', 'sex-age', 'region', 'group']);
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

describe('a site built from the CTDC-standard export', () => {
	const DATA = '.svelte-kit/ctdc-data';
	const OUT = '.svelte-kit/ctdc-output';
	let server: { url: string; close: () => Promise<void> };
	beforeAll(async () => {
		rmSync(DATA, { recursive: true, force: true });
		mkdirSync(DATA, { recursive: true });
		copyFileSync('tests/fixtures/ctdc.csv', `${DATA}/ctdc.csv`);
		const settings = { title: { en: 'CTDC test' }, organisation: { en: 'An NGO (made up for this test)' }, synthetic: true, k: 10, scope: ['organisation'], rounding: 0, defaultPeriod: { from: 2021, to: 2022 }, periods: [], languages: ['en', 'ru', 'ky'], exportDate: '2026-01-15', country: 'KG' };
		writeFileSync(`${DATA}/settings.json`, JSON.stringify(settings));
		({ server } = await buildOwnSite({ IMPACT_DATA_DIR: DATA, BUILD_DIR: OUT }));
	}, 300_000);
	afterAll(() => server?.close());

	const open = (path: string) => openReady(browser, `${server.url}${path}`);
	const TOP = [['Sexual exploitation', '24'], ['Forced labour', '21'], ['Several types', '12'], ['Other types', '11'], ['Unknown', '10']];

	it('prerenders the type of exploitation chart on / from the whole period, and answers a year from its own level', async () => {
		const html = await (await fetch(`${server.url}/`)).text();
		expect(html).toMatch(/data-svg-slot="exploitation"><svg/);
		const page = await open('/');
		expect(await chartTable(page, 'exploitation')).toEqual(TOP);
		// 2021: its 12 several types, 6 begging and 1 forced labour are withheld together.
		await page.goto(`${server.url}/?from=2021&to=2021`);
		await waitReady(page);
		expect(await chartTable(page, 'exploitation')).toEqual([['Sexual exploitation', '24'], ['Withheld', '19']]);
		await page.close();
	});

	it('publishes no type count of 1..k−1 people that an attacker holding data/release.json can work out below k', async () => {
		// Written apart from the release and its audit: the truth from the CSV by a naive reading (one
		// row, one person; its six type strings mapped by hand), every published row an equation.
		const TYPES: Record<string, string> = {
			'Sexual exploitation': 'sexual', 'Forced labour': 'labour', 'Sexual exploitation;Forced labour': '~several', '-99': '~unknown', 'Forced marriage': 'marriage', 'Forced begging': 'begging'
		};
		const [header, ...records] = Papa.parse<string[]>(buffer.toString('utf8'), { skipEmptyLines: true }).data;
		const people = records.filter((r) => r[0] !== '-99').map((r) => ({ year: r[0], type: TYPES[r[header.indexOf('typeOfExploitConcatenated')]] }));
		expect(people).toHaveLength(78);
		const doc = JSON.parse(readFileSync(`${OUT}/data/release.json`, 'utf8')) as { k: number; rows: { view: string; year: string; category: string; n: number }[] };
		const rows = doc.rows.filter((r) => r.view === 'total' || r.view === 'exploitation');
		const years = ['2021', '2022'];
		const shown = [...new Set(rows.filter((r) => r.view === 'exploitation' && !['~other', '~withheld'].includes(r.category)).map((r) => r.category))];
		const categories = [...shown, 'unseen'];
		// No organisation column: every row group of "each organisation" is the one organisation, the same cells.
		const cell = (year: string, type: string) => `x${years.indexOf(year)}_${categories.indexOf(categories.includes(type) ? type : 'unseen')}`;
		const cellsOf = (year: string, types: string[]) => (year === '~all' ? years : [year]).flatMap((y) => types.map((t) => cell(y, t)));
		const equations = rows.map((r) => `${cellsOf(r.year, r.view === 'total' || !shown.includes(r.category) ? categories : [r.category]).join(' + ')} = ${r.n}`);
		// "Other types" and "Withheld" are only the rest of their totals: their rows say nothing more.
		const said = rows.map((r, i) => (r.view === 'total' || shown.includes(r.category) ? ` r${i}: ${equations[i]}` : '')).filter(Boolean);
		const truth = new Map<string, number>();
		for (const p of people) truth.set(cell(p.year, p.type), (truth.get(cell(p.year, p.type)) ?? 0) + 1);
		const small = [...truth].filter(([, n]) => n < doc.k);
		expect(small.length).toBeGreaterThan(0);
		const highs = await (await import('highs')).default();
		for (const [x] of small) {
			const result = highs.solve(`Maximize\n obj: ${x}\nSubject To\n${said.join('\n')}\nEnd\n`);
			expect(result.Status).toMatch(/Optimal|Unbounded/);
			if (result.Status === 'Optimal') expect(result.ObjectiveValue, x).toBeGreaterThanOrEqual(doc.k - 1e-6);
		}
	});

	it('has it on /report/ and /ky/report/ too', async () => {
		const page = await open('/report/');
		expect(await chartTable(page, 'exploitation')).toEqual(TOP);
		await page.close();
		const ky = await open('/ky/report/');
		expect(await ky.locator('[data-chart="exploitation"] figcaption').innerText()).toBe('Эксплуатациянын түрү же иштин түрү боюнча адамдар');
		expect((await chartTable(ky, 'exploitation')).map((r) => r[0])).toEqual(['Сексуалдык эксплуатация', 'Мажбурлап иштетүү', 'Бир нече түрү', 'Башка түрлөрү', 'Белгисиз']);
		await ky.close();
	});
});
