import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { headersFor, parseHeadersFile } from './scripts/security-policy.mjs';

// `npm start` sends the headers a static host would (static/_headers), so the policy is tried locally.
const securityHeaders = headersFor(parseHeadersFile(readFileSync('static/_headers', 'utf8')), '/');

export default defineConfig({
	plugins: [sveltekit()],
	// duckdb-wasm ships its own workers and wasm: let Vite copy them as assets, not pre-bundle them.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	// The workbook reader's worker loads SheetJS on demand (a dynamic import): only ES workers can.
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: true, headers: securityHeaders },
	test: {
		expect: { requireAssertions: true },
		// Vitest's default on 2 cores is one worker, which left a core idle while an end-to-end file
		// waits on Chromium or a unit file on DuckDB: two files at a time, unit and e2e mixed.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/*.spec.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.spec.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 300_000
				}
			}
		]
	}
});
