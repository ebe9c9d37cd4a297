/**
 * HiGHS for the audit in the browser: self-hosted (its wasm is an asset of the build, never a
 * CDN) and imported only when /upload audits a release — 3.5 MB that the public pages never load.
 */
import type { Highs } from 'highs';

let started: Promise<Highs> | undefined;

export function browserSolver(): Promise<Highs> {
	started ??= Promise.all([import('highs'), import('highs/runtime?url')]).then(([{ default: load }, { default: wasm }]) => load({ locateFile: () => wasm }));
	return started;
}
