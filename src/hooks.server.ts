import type { Handle } from '@sveltejs/kit';
import { injectCharts } from '$lib/server/render-charts';
import { deferHydration } from '$lib/server/defer-hydration';
import { hashInlineScripts } from '$lib/server/script-hashes';

/**
 * <html lang> follows the route's language: /ru/… is Russian, /ky/… Kyrgyz, the rest English; a page's
 * prerendered charts fill their slots; the app starts after the first paint; the page's
 * Content-Security-Policy names the scripts it finally holds.
 */
export const handle: Handle = ({ event, resolve }) => {
	const lang = event.params.lang ?? 'en';
	return resolve(event, {
		transformPageChunk: ({ html }) => hashInlineScripts(deferHydration(injectCharts(html.replace('%lang%', lang), event.locals.charts)))
	});
};
