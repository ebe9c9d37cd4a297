import type { Highs } from 'highs';

let started: Promise<Highs> | undefined;

/**
 * HiGHS for `audit()` in the browser (/upload): self-hosted, its wasm an asset of the build, never
 * a CDN. Everything is imported on the first call, so no page loads the 3.5 MB wasm until it
 * audits; later audits reuse the runtime. Vite serves `highs/runtime` (the package's export of
 * build/highs.wasm) as a hashed asset and `locateFile` points the loader at it, rather than relying
 * on the loader's own `new URL('highs.wasm', import.meta.url)`, which pre-bundling in dev breaks.
 */
export function browserSolver(): Promise<Highs> {
	started ??= Promise.all([import('highs'), import('highs/runtime?url')]).then(([{ default: load }, { default: wasm }]) =>
		load({ locateFile: () => wasm })
	);
	return started;
}
