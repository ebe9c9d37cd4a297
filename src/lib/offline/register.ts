/**
 * Offline use of a page people work on (/upload, /report): the service worker is registered once
 * the page has started (never before its first figures), and is given the files this page fetched
 * before it took control, so that this very page works offline too; it also keeps all of the
 * app's code, which these pages load only as it is used. Nothing happens where service workers are
 * unavailable (plain http:// other than localhost): the site works without them.
 */
import { base } from '$app/paths';
import { KEEP } from './policy';

/**
 * Resolves to whether this page is now kept whole (it then works offline). `extra`: files the app
 * may need that SvelteKit's list of its code does not hold (a worker bundled by Vite).
 */
export async function registerOffline(extra: string[] = []): Promise<boolean> {
	if (!('serviceWorker' in navigator)) return false;
	try {
		await navigator.serviceWorker.register(`${base}/service-worker.js`, { scope: `${base}/` });
		const { active } = await navigator.serviceWorker.ready;
		if (!active) return false;
		const sameOrigin = (url: string) => new URL(url, location.href).origin === location.origin;
		const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name), ...extra.map((url) => new URL(url, location.href).href)].filter(sameOrigin);
		const answer = new MessageChannel();
		const kept = new Promise<boolean>((resolve) => (answer.port1.onmessage = (event) => resolve(event.data === true)));
		active.postMessage({ type: KEEP, urls }, [answer.port2]);
		return await kept;
	} catch {
		return false; // offline use is a convenience: the site works without it
	}
}
