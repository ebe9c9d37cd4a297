/** The browser's engine holding the published release: started on the first interaction only. */
import { base } from '$app/paths';
import type { Engine } from '$lib/db/engine';
import { browserEngine, engineEnded } from '$lib/db/browser';
import { loadCounts, type OtherCountries } from '$lib/indicators';
import type { ReleaseRow } from '$lib/types';

let ready: Promise<Engine> | undefined;

export function publishedEngine(): Promise<Engine> {
	ready ??= (async () => {
		const [engine, response] = await Promise.all([browserEngine(), fetch(`${base}/data/release.json`)]);
		if (!response.ok) throw new Error(`The published figures could not be read (${response.status} ${response.statusText})`);
		// otherCountries: how many countries each published "Other nationalities" holds (the nationalities figure).
		const { rows, otherCountries } = (await response.json()) as { rows: ReleaseRow[]; otherCountries?: OtherCountries[] };
		await loadCounts(engine, rows, otherCountries ?? []);
		// Its worker ended (the browser stopped it): the next change starts and loads a new one.
		engineEnded(engine).catch(() => (ready = undefined));
		return engine;
	})().catch((error) => {
		ready = undefined;
		throw error;
	});
	return ready;
}
