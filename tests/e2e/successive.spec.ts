/**
 * A site republished: data/ holds the register six weeks later and the release published before
 * (release A, export of 2026-01-15). The build releases against it: A's rows stay, 2026 is added,
 * the changes in 2019–2024 are held back, and the site says which figures are as first published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildOwnSite, connectBrowser, downloadBytes, openPage, openReady, waitReady } from './harness';
import { BUILD_DIR } from './global-setup';
import { laterExport } from '../fixtures/successive';
import { releaseToFile } from '$lib/server/release-exports';
import type { ReleaseRow } from '$lib/types';
import { attackSuccessive, differences } from '../attack/successive';
import { createNodeEngine } from '$lib/server/engine-node';
import { loadExports } from '$lib/ingest/load-export';
import Papa from 'papaparse';

const DATA = '.svelte-kit/successive-data';
const OUT = '.svelte-kit/successive-output';
type Row = ReleaseRow;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let A: { rows: Row[] };
let build = '';

beforeAll(async () => {
	const sample = readFileSync('data/sample-export.csv');
	const first = await releaseToFile([{ name: 'sample-export.csv', bytes: new Uint8Array(sample) }], '2026-01-15');
	A = JSON.parse(first.json);
	rmSync(DATA, { recursive: true, force: true });
	mkdirSync(DATA, { recursive: true });
	writeFileSync(`${DATA}/release.json`, first.json);
	writeFileSync(`${DATA}/register-2026-02-26.csv`, laterExport(sample.toString('utf8'), { newIn2026: 60, late2024: 3, corrections: 5 }));
	// The sample's settings, the new export's date, and no default period: the site opens on its headline.
	const { defaultPeriod: _, ...settings } = JSON.parse(readFileSync('data/settings.json', 'utf8'));
	writeFileSync(`${DATA}/settings.json`, JSON.stringify({ ...settings, exportDate: '2026-02-26' }));
	({ server, log: build } = await buildOwnSite({ IMPACT_DATA_DIR: DATA, BUILD_DIR: OUT }));
	browser = await connectBrowser();
}, 300_000);
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

const open = (path: string) => openReady(browser, `${server.url}${path}`);

const kpi = (page: Page, name: string) => page.getAttribute(`[data-kpi="${name}"]`, 'data-value');

describe('a site built from a new export against the release published before it', () => {
	it('logs what was frozen and how many people are held back (the build log, for staff)', () => {
		expect(build).toContain('[impact] Held back: 8');
		expect(build).toMatch(/\[impact\] lineage: \d+ rows frozen \(published 2026-01-15/);
	});

	it('publishes every row of the first release unchanged, 2026 exact, and nothing about the held-back people', async () => {
		const doc = await (await fetch(`${server.url}/data/release.json`)).json();
		const key = (r: Row) => [r.view, r.year === '~all' ? '2019-2025' : r.year, r.organisation, r.programme, r.group, r.category].join('|');
		const published = new Map((doc.rows as Row[]).map((r) => [[r.view, r.year, r.organisation, r.programme, r.group, r.category].join('|'), r.n]));
		for (const r of A.rows) expect(published.get(key(r)), key(r)).toBe(r.n);
		expect(doc.lineage).toEqual([{ exportDate: '2026-01-15', period: '2019-2025', rows: A.rows.length }]);
		expect(doc.exportDate).toBe('2026-02-26');
		expect(published.get('total|2024|~all|~all|~all|')).toBe(455);
		expect(published.get('total|2026|~all|~all|~all|')).toBe(60);
		expect(published.get('total|~all|~all|~all|~all|')).toBe(2863 + 60);
		expect(JSON.stringify(doc)).not.toMatch(/held.back|late registration|correction/i);
	});

	it('publishes the new figures as a naive count of the raw exports gives them: 2026 and the whole period, each organisation, by total, nationality and disability', async () => {
		const doc = await (await fetch(`${server.url}/data/release.json`)).json();
		// The population the release describes: each id once, in its first year, from the first export
		// for the years it published (late registrations held back) and from the new one for 2026.
		const parse = (text: string) => {
			const [header, ...rows] = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
			const col = (name: string) => header.indexOf(name);
			const first = new Map<string, string[]>();
			for (const r of rows) if (!first.has(r[col('case_id')]) || r[col('registration_date')] < first.get(r[col('case_id')])![col('registration_date')]) first.set(r[col('case_id')], r);
			return [...first.values()].map((r) => ({ year: Number(r[col('registration_date')].slice(0, 4)), organisation: r[col('organisation')], nationality: r[col('nationality')] || '~unknown', disability: r[col('disability')] || '~unknown' }));
		};
		const sample = readFileSync('data/sample-export.csv', 'utf8');
		const population = [...parse(sample), ...parse(laterExport(sample, { newIn2026: 60, late2024: 3, corrections: 5 })).filter((p) => p.year === 2026)];
		const truth = (r: Row) =>
			population.filter((p) => (r.year === '~all' || p.year === Number(r.year)) && (r.organisation === '~all' || p.organisation === r.organisation) && (r.view === 'total' || p[r.view as 'nationality' | 'disability'] === r.category)).length;
		const checked = (doc.rows as Row[]).filter((r) => (r.year === '2026' || r.year === '~all') && ['total', 'nationality', 'disability'].includes(r.view) && !['~other', '~withheld'].includes(r.category));
		expect(checked.length).toBeGreaterThan(5);
		for (const r of checked) expect(r.n, `${r.view} ${r.year} ${r.organisation} ${r.category}`).toBe(truth(r));
	});

	it('withstands the attack on both published files: no row of the same key moves, no count of the 60 new people below k can be pinned by an LP over both', async () => {
		const doc = await (await fetch(`${server.url}/data/release.json`)).json();
		expect(differences(A.rows, doc.rows, 10)).toEqual([]);
		// The population the two files describe: the first export's people and the 2026 registrations.
		const engine = await createNodeEngine();
		const people = async (text: string) => (await loadExports(engine, [{ name: 'x.csv', bytes: new TextEncoder().encode(text) }], { exportDate: '2026-02-26' })).rows;
		const sample = readFileSync('data/sample-export.csv', 'utf8');
		const before = await people(sample);
		const later = await people(laterExport(sample, { newIn2026: 60, late2024: 0, corrections: 0 }));
		await engine.close();
		const fresh = later.filter((p) => p.year === 2026);
		const { exposures, attacked } = await attackSuccessive([{ rows: A.rows, span: { from: 2019, to: 2025 } }, doc], [...before, ...fresh], fresh, 10);
		expect(attacked).toBeGreaterThan(20);
		expect(exposures).toEqual([]);
	}, 120_000);

	it('opens on the last whole period published in full, and says it is as published on 15 January 2026', async () => {
		const doc = await (await fetch(`${server.url}/data/release.json`)).json();
		const page = await open('/');
		const shown = page.locator('[data-testid="period-shown"]');
		expect([await shown.getAttribute('data-from'), await shown.getAttribute('data-to')]).toEqual([String(doc.headline.from), String(doc.headline.to)]);
		// 60 people in 2026 cannot carry every category of 2019-2025 yet: the headline stays there.
		expect(doc.headline).toEqual({ from: 2019, to: 2025 });
		expect(await shown.getAttribute('data-published-on')).toBe('2026-01-15');
		expect(await shown.innerText()).toContain('as published on 15 January 2026');
		expect(await kpi(page, 'beneficiaries')).toBe('2863');
		// The grant report of 2023-2025 too: its figures are those published on 15 January 2026.
		await page.goto(`${server.url}/report/`);
		await waitReady(page);
		expect(await page.locator('.print-meta').innerText()).toContain('export of 2026-01-15');
		await page.close();
	});

	it('answers 2026 from its own rows, dated by the new export; the whole period 2019–2026 from the new rows', async () => {
		const page = await open('/?from=2026&to=2026');
		expect(await kpi(page, 'beneficiaries')).toBe('60');
		expect(await page.getAttribute('[data-testid="period-shown"]', 'data-published-on')).toBe('2026-02-26');
		await page.goto(`${server.url}/?from=2019&to=2026`);
		await waitReady(page);
		expect(await kpi(page, 'beneficiaries')).toBe('2923');
		await page.close();
	});

	it('lists the frozen periods and their export dates on /methodology, in three languages', async () => {
		for (const [path, words] of [['/methodology/', 'published on 15 January 2026'], ['/ru/methodology/', 'опубликовано 15 января 2026'], ['/ky/methodology/', 'жарыяланган']]) {
			const page = await open(path);
			const item = page.locator('[data-testid="frozen-periods"] li');
			expect([await item.getAttribute('data-period'), await item.getAttribute('data-published-on')]).toEqual(['2019-2025', '2026-01-15']);
			expect(await item.innerText()).toContain(words);
			await page.close();
		}
	});
});

describe('/upload/: the sample register six weeks later, dropped on the site that publishes the first release', () => {
	it('is released against the published release by default: its rows kept, 2026 added, 8 people held back and said to staff, in the download none of it', async () => {
		const { page, offOriginRequests } = await openPage(browser, '/upload/');
		await waitReady(page);
		const later = laterExport(readFileSync('data/sample-export.csv', 'utf8'), { newIn2026: 60, late2024: 3, corrections: 5 });
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', [{ name: 'register-2026-02-26.csv', mimeType: 'text/csv', buffer: Buffer.from(later) }]);
		await page.waitForSelector('[data-testid="download-release"]', { timeout: 90_000 });
		const published = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8')) as { rows: Row[]; exportDate: string };
		expect(await page.getAttribute('[data-testid="release-mode"]', 'data-mode')).toBe('against');
		const lineage = page.locator('[data-testid="lineage"]');
		expect(await lineage.getAttribute('data-frozen-rows')).toBe(String(published.rows.length));
		expect(await page.getAttribute('[data-testid="held-back"]', 'data-people')).toBe('8');
		expect(await page.locator('[data-testid="lineage"] li[data-year="2024"]').getAttribute('data-late')).toBe('3');
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-release"]').click()]);
		const doc = JSON.parse((await downloadBytes(download)).toString('utf8')) as { rows: Row[]; lineage: unknown[] };
		const byKey = new Map(doc.rows.map((r) => [[r.view, r.year, r.organisation, r.category].join('|'), r.n]));
		for (const r of published.rows) expect(byKey.get([r.view, r.year === '~all' ? '2019-2025' : r.year, r.organisation, r.category].join('|'))).toBe(r.n);
		expect(byKey.get('total|2026|~all|')).toBe(60);
		expect(doc.lineage).toEqual([{ exportDate: published.exportDate, period: '2019-2025', rows: published.rows.length }]);
		expect(JSON.stringify(doc)).not.toMatch(/held.back|late registration|correction/i);

		// A revision publishing the 8 changes is refused: each is a person or two, provable from both files.
		await page.locator('[data-testid="release-mode"] input[value="revise"]').check();
		await page.waitForSelector('[data-testid="revision-refused"]', { timeout: 90_000 });
		expect(Number(await page.getAttribute('[data-testid="revision-refused"]', 'data-exposures'))).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="download-release"]').count()).toBe(0);

		// On its own, as a first release: 2024 is the export's (458), and nothing is held back.
		await page.locator('[data-testid="release-mode"] input[value="first"]').check();
		await page.waitForSelector('[data-testid="release-auditing"]', { state: 'detached', timeout: 90_000 });
		await page.waitForSelector('[data-testid="download-release"]');
		expect(await page.locator('[data-testid="lineage"]').count()).toBe(0);
		const [own] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-release"]').click()]);
		const first = JSON.parse((await downloadBytes(own)).toString('utf8')) as { rows: Row[] };
		expect(first.rows.find((r) => r.view === 'total' && r.year === '2024' && r.organisation === '~all')?.n).toBe(458);
		expect(offOriginRequests()).toEqual([]);
		await page.close();
	}, 180_000);
});
