/**
 * The Content-Security-Policy every page declares, and the security headers static hosts send.
 * One source for svelte.config.js (the <meta> policy, with each page's script hashes), the local
 * servers (vite preview, the tests' and the benchmark's server) and static/_headers (checked
 * against this file by tests/deploy.spec.ts).
 *
 * - script-src: the app's own files and, by hash, the page's inline scripts; 'wasm-unsafe-eval'
 *   lets DuckDB and HiGHS compile their WebAssembly (it allows no JavaScript eval).
 * - style-src 'unsafe-inline': Plot writes style attributes and <style> elements into its SVG,
 *   and Svelte sets style attributes. A style cannot send a dropped export anywhere while
 *   connect-src, img-src and font-src stay on this origin.
 * - worker-src blob:: DuckDB-wasm may wrap its worker in a blob URL.
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'worker-src': ['self', 'blob:'],
	'manifest-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic']);

/** @param {Record<string, string[]>} directives */
export function policyText(directives) {
	return Object.entries(directives)
		.map(([name, values]) => [name, ...values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))].join(' '))
		.join('; ');
}

/**
 * The header policy: a static host cannot know each page's script hashes, so its script-src
 * allows inline scripts and the page's <meta> policy narrows them to its own hashes (a browser
 * enforces both). It adds what a <meta> cannot say: never framed.
 */
export const HEADER_CSP = policyText({
	...CSP_DIRECTIVES,
	'script-src': [...CSP_DIRECTIVES['script-src'], 'unsafe-inline'],
	'frame-ancestors': ['none']
});

/**
 * Headers per path pattern, as static/_headers (Netlify, Cloudflare Pages) writes them: a line
 * that starts without a space is a path, the indented lines under it are its headers.
 * @param {string} text
 * @returns {{ path: string, headers: Record<string, string> }[]}
 */
export function parseHeadersFile(text) {
	/** @type {{ path: string, headers: Record<string, string> }[]} */
	const rules = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
		else if (rules.length) {
			const colon = line.indexOf(':');
			rules[rules.length - 1].headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
		}
	}
	return rules;
}

/**
 * The headers for one path: every rule whose pattern matches (a trailing * matches the rest).
 * @param {ReturnType<typeof parseHeadersFile>} rules
 * @param {string} pathname
 */
export function headersFor(rules, pathname) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const rule of rules) {
		const match = rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
		if (match) Object.assign(out, rule.headers);
	}
	return out;
}
