/**
 * The prerendered page is complete without JavaScript (figures, charts, tables); the app only adds
 * filters. SvelteKit's boot script and its ~24 modulepreloads start fetching, compiling and running
 * ~120 KB of modules while the page is still to be painted, and on a 2-core machine that delays the
 * first figures by ~60 ms (measured: first paint 216–240 → 168–184 ms median, the same as with
 * JavaScript off; the app is ready ~60 ms later). So the page is painted first: the modulepreloads
 * are added back, and the app imported, once the first paint is recorded.
 */

const PRELOAD = /\s*<link href="([^"]+)" rel="modulepreload">/g;
const BOOT = 'Promise.all([';
const STARTED = ']).then(([kit, app]) => {';

/** Runs once the page has painted; a hidden tab (which does not paint) starts on a timer instead. */
const afterFirstPaint = (hrefs: string[]) =>
	`new Promise((go) => { new PerformanceObserver(() => setTimeout(go)).observe({ type: 'paint', buffered: true }); setTimeout(go, 1000); }).then(() => { ` +
	`for (const href of ${JSON.stringify(hrefs)}) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href })); ` +
	`return ${BOOT}`;

/**
 * Rewrites a page whose boot script SvelteKit wrote as `Promise.all([import(start), import(app)])
 * .then(([kit, app]) => kit.start(…))`. A page without that script is returned as it is; one whose
 * script has another shape fails the build rather than ship a page that never starts.
 */
export function deferHydration(html: string): string {
	if (!html.includes(BOOT)) return html;
	if (html.split(BOOT).length !== 2 || html.split(STARTED).length !== 2) {
		throw new Error('deferHydration: SvelteKit’s boot script has changed shape; update src/lib/server/defer-hydration.ts');
	}
	const hrefs = [...html.matchAll(PRELOAD)].map((m) => m[1]);
	return html
		.replace(PRELOAD, '')
		.replace(BOOT, afterFirstPaint(hrefs))
		.replace(STARTED, `]); })${STARTED.slice(2)}`);
}
