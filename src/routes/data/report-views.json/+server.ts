/**
 * The grant report for the views one change away from its default (the first grant period), and
 * for each grant period: a director's first choice is answered without waiting for DuckDB-wasm.
 * Computed from the release, like the prerendered report.
 */
import { json } from '@sveltejs/kit';
import { publishedCounts, siteData } from '$lib/server/site-data';
import { buildReport, type Report } from '$lib/report';
import { reportPeriod } from '$lib/settings';
import { oneChangeAway, viewKey, type View } from '$lib/indicators/views';

export const prerender = true;

export async function GET() {
	const { settings, options, headline } = await siteData();
	const engine = await publishedCounts();
	const period = reportPeriod(settings, headline);
	const views: View[] = [
		...oneChangeAway({ from: period.from, to: period.to }, options, settings.scope),
		...settings.periods.map((p) => ({ filters: { from: p.from, to: p.to }, stackBy: 'none' as const }))
	];
	const reports: Record<string, Report> = {};
	for (const view of views) reports[viewKey(view)] ??= await buildReport(engine, { ...view.filters, from: view.filters.from!, to: view.filters.to! }, settings.country);
	return json(reports);
}
