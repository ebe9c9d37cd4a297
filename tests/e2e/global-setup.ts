/**
 * One build and one browser for the whole end-to-end run: `vite build` once, build/ served on a
 * free loopback port, one Chromium that every test file connects to.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/static-server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where `vite build` writes the site (svelte.config.js reads the same variable). */
export const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		wsEndpoint: string;
	}
}

export default async function setup(project: TestProject) {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`Chromium not found at ${CHROMIUM}: the end-to-end tests need it. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`
		);
	try {
		// Vitest sets NODE_ENV=test, which would make this a development build (Svelte's dev runtime,
		// ≈30 KB more): test the site that ships.
		execFileSync('npx', ['vite', 'build'], { stdio: 'pipe', encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string };
		throw new Error(`vite build failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
	}
	const server = await serveStatic(BUILD_DIR);
	const browser: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	project.provide('baseURL', server.url);
	project.provide('wsEndpoint', browser.wsEndpoint());
	return async () => {
		await browser.close();
		await server.close();
	};
}
