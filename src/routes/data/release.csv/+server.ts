/** The published counts as CSV, with the display rules applied: small counts empty and flagged. */
import { siteData } from '$lib/server/site-data';
import { releaseCsv } from '$lib/release/release-csv';

export const prerender = true;

export async function GET() {
	const { release, settings } = await siteData();
	return new Response(releaseCsv(release, settings.k), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
