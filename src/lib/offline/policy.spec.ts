import { describe, expect, it } from 'vitest';
import { appCode, cacheable, isImmutable } from './policy';

// The site's origin and another one (another port is another origin): nothing here is fetched.
const ORIGIN = 'http://localhost:4173';
const request = (url: string, method = 'GET', headers: Record<string, string> = {}) => ({ url, method, headers: new Headers(headers) });

describe('what the service worker keeps', () => {
	it('keeps same-origin GETs of whole files, answers HEADs from them, and nothing else', () => {
		expect(cacheable(request(`${ORIGIN}/upload/`), ORIGIN)).toBe(true);
		expect(cacheable(request(`${ORIGIN}/_app/immutable/assets/duckdb-eh.x.wasm`, 'HEAD'), ORIGIN)).toBe(true);
		expect(cacheable(request(`${ORIGIN}/data/views.json`, 'POST'), ORIGIN)).toBe(false);
		expect(cacheable(request('http://localhost:5173/x.js'), ORIGIN)).toBe(false);
		expect(cacheable(request(`${ORIGIN}/big.bin`, 'GET', { range: 'bytes=0-99' }), ORIGIN)).toBe(false);
	});

	it('reads hashed app files from the cache first, and keeps the app code without the two wasm builds', () => {
		expect(isImmutable(new URL(`${ORIGIN}/_app/immutable/chunks/a.js`))).toBe(true);
		expect(isImmutable(new URL(`${ORIGIN}/ru/report/`))).toBe(false);
		expect(appCode(['/_app/immutable/chunks/a.js', '/_app/immutable/assets/duckdb-eh.x.wasm', '/_app/immutable/assets/duckdb-mvp.y.wasm', '/_app/immutable/assets/site.css'])).toEqual([
			'/_app/immutable/chunks/a.js',
			'/_app/immutable/assets/site.css'
		]);
	});
});
