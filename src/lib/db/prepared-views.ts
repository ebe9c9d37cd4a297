/**
 * The build's prepared views (a few KB), fetched when the user reaches for a filter: a first
 * change is then answered from it while DuckDB-wasm starts. Not there, or not readable: the
 * engine answers, as for any other view.
 */
import { base } from '$app/paths';
import type { Indicators } from '$lib/indicators';
import { viewKey, type View } from '$lib/indicators/views';

let file: Promise<Record<string, Indicators>> | undefined;

export function preparedViews(): Promise<Record<string, Indicators>> {
	file ??= fetch(`${base}/data/views.json`)
		.then((response) => (response.ok ? response.json() : {}))
		.catch(() => ({}));
	return file;
}

export async function preparedView(view: View): Promise<Indicators | undefined> {
	return (await preparedViews())[viewKey(view)];
}
