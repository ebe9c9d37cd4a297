/** What end-to-end tests share: the one browser, pages that record their requests, readiness, axe. */
import { inject } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { serveStatic } from '../../scripts/static-server.mjs';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export function connectBrowser(): Promise<Browser> {
	return chromium.connect(inject('wsEndpoint'));
}

/** `viewport`: the page's size in CSS pixels (Playwright's default is 1280×720). */
export async function openPage(browser: Browser, path: string, { viewport }: { viewport?: { width: number; height: number } } = {}) {
	const baseURL = inject('baseURL');
	const context = await browser.newContext({ acceptDownloads: true, ...(viewport ? { viewport } : {}) });
	const page = await context.newPage();
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	page.on('close', () => void context.close().catch(() => {}));
	await page.goto(new URL(path, baseURL).href);
	const origin = new URL(baseURL).origin;
	return {
		page,
		requests: () => [...urls],
		/** Every request to another origin (data: and blob: URLs stay in the page). */
		offOriginRequests: () => urls.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin)
	};
}

/** Waits for `main[data-state="ready"]`; fails at once, with the page's message, on "error". */
export async function waitReady(page: Page, timeout = 30_000): Promise<void> {
	const state = await page.waitForFunction(
		() => {
			const s = document.querySelector('main')?.getAttribute('data-state');
			return s === 'ready' || s === 'error' ? s : null;
		},
		undefined,
		{ timeout }
	);
	if ((await state.jsonValue()) === 'error') throw new Error(`page in error state: ${await page.locator('main').innerText()}`);
}

export interface AxeViolation {
	id: string;
	impact: string;
	help: string;
	targets: string[];
}

let axeScript: string | undefined;
function axeSource(): string {
	return (axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
	// Evaluated, not added as a <script>: the page's Content-Security-Policy blocks inline scripts.
	await page.evaluate(axeSource());
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
	});
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The bytes of a download (the browser is remote: no local path to read). */
export async function downloadBytes(download: Download): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * A site of its own (another data/ folder, a base path): `vite build` with these variables into
 * `env.BUILD_DIR`, served on a free port. `log`: what the build printed (its release report).
 */
export async function buildOwnSite(env: Record<string, string> & { BUILD_DIR: string }, basePath = '') {
	const run = spawnSync('npx', ['vite', 'build'], { env: { ...process.env, NODE_ENV: 'production', ...env }, encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`vite build (${JSON.stringify(env)}) failed:\n${run.stdout}\n${run.stderr}`);
	const server: { url: string; close: () => Promise<void> } = await serveStatic(env.BUILD_DIR, 0, basePath);
	return { server, log: run.stdout };
}

/** A page of a site of its own (see buildOwnSite), ready. */
export async function openReady(browser: Browser, url: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	page.on('close', () => void context.close().catch(() => {}));
	await page.goto(url);
	await waitReady(page);
	return page;
}
