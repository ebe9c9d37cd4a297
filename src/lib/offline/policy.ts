/** What the service worker keeps for offline use (pure, so that it can be tested outside a worker). */

/** The message a page sends with the files it fetched before the service worker controlled it. */
export const KEEP = 'keep';

/**
 * Same-origin GETs of whole files are kept (a 206 partial response cannot be cached); a HEAD is
 * answered from a kept GET when offline (the page asks about the engine's wasm before starting it).
 */
export function cacheable(request: Pick<Request, 'method' | 'url' | 'headers'>, origin: string): boolean {
	return (request.method === 'GET' || request.method === 'HEAD') && new URL(request.url).origin === origin && !request.headers.has('range');
}

/** Hashed app files: a new build has new names, so a kept copy is always right. */
export function isImmutable(url: URL): boolean {
	return url.pathname.includes('/_app/immutable/');
}

/**
 * The app's code among the build's files: not the engine's WebAssembly, of which there are two
 * builds (~35 MB each) and the browser uses one: it is kept when the page fetches it.
 */
export function appCode(files: string[]): string[] {
	return files.filter((file) => !file.endsWith('.wasm'));
}
