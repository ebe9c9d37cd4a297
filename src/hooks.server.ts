import type { Handle } from '@sveltejs/kit';

/** <html lang> follows the path: /ru/… is Russian, /ky/… Kyrgyz, the rest English. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = /^\/(ru|ky)(\/|$)/.exec(event.url.pathname)?.[1] ?? 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
