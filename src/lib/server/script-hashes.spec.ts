import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hashInlineScripts } from './script-hashes';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('hashInlineScripts', () => {
	it('gives the policy the hashes of the inline scripts the page finally holds, not those it was written with', () => {
		const html =
			`<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39; &#39;sha256-OLD=&#39;; style-src &#39;self&#39;">` +
			`<script type="module" src="/_app/x.js"></script></head><body><script>boot()</script><script>ready()</script><script>boot()</script></body>`;
		const out = hashInlineScripts(html);
		const policy = out.match(/content="([^"]*)"/)![1];
		expect(policy).toBe(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${sha('boot()')} ${sha('ready()')}; style-src 'self'`);
		expect(out.replace(/content="[^"]*"/, '')).toBe(html.replace(/content="[^"]*"/, ''));
	});

	it('leaves a page without a policy as it is', () => {
		expect(hashInlineScripts('<script>x()</script>')).toBe('<script>x()</script>');
	});
});
