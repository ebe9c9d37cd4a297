/** The browser's engine holding the published release: started on the first interaction only. */
import { base } from '$app/paths';
import type { Engine } from './engine';
import { browserEngine } from './browser';
import { loadCounts } from '$lib/indicators';
import type { ReleaseRow } from '$lib/types';

let ready: Promise<Engine> | undefined;

export function publishedEngine(): Promise<Engine> {
	ready ??= (async () => {
		const [engine, response] = await Promise.all([browserEngine(), fetch(`${base}/data/release.json`)]);
		if (!response.ok) throw new Error(`The published figures could not be read (${response.status} ${response.statusText})`);
		const { rows } = (await response.json()) as { rows: ReleaseRow[] };
		await loadCounts(engine, rows);
		return engine;
	})().catch((error) => {
		ready = undefined;
		throw error;
	});
	return ready;
}
