/**
 * Offline use: the service worker is registered once the page has started (never before its first
 * figures), and is given the files this page fetched before it took control, so that this very
 * page works offline too. Nothing happens where service workers are unavailable (plain http://
 * other than localhost): the site works without them.
 */
import { KEEP } from './policy';

/** `app`: keep all of the app's code too (a page people work on, which loads code as it is used). */
export function registerOffline(scriptUrl: string, scope: string, app: boolean): void {
	if (!('serviceWorker' in navigator)) return;
	navigator.serviceWorker
		.register(scriptUrl, { scope })
		.then(() => keepForOffline(app))
		.catch(() => {});
}

/** Ask the service worker to keep what this page has fetched so far. */
function keepForOffline(app: boolean): Promise<void> {
	if (!('serviceWorker' in navigator)) return Promise.resolve();
	const sameOrigin = (url: string) => new URL(url, location.href).origin === location.origin;
	const urls = () => [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)].filter(sameOrigin);
	return navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: KEEP, urls: urls(), app }));
}
