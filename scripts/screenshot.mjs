/**
 * The README's screenshot, made again from the built sample site: `npm run build`, then
 * `node scripts/screenshot.mjs [build-dir] [out.png]` (defaults: build/, docs/dashboard.png).
 * Serves the build with the tests' static server and takes `/` in Chromium (/usr/bin/chromium or
 * CHROMIUM_PATH) once its figures and charts are drawn.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

const [buildDir = 'build', out = 'docs/dashboard.png'] = process.argv.slice(2);
const server = await serveStatic(buildDir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
	await page.goto(`${server.url}/`);
	await page.waitForSelector('main[data-state="ready"]');
	await page.waitForSelector('[data-chart="trend"] svg');
	await page.screenshot({ path: out });
	console.log(`${out}: / of ${buildDir} at 1280×900`);
} finally {
	await browser.close();
	await server.close();
}
