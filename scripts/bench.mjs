#!/usr/bin/env node
/**
 * npm run bench — speed as figures, each beside a baseline measured in the same run:
 *   page load: time to first figures and to the default charts, bytes of a look-only visit,
 *     against a bare page that loads DuckDB-wasm and draws one Plot chart;
 *   filters: first change (a prepared view), a second one at once (the engine's answer, DuckDB
 *     starting included), later changes (median of 20);
 *   /upload: a generated 1M-row export dropped in Chromium once the page has warmed up (it reads
 *     a small invented export first), and the moment its engines start, against bare DuckDB-wasm
 *     read_csv of the same file into a table in a page of the same browser, warmed alike (it
 *     reads the file's first 8 MB first) or fresh (and a count(*) scan, its floor);
 *     optionally 5M rows (--5m);
 *   workbooks: a 100,000-row Excel workbook (dates as date cells) dropped on /upload, against a CSV
 *     of the same rows dropped the same way;
 *   build: releasing 1M people in Node (ingest, then the release at every level with its audit), against bare read_csv into a table.
 * Flags: --no-build (reuse build/), --rows N (default 1,000,000), --5m, --skip-pages, --skip-upload, --skip-workbook, --skip-build-release.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';
import { writeSampleCsv } from './sample-data.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const ROWS = Number(option('rows', 1_000_000));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const RUNS = 5;
/** Where the site is built (BUILD_DIR, as svelte.config.js reads it). */
const BUILD = process.env.BUILD_DIR ?? 'build';

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} ms`);
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : 'n/a');
const table = [];
const row = (figure, ours, baseline, r, target = '') => table.push({ figure, ours, baseline, ratio: r, target });

function timeout(promise, msLimit, what) {
	return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${msLimit / 1000} s`)), msLimit))]);
}

/** The baseline: one page, DuckDB-wasm from node_modules, one query, one Plot chart; plus read_csv. */
async function writeBaseline(dir) {
	mkdirSync(dir, { recursive: true });
	const dist = 'node_modules/@duckdb/duckdb-wasm/dist';
	for (const f of ['duckdb-eh.wasm', 'duckdb-mvp.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) copyFileSync(path.join(dist, f), path.join(dir, f));
	const entry = path.join(dir, 'entry.js');
	writeFileSync(
		entry,
		`import * as duckdb from '@duckdb/duckdb-wasm';
import * as Plot from '@observablehq/plot';
const here = (f) => new URL(f, location.href).href;
const bundle = await duckdb.selectBundle({
	mvp: { mainModule: here('duckdb-mvp.wasm'), mainWorker: here('duckdb-browser-mvp.worker.js') },
	eh: { mainModule: here('duckdb-eh.wasm'), mainWorker: here('duckdb-browser-eh.worker.js') }
});
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
await db.instantiate(bundle.mainModule);
await db.open({ query: { castBigIntToDouble: true } });
const conn = await db.connect();
const rows = (await conn.query('SELECT range::INTEGER AS year, (range * 7 % 13)::INTEGER AS n FROM range(2019, 2026)')).toArray().map((r) => r.toJSON());
document.body.append(Plot.plot({ marks: [Plot.barY(rows, { x: 'year', y: 'n' })] }));
window.__chartAt = performance.now();
// The file into a table, as a dropped export must be (count(*) alone lets DuckDB skip building the
// columns: reported beside it, as the floor of a scan).
// warmBytes: first read that many bytes of it (cut after a line), as /upload reads its warm-up
// export before a drop: the same head start for the engine's compiled code.
window.__readCsv = async (file, warmBytes = 0) => {
	if (warmBytes) {
		const head = new Uint8Array(await file.slice(0, warmBytes).arrayBuffer());
		await db.registerFileBuffer('warm.csv', head.subarray(0, head.lastIndexOf(10) + 1));
		await conn.query("CREATE TABLE w AS SELECT * FROM read_csv('warm.csv', all_varchar = true); DROP TABLE w");
		await db.dropFile('warm.csv');
	}
	let t = performance.now();
	await db.registerFileBuffer('f.csv', new Uint8Array(await file.arrayBuffer()));
	await conn.query("CREATE TABLE t AS SELECT * FROM read_csv('f.csv', all_varchar = true)");
	const load = performance.now() - t;
	const n = (await conn.query('SELECT count(*)::INTEGER AS n FROM t')).toArray()[0].toJSON().n;
	await conn.query('DROP TABLE t');
	t = performance.now();
	await conn.query("SELECT count(*) FROM read_csv('f.csv', all_varchar = true)");
	return { ms: load, scan: performance.now() - t, rows: n };
};
`
	);
	await esbuild({ entryPoints: [entry], bundle: true, format: 'esm', minify: true, outfile: path.join(dir, 'baseline.js'), logLevel: 'error', nodePaths: [path.resolve('node_modules')] });
	writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>baseline</title><input type="file" id="f"><script type="module" src="baseline.js"></script>');
}

/** Marks when figures and charts appear, and when <main data-state> turns ready. */
const OBSERVER = () => {
	window.__marks = {};
	const seen = () => {
		const m = window.__marks;
		if (!m.figures && document.querySelector('[data-kpi="beneficiaries"][data-value]')) m.figures = performance.now();
		if (!m.charts && document.querySelector('[data-chart="trend"] svg')) m.charts = performance.now();
	};
	new MutationObserver(seen).observe(document, { childList: true, subtree: true });
	document.addEventListener('DOMContentLoaded', seen);
};

async function pageLoad(browser, url, done) {
	const page = await browser.newPage();
	await page.addInitScript(OBSERVER);
	// Playwright sees the page's and its workers' requests (the wasm is fetched by DuckDB's worker).
	let bytes = 0;
	const wasm = [];
	page.context().on('requestfinished', async (request) => {
		const sizes = await request.sizes().catch(() => null);
		if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
		if (request.url().endsWith('.wasm')) wasm.push(request.url());
	});
	await page.goto(url);
	await timeout(page.waitForFunction(done), 60_000, `${url} did not finish loading`);
	const marks = await page.evaluate(() => {
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
		return { ...window.__marks, fcp, chartAt: window.__chartAt };
	});
	return { page, marks, bytes: () => bytes, wasm };
}

async function benchPages(browser, base) {
	const ours = [];
	const baseline = [];
	for (let i = 0; i < RUNS; i++) {
		const o = await pageLoad(browser, `${base}/`, () => document.querySelector('main')?.getAttribute('data-state') === 'ready');
		ours.push(o.marks);
		await o.page.close();
		const b = await pageLoad(browser, `${base}/__baseline/`, () => window.__chartAt !== undefined);
		baseline.push(b.marks);
		await b.page.close();
	}
	const figures = median(ours.map((m) => Math.max(m.figures ?? 0, m.fcp ?? 0)));
	const charts = median(ours.map((m) => Math.max(m.charts ?? 0, m.fcp ?? 0)));
	const bare = median(baseline.map((m) => m.chartAt));
	row('time to first figures (visible: max(DOM, first paint))', ms(figures), ms(bare), ratio(figures, bare), '≤ 200 ms');
	row('time to default charts', ms(charts), ms(bare), ratio(charts, bare), '≤ 200 ms');

	// A look-only visit: 5 s, no interaction.
	const look = await pageLoad(browser, `${base}/`, () => document.readyState === 'complete');
	await look.page.waitForTimeout(5000);
	const lookBytes = look.bytes();
	const lookWasm = look.wasm.length;
	await look.page.close();
	const bareLook = await pageLoad(browser, `${base}/__baseline/`, () => window.__chartAt !== undefined);
	await bareLook.page.waitForTimeout(1000);
	row('bytes of a look-only visit (5 s)', `${kb(lookBytes)}${lookWasm ? ' (wasm fetched!)' : ', no wasm'}`, kb(bareLook.bytes()), ratio(lookBytes, bareLook.bytes()), '≤ 300 KB, no wasm');
	await bareLook.page.close();

	// Filters: the first change starts DuckDB (a fresh page each time: median of RUNS); later ones reuse it.
	const change = (page, value, name = 'from') =>
		page.evaluate(async ([value, name]) => {
			const select = document.querySelector(`select[name="${name}"]`);
			const main = document.querySelector('main');
			const t = performance.now();
			select.value = value;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await new Promise((resolve) => {
				const check = () => (main.getAttribute('data-state') === 'ready' ? resolve(undefined) : requestAnimationFrame(check));
				requestAnimationFrame(check);
			});
			return performance.now() - t;
		}, [value, name]);
	// The first change is one away from the default view (prepared at build time); the second,
	// made at once, is two away: the engine must answer it, so it waits for DuckDB to start.
	const firsts = [];
	const engineFirsts = [];
	let page;
	for (let i = 0; i < RUNS; i++) {
		await page?.close();
		page = await browser.newPage();
		await page.goto(`${base}/`);
		await page.waitForSelector('main[data-state="ready"]');
		firsts.push(await timeout(change(page, '2023'), 60_000, 'first filter change'));
		engineFirsts.push(await timeout(change(page, '2024', 'to'), 60_000, 'first change the engine answers'));
	}
	const later = [];
	for (let i = 0; i < 20; i++) later.push(await change(page, i % 2 ? '2023' : '2021'));
	await page.close();
	const first = median(firsts);
	row(`first filter change → figures (a view one change away: prepared at build; median of ${RUNS}, ${ms(Math.min(...firsts))}–${ms(Math.max(...firsts))})`, ms(first), ms(bare), ratio(first, bare), '≤ 1500 ms');
	const engineFirst = median(engineFirsts);
	row(`  then a view two changes away → figures (DuckDB start included; ${ms(Math.min(...engineFirsts))}–${ms(Math.max(...engineFirsts))})`, ms(engineFirst), ms(bare), ratio(engineFirst, bare), '');
	row('later filter changes (median of 20)', ms(median(later)), '', '', '≤ 50 ms');
}

/**
 * One drop on /upload, until the dashboard is ready or an error is shown. The page starts DuckDB
 * as it opens and then reads a small invented export (engine "warm"): `when` is "warm" (staff
 * who open the page, then find their file) or "started" (a drop the moment the engines are up,
 * which stops the warm-up).
 */
async function dropOnce(browser, base, file, label, when) {
	const page = await browser.newPage();
	page.on('pageerror', (e) => console.error('page error:', e.message));
	await page.goto(`${base}/upload/`);
	await page.waitForSelector(`main[data-state="ready"][data-engine="${when}"]`, { timeout: 60_000 });
	// How long after navigating the page was ready for this drop (its engines started, or warmed up).
	const opened = await page.evaluate(() => performance.now());
	await page.evaluate(() => {
		const input = document.querySelector('[data-testid="drop-zone"] input[type="file"]');
		input.addEventListener('change', () => (window.__dropAt = performance.now()), { capture: true });
	});
	const started = Date.now();
	await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', file);
	try {
		await timeout(
			page.waitForFunction(
				() =>
					document.querySelector('[data-testid="upload-error"]') ||
					(document.querySelector('[data-testid="ingest-summary"]') && document.querySelector('main')?.getAttribute('data-state') === 'ready'),
				undefined,
				{ timeout: 0, polling: 50 }
			),
			180_000,
			`${label} drop`
		);
		const error = page.locator('[data-testid="upload-error"]');
		if (await error.count()) return { message: await error.innerText() };
		const shown = await page.evaluate(() => performance.now() - window.__dropAt);
		// Then the release at every level and its audit (HiGHS is fetched now), until the download is offered.
		await page.waitForSelector('[data-testid="download-release"]', { timeout: 180_000 });
		return {
			ms: shown,
			released: await page.evaluate(() => performance.now() - window.__dropAt),
			read: await page.getAttribute('[data-testid="ingest-summary"]', 'data-rows-read'),
			workers: page.workers().length,
			opened
		};
	} catch (error) {
		return { message: `${error.message} after ${((Date.now() - started) / 1000).toFixed(0)} s` };
	} finally {
		await page.close();
	}
}

/** Bytes of /upload's warm-up export (WARM_UP_ROWS invented rows): the baseline reads as many first. */
const WARM_UP_BYTES = 8_000_000;

async function bareReadCsv(browser, base, file, label, warmBytes) {
	const bare = await browser.newPage();
	await bare.goto(`${base}/__baseline/`);
	await bare.waitForFunction(() => window.__chartAt !== undefined);
	await bare.setInputFiles('#f', file);
	const result = await timeout(bare.evaluate((warm) => window.__readCsv(document.querySelector('#f').files[0], warm), warmBytes), 180_000, `${label} baseline read_csv`).catch(
		(e) => ({ ms: NaN, scan: NaN, rows: e.message })
	);
	await bare.close();
	return result;
}

async function benchUpload(browser, base, file, label, runs, when = 'warm') {
	const ours = [];
	const bare = [];
	for (let i = 0; i < runs; i++) {
		ours.push(await dropOnce(browser, base, file, label, when));
		bare.push(await bareReadCsv(browser, base, file, label, when === 'warm' ? WARM_UP_BYTES : 0));
		if (ours[i].message) break;
	}
	const failed = ours.find((o) => o.message);
	const oursMs = median(ours.map((o) => o.ms));
	const bareMs = median(bare.map((b) => b.ms));
	const spread = ours.length > 1 ? `, ${ms(Math.min(...ours.map((o) => o.ms)))}–${ms(Math.max(...ours.map((o) => o.ms)))}` : '';
	const openedAt = median(ours.map((o) => o.opened));
	const moment = when === 'warm' ? `once the page has warmed up (at ${ms(openedAt)})` : `the moment its engines start (at ${ms(openedAt)})`;
	const warmed = when === 'warm' ? ', after reading its first 8 MB' : ', a fresh page';
	row(
		`/upload: ${label} (${(statSync(file).size / 1e6).toFixed(0)} MB) dropped ${moment} → dashboard ready (${ours[0].workers ?? '?'} DuckDB workers; median of ${ours.length}${spread})`,
		failed ? `ended: ${failed.message}` : `${ms(oursMs)} (${ours[0].read} rows)`,
		`${ms(bareMs)} read_csv into a table (${bare[0].rows} rows${warmed})`,
		ratio(oursMs, bareMs),
		label.startsWith('1M') && when === 'warm' ? '≤ 3000 ms, ≤ 2.5×' : label.startsWith('5M') ? 'works or clear message' : ''
	);
	row(`  same, against a bare count(*) scan`, '', `${ms(median(bare.map((b) => b.scan)))} count(*) read_csv`, ratio(oursMs, median(bare.map((b) => b.scan))));
	if (!failed) row(`  then the release at every level, audited in the page (the solver fetched then) → download offered`, ms(median(ours.map((o) => o.released))), '', '', '');
}

/** The CSV's rows as an .xlsx as Excel writes one: registration dates as date cells (serial numbers), text in the shared-strings table. */
async function writeWorkbook(csvPath, xlsxPath) {
	const XLSX = await import('@e965/xlsx');
	const [header, ...lines] = readFileSync(csvPath, 'utf8').trimEnd().split('\n');
	const columns = header.split(',');
	const date = columns.indexOf('registration_date');
	const ws = XLSX.utils.aoa_to_sheet([columns, ...lines.map((l) => l.split(','))]);
	for (let r = 1; r <= lines.length; r++) {
		const cell = ws[XLSX.utils.encode_cell({ r, c: date })];
		const [y, m, d] = cell.v.split('-').map(Number);
		Object.assign(cell, { t: 'n', v: (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000, z: 'dd.mm.yyyy' });
	}
	const wb = XLSX.utils.book_new();
	XLSX.utils.book_append_sheet(wb, ws, 'Register');
	writeFileSync(xlsxPath, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }));
}

async function benchWorkbook(browser, base, tmp) {
	const csv = path.join(tmp, 'export-100000.csv');
	const xlsx = path.join(tmp, 'export-100000.xlsx');
	if (!existsSync(csv)) await writeSampleCsv(csv, { perYear: Math.ceil(100_000 / 7 / 1.07), seed: 11 });
	if (!existsSync(xlsx)) await writeWorkbook(csv, xlsx);
	const runs = 3;
	const book = [];
	const text = [];
	for (let i = 0; i < runs; i++) {
		book.push(await dropOnce(browser, base, xlsx, '100k workbook', 'warm'));
		text.push(await dropOnce(browser, base, csv, '100k CSV', 'warm'));
	}
	const failed = book.find((o) => o.message) ?? text.find((o) => o.message);
	const [bookMs, textMs] = [median(book.map((o) => o.ms)), median(text.map((o) => o.ms))];
	row(
		`/upload: 100k-row .xlsx (${(statSync(xlsx).size / 1e6).toFixed(1)} MB) dropped once warm → dashboard ready (median of ${runs})`,
		failed ? `ended: ${failed.message}` : `${ms(bookMs)} (${book[0].read} rows)`,
		`${ms(textMs)} the same rows as CSV (${(statSync(csv).size / 1e6).toFixed(1)} MB)`,
		ratio(bookMs, textMs),
		'≤ 5000 ms'
	);
}

async function benchBuildRelease(file) {
	const { createServer } = await import('vite');
	// No websocket, no watcher: like npm run release, a run opens no port.
	const vite = await createServer({ server: { middlewareMode: true, hmr: false, ws: false, watch: null }, appType: 'custom', logLevel: 'error' });
	try {
		const { createNodeEngine } = await vite.ssrLoadModule('/src/lib/server/engine-node.ts');
		const { loadExports } = await vite.ssrLoadModule('/src/lib/ingest/load-export.ts');
		const { release } = await vite.ssrLoadModule('/src/lib/release/index.ts');
		const { readFileSync } = await import('node:fs');
		const bytes = new Uint8Array(readFileSync(file));
		const engine = await createNodeEngine();
		let t = performance.now();
		await engine.registerBuffer('bare.csv', bytes);
		await engine.exec("CREATE TABLE bare AS SELECT * FROM read_csv('bare.csv', all_varchar = true)");
		const bare = performance.now() - t;
		await engine.exec('DROP TABLE bare');
		t = performance.now();
		const ingest = await loadExports(engine, [{ name: path.basename(file), bytes }]);
		const loaded = performance.now() - t;
		t = performance.now();
		const published = await release(ingest.rows, { k: 10, scope: ['organisation'], periods: [{ from: 2023, to: 2025 }] });
		const released = performance.now() - t;
		await engine.close();
		const auditMs = published.audit.reduce((s, a) => s + a.ms, 0);
		const checked = published.audit.reduce((s, a) => s + a.checked, 0);
		row(`build: ingest ${ingest.rowsRead} rows (${ingest.people} people), Node`, ms(loaded), `${ms(bare)} read_csv into a table`, ratio(loaded, bare));
		row(
			`build: release at every level + audit on ${ingest.rows.length} aggregated rows (${published.rows.length} out; ${published.rounds} round(s), ${checked} small hidden cells audited in ${ms(auditMs)})`,
			ms(released),
			'',
			'',
			'release + audit ≤ 10 s'
		);
		// Successive releases: the same export released against a release of its years but the last
		// (what republishing a new year costs), and the sample six weeks later against its first release.
		const { releaseAgainst } = await vite.ssrLoadModule('/src/lib/release/lineage.ts');
		const { releaseDocument } = await vite.ssrLoadModule('/src/lib/release/release-file.ts');
		const { laterExport } = await vite.ssrLoadModule('/tests/fixtures/successive.ts');
		const opts = { k: 10, scope: ['organisation'], periods: [{ from: 2023, to: 2025 }] };
		const last = Math.max(...ingest.rows.map((p) => p.year));
		const previous = releaseDocument(await release(ingest.rows.filter((p) => p.year < last), opts), `${last}-01-10`);
		t = performance.now();
		const again = await releaseAgainst(ingest.rows, previous, opts);
		const againMs = performance.now() - t;
		row(`build: the same export against a release of its years before ${last} (${again.frozenRows} rows frozen, ${again.newRows} new, audited)`, ms(againMs), `${ms(released)} its first release`, ratio(againMs, released), 'seconds');
		const sampleEngine = await createNodeEngine();
		const sampleText = readFileSync('data/sample-export.csv', 'utf8');
		const read = async (text) => (await loadExports(sampleEngine, [{ name: 'sample.csv', bytes: new TextEncoder().encode(text) }], { exportDate: '2026-02-26' })).rows;
		const sample = await read(sampleText);
		const laterRows = await read(laterExport(sampleText, { newIn2026: 60, late2024: 3, corrections: 5 }));
		await sampleEngine.close();
		t = performance.now();
		const first = await release(sample, opts);
		const firstMs = performance.now() - t;
		t = performance.now();
		const lineage = await releaseAgainst(laterRows, releaseDocument(first, '2026-01-15'), opts);
		const lineageMs = performance.now() - t;
		row(`build: the sample six weeks later against its first release (held back ${lineage.heldBack.people}, ${lineage.newRows} new rows, audited)`, ms(lineageMs), `${ms(firstMs)} the sample's first release`, ratio(lineageMs, firstMs), 'seconds');
	} finally {
		await vite.close();
	}
}

async function main() {
	if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
	if (!flag('no-build')) {
		console.log('building the site …');
		execFileSync('npx', ['vite', 'build'], { stdio: 'ignore' });
	}
	await writeBaseline(`${BUILD}/__baseline`);
	const tmp = path.join(os.tmpdir(), 'impact-bench');
	mkdirSync(tmp, { recursive: true });
	const server = await serveStatic(BUILD);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	try {
		console.log('page load and filters …');
		if (!flag('skip-pages')) await benchPages(browser, server.url);
		const big = path.join(tmp, `export-${ROWS}.csv`);
		if (!flag('skip-upload') || !flag('skip-build-release')) {
			if (!existsSync(big)) {
				console.log(`generating a ${ROWS}-row export …`);
				await writeSampleCsv(big, { perYear: Math.ceil(ROWS / 7 / 1.07), seed: 7 });
			}
		}
		if (!flag('skip-upload')) {
			console.log('dropping the large export on /upload …');
			await benchUpload(browser, server.url, big, `${(ROWS / 1e6).toFixed(0)}M rows`, 3);
			await benchUpload(browser, server.url, big, `${(ROWS / 1e6).toFixed(0)}M rows`, 3, 'started');
			if (flag('5m')) {
				const huge = path.join(tmp, 'export-5000000.csv');
				if (!existsSync(huge)) await writeSampleCsv(huge, { perYear: Math.ceil(5_000_000 / 7 / 1.07), seed: 7 });
				await benchUpload(browser, server.url, huge, '5M rows', 1);
			}
		}
		if (!flag('skip-workbook')) {
			console.log('dropping a 100k-row workbook on /upload …');
			await benchWorkbook(browser, server.url, tmp);
		}
		if (!flag('skip-build-release')) {
			console.log('releasing in Node …');
			await benchBuildRelease(big);
		}
	} finally {
		await browser.close();
		await server.close();
		rmSync(`${BUILD}/__baseline`, { recursive: true, force: true });
	}
	console.log(`\nImpact Dashboard benchmark — ${new Date().toISOString()}, ${os.cpus().length} cores, Chromium ${CHROMIUM}`);
	console.table(table);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
