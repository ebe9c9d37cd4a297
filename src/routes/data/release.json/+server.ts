/** The release itself: count tables at every level, every row ≥ k people, with its audit. */
import { json } from '@sveltejs/kit';
import { siteData } from '$lib/server/site-data';
import { RELEASE_FORMAT, type ReleaseDocument } from '$lib/release/release-file';

export const prerender = true;

export async function GET() {
	const { release, otherCountries, loss, audit, settings } = await siteData();
	const doc: ReleaseDocument = { format: RELEASE_FORMAT, k: settings.k, scope: settings.scope, periods: loss.periods, exportDate: settings.exportDate, rows: release, otherCountries, loss, audit };
	return json(doc);
}
