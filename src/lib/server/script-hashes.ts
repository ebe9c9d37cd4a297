/**
 * SvelteKit hashes the inline scripts it writes into the page's Content-Security-Policy, then the
 * page is transformed (deferHydration rewrites the boot script) and app.html adds a script of its
 * own: the <meta> policy is given the hashes of the scripts the page finally holds, so the browser
 * runs exactly those.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function hashInlineScripts(html: string): string {
	const meta = html.match(META);
	if (!meta) return html;
	const hashes = [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => sha256(m[1])))];
	const policy = meta[2]
		.replaceAll('&#39;', "'")
		.split(';')
		.map((directive) => {
			const [name, ...values] = directive.trim().split(/\s+/);
			if (name !== 'script-src') return directive.trim();
			return [name, ...values.filter((v) => !v.startsWith("'sha256-")), ...hashes].join(' ');
		})
		.join('; ');
	return html.replace(META, (_, open, _content, close) => open + policy + close);
}
