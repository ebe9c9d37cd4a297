/**
 * A tiny static server for build/: correct MIME types (a wasm served as anything but
 * application/wasm makes DuckDB's instantiate() hang), folders → index.html. For tests and the
 * benchmark; `npm start` uses `vite preview`. It sends the headers of the build's _headers file, as
 * the static hosts that read it do.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { headersFor, parseHeadersFile } from './security-policy.mjs';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * Serve `root` on 127.0.0.1 (port 0 = any free one), under `prefix` (a base path such as
 * "/impact", as GitHub Pages serves a project's site): anything outside it is not found.
 * @param {string} root
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export function serveStatic(root, port = 0, prefix = '') {
	const base = path.resolve(root);
	const headersFile = path.join(base, '_headers');
	const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
	const server = createServer((req, res) => {
		const full = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (prefix && full !== prefix && !full.startsWith(`${prefix}/`)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		const pathname = full.slice(prefix.length) || '/';
		let file = path.join(base, pathname);
		if (!file.startsWith(base)) return void res.writeHead(403).end();
		try {
			if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
			const { size } = statSync(file);
			res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': size, ...headersFor(rules, pathname) });
			createReadStream(file).pipe(res);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		}
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () => {
			const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
			resolve({ url: `http://127.0.0.1:${actual}${prefix}`, close: () => new Promise((r) => server.close(() => r())) });
		})
	);
}
