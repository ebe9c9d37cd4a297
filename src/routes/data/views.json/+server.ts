/** Figures for the views one change away from the default (see $lib/indicators/views), computed from the release. */
import { json } from '@sveltejs/kit';
import { publishedCounts, siteData } from '$lib/server/site-data';
import { computeIndicators, type Indicators } from '$lib/indicators';
import { oneChangeAway, viewKey } from '$lib/indicators/views';

export const prerender = true;

export async function GET() {
	const { settings, options, defaultFilters } = await siteData();
	const engine = await publishedCounts();
	const views: Record<string, Indicators> = {};
	for (const view of oneChangeAway(defaultFilters, options, settings.scope))
		views[viewKey(view)] = await computeIndicators(engine, view.filters, { stackBy: view.stackBy, groupInScope: settings.scope.includes('group') });
	return json(views);
}
