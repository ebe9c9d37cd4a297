/** Figures for the views one change away from the default (see $lib/indicators/views), computed from the release. */
import { json } from '@sveltejs/kit';
import { siteData } from '$lib/server/site-data';

export const prerender = true;

export async function GET() {
	return json((await siteData()).views);
}
