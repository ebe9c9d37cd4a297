/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after the first visit (a shelter with a failing connection, a laptop in the field): each
 * file of this site that a page used is kept in the browser's cache and served from there when the
 * network fails. Pages and data go to the network first, so a new release shows as soon as it is
 * online. Hashed app files (/_app/immutable/) never change, so they are read from the cache first.
 * Registered by the pages people work on (/upload, /report: src/lib/offline/register.ts); once
 * registered, it serves the site's other pages too. Of the engine's two wasm builds, only the one
 * the browser fetched is kept. Same-origin requests only; nothing here fetches from elsewhere.
 */
import { build, version } from '$service-worker';
import { appCode, cacheable, isImmutable, KEEP } from '$lib/offline/policy';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `impact-dashboard-${version}`;

sw.addEventListener('install', () => sw.skipWaiting());

sw.addEventListener('activate', (event) =>
	event.waitUntil(
		(async () => {
			// A new build: the old files are not needed any more.
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	)
);

sw.addEventListener('fetch', (event) => {
	if (!cacheable(event.request, sw.location.origin)) return;
	event.respondWith(respond(event.request, (kept) => event.waitUntil(kept)));
});

/** The files a page fetched before this worker controlled it (its document first), and all of the app's code, which it loads only as it is used. */
sw.addEventListener('message', (event) => {
	if (event.data?.type !== KEEP || !Array.isArray(event.data.urls)) return;
	const urls: string[] = event.data.urls;
	const all = [...urls, ...appCode(build).map((path) => new URL(path, sw.location.href).href)];
	// The page is told when it is kept (it says so to staff on /upload).
	event.waitUntil(keep(all).then((complete) => event.ports[0]?.postMessage(complete)));
});

/** `later`: the copy is written while the page already reads the response (the engine's wasm streams into its compiler). */
async function respond(request: Request, later: (kept: Promise<unknown>) => void): Promise<Response> {
	const cache = await caches.open(CACHE);
	const head = request.method === 'HEAD';
	if (isImmutable(new URL(request.url)) && !head) {
		const hit = await cache.match(request);
		if (hit) return hit;
	}
	try {
		const response = await fetch(request);
		if (response.status === 200 && !head) later(cache.put(request, response.clone()));
		return response;
	} catch (error) {
		const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreMethod: head });
		if (hit) return head ? new Response(null, { status: hit.status, headers: hit.headers }) : hit;
		throw error;
	}
}

/** Whether every file could be kept. */
async function keep(urls: string[]): Promise<boolean> {
	const cache = await caches.open(CACHE);
	let complete = true;
	for (const url of urls) {
		const request = new Request(url);
		if (!cacheable(request, sw.location.origin) || (await cache.match(request))) continue;
		// From the browser's HTTP cache where the host lets it (hashed files): no second download.
		const response = await fetch(request).catch(() => null);
		if (response?.status === 200) await cache.put(request, response);
		else complete = false;
	}
	return complete;
}
