/** The release itself: count tables only, every row ≥ k people (the one documented exception aside). */
import { json } from '@sveltejs/kit';
import { siteData } from '$lib/server/site-data';

export const prerender = true;

export async function GET() {
	const { release, loss, settings } = await siteData();
	return json({ k: settings.k, scope: settings.scope, exportDate: settings.exportDate, rows: release, loss });
}
