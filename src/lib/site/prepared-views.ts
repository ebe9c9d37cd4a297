/**
 * The build's prepared views (tens of KB), fetched when the user reaches for a filter: a first
 * change is then answered from them while DuckDB-wasm starts. Not there, or not readable: the
 * engine answers, as for any other view.
 */
import { base } from '$app/paths';
import type { Indicators } from '$lib/indicators';
import type { Report } from '$lib/report';
import { viewKey, type View } from '$lib/indicators/views';

/** The dashboard's figures, and the grant report's, each in its own file. */
interface Prepared {
	views: Indicators;
	'report-views': Report;
}

const files = new Map<keyof Prepared, Promise<Record<string, unknown>>>();

export function preparedViews(name: keyof Prepared): Promise<Record<string, unknown>> {
	let file = files.get(name);
	if (!file) {
		file = fetch(`${base}/data/${name}.json`)
			.then((response) => (response.ok ? response.json() : {}))
			.catch(() => ({}));
		files.set(name, file);
	}
	return file;
}

export async function preparedView<K extends keyof Prepared>(name: K, view: View): Promise<Prepared[K] | undefined> {
	return (await preparedViews(name))[viewKey(view)] as Prepared[K] | undefined;
}
