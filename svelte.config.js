import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/security-policy.mjs';

// BUILD_DIR lets a second build (a benchmark, a parallel check) leave build/ alone.
const OUT = process.env.BUILD_DIR ?? 'build';
// BASE_PATH=/impact builds a site that works under /impact/ (GitHub Pages serves a project's site
// under /<repository>/); it must start with a slash and not end with one.
const BASE = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
if (BASE && !/^\/[\w.~-]+(\/[\w.~-]+)*$/.test(BASE)) throw new Error(`BASE_PATH must look like /impact (got ${process.env.BASE_PATH})`);

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// A second build (BUILD_DIR set) keeps its own intermediate files too: two builds at once
		// would otherwise overwrite each other's .svelte-kit/output.
		outDir: OUT === 'build' ? '.svelte-kit' : `.svelte-kit-${OUT.replace(/[^\w-]/g, '_')}`,
		adapter: adapter({ pages: OUT, assets: OUT, fallback: undefined, strict: true }),
		// The CSS is small: inlined, it costs no render-blocking request before the first figures.
		inlineStyleThreshold: 8192,
		paths: { base: BASE },
		// A <meta> policy in every prerendered page (a static host sends no per-page header); its
		// script hashes are recomputed after the page is transformed (src/lib/server/script-hashes.ts).
		csp: { mode: 'hash', directives: CSP_DIRECTIVES },
		// Registered by the layout once the page has started (src/lib/offline/register.ts), not by
		// the boot script, whose shape defer-hydration.ts relies on.
		serviceWorker: { register: false },
		prerender: { entries: ['*', '/ru/', '/ky/'], handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};
