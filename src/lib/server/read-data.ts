/** The build's inputs: data/settings.json and the CSV exports beside it (Node only). */
import { EXPORT_EXTENSIONS } from '$lib/ingest/formats';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { normalizeSettings, type Settings } from '$lib/settings';
import type { ExportFile } from '$lib/ingest/load-export';
import { RELEASE_FILE, parseReleaseDocument, type ReleaseDocument } from '$lib/release/release-file';

export const DATA_DIR = path.resolve(process.env.IMPACT_DATA_DIR ?? 'data');

export async function readSettings(dir = DATA_DIR): Promise<Settings> {
	const file = path.join(dir, 'settings.json');
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		throw new Error(`${path.relative(process.cwd(), file)}: missing (the site's settings: title, k, scope, periods)`);
	}
	try {
		return normalizeSettings(JSON.parse(text), path.relative(process.cwd(), file));
	} catch (error) {
		throw new Error(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
	}
}

/**
 * Every export in data/ — CSV, workbook or Parquet (sorted, so a build is deterministic); other
 * files are not exports. A .txt or .tsv is left out here: data/ holds notes too.
 */
export async function readExports(dir = DATA_DIR): Promise<ExportFile[]> {
	const exports = EXPORT_EXTENSIONS.filter((ext) => ext !== '.txt' && ext !== '.tsv');
	const names = (await readdir(dir)).filter((name) => exports.some((ext) => name.toLowerCase().endsWith(ext))).sort();
	return Promise.all(
		names.map(async (name) => ({ name: path.relative(process.cwd(), path.join(dir, name)), bytes: new Uint8Array(await readFile(path.join(dir, name))) }))
	);
}

/** A release downloaded from /upload, if data/ holds one instead of raw exports. */
export async function readRelease(k: number, dir = DATA_DIR): Promise<ReleaseDocument | null> {
	const file = path.join(dir, RELEASE_FILE);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return null;
	}
	const source = path.relative(process.cwd(), file);
	try {
		return parseReleaseDocument(JSON.parse(text), source, k);
	} catch (error) {
		throw new Error(error instanceof SyntaxError ? `${source}: not valid JSON (${error.message})` : (error as Error).message);
	}
}
