#!/usr/bin/env node
/**
 * npm run release -- FILE… [--previous data/release.json [--revise]] [--out release.json] [--export-date yyyy-mm-dd]
 *
 * The release of one or more exports, in Node, without a browser: prints the check report, the
 * information-loss report and the audit, and writes the same release.json that /upload offers
 * (the same transform, the same document: byte for byte, for the same export date). For staff
 * who work in a terminal, scheduled jobs, and exports too large for a browser. With --previous,
 * the release is made against the one published before it: its rows are carried unchanged, the
 * new years and the grown whole period are added, and changes in its years are held back (and
 * counted in the report, never in the file). With --revise, the held-back changes are published:
 * the whole export is released anew, and refused unless the change between the two files passes
 * its audit (no change of 1..k−1 people can be proven from both). k, the scope and
 * the grant periods come from data/settings.json (IMPACT_DATA_DIR to read another folder).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at < 0 ? fallback : args.splice(at, 2)[1];
};
const out = option('out', 'release.json');
const previous = option('previous', undefined);
const revision = args.includes('--revise');
const exportDate = option('export-date', new Date().toISOString().slice(0, 10));
const files = args.filter((a) => !a.startsWith('--'));

if (files.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(exportDate)) {
	console.error('usage: npm run release -- FILE… [--previous data/release.json [--revise]] [--out release.json] [--export-date yyyy-mm-dd]');
	process.exit(2);
}

// The app's TypeScript modules, as the build runs them, with no server around them: a command that
// reads case records opens no port (Vite's HMR websocket listened on 24678, all interfaces, even with
// hmr: false) and watches no files. Tested by scripts/release-no-port.spec.ts.
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const vite = await createServer({ root, server: { middlewareMode: true, hmr: false, ws: false, watch: null }, appType: 'custom', logLevel: 'error' });
try {
	const { releaseToFile } = await vite.ssrLoadModule('/src/lib/server/release-exports.ts');
	const exports = files.map((file) => ({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) }));
	const prior = previous && { name: previous, text: readFileSync(previous, 'utf8') };
	const { report, json } = await releaseToFile(exports, exportDate, prior, { revision });
	console.log(report);
	writeFileSync(out, json);
	console.log(`wrote ${out}`);
} catch (error) {
	// A refusal after the files were read: their check report first (counts and lines, never values).
	if (error && typeof error === 'object' && typeof error.check === 'string' && error.check) console.log(error.check);
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await vite.close();
}
