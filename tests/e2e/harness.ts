/** What end-to-end tests share: the one browser, pages that record their requests, readiness, axe. */
import { inject } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
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
