/** The release itself: count tables at every level, every row ≥ k people, with its audit. */
import { json } from '@sveltejs/kit';
import { siteData } from '$lib/server/site-data';
import { releaseDocument } from '$lib/release/release-file';

export const prerender = true;

export async function GET() {
	const { release, otherCountries, loss, audit, exportDate, span, headline, lineage } = await siteData();
	return json(releaseDocument({ rows: release, otherCountries, loss, audit, span, headline, lineage }, exportDate));
}
