/**
 * Exports → normalised people, in DuckDB (Node or browser alike). Each file is read
 * (read-file.ts), its values normalised (normalise-file.ts), then unique people are counted over
 * all files and engines (gather-people.ts).
 */
import type { Engine } from '$lib/db/engine';
import type { PersonRow } from '$lib/types';
import { dictionaries, unpack, type PackedRow } from './attribute-codes';
import { throwIfAborted } from './abort';
import { readFile } from './read-file';
import { asCsv } from './tabular-file';
import { normaliseFile } from './normalise-file';
import { gatherPeople, mergePacked, uniquePeopleSql } from './gather-people';
import type { ExportFile, FileReport, LoadOptions } from './types';

export type { ColumnChoice, ExportFile, FileReport, LoadOptions, Phase, ProblemReport } from './types';

export interface IngestResult {
	files: FileReport[];
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	/** Unique people (each counted once, in their first year). */
	people: number;
	/** People aggregated over every attribute: the input of the release and of the count tables. */
	rows: PersonRow[];
}

/**
 * Load exports, combine them and count unique people: rows with the same id are one person,
 * counted once in the year of their first record (ties: file order, then line), with that
 * record's attributes. Rows without an id are one person each (or `count` people).
 */
export async function loadExports(engines: Engine | Engine[], files: ExportFile[], options: LoadOptions = {}): Promise<IngestResult> {
	const pool = Array.isArray(engines) ? engines : [engines];
	const reports: FileReport[] = [];
	// The files each engine holds a part of (as its table norm_<i>).
	const held = new Map<Engine, number[]>();
	const dict = dictionaries();
	for (const [i, file] of files.entries()) {
		throwIfAborted(options.signal);
		const csv = await asCsv(file, options.sheets?.[file.name], options.signal);
		if ('error' in csv) {
			reports.push({ file: file.name, error: csv.error, headers: [], columns: [], rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, problems: [] });
			continue;
		}
		const read = await readFile(pool, csv.file, i, options);
		if (csv.place) read.report.sheet = csv.place;
		reports.push(read.report);
		if (!('parts' in read)) continue;
		throwIfAborted(options.signal);
		options.onPhase?.('checking', file.name);
		const parts = await normaliseFile(i, read as Required<typeof read>, dict, options.exportDate);
		for (const { engine } of parts) held.set(engine, [...(held.get(engine) ?? []), i]);
	}
	const result: IngestResult = {
		files: reports,
		rowsRead: reports.reduce((s, r) => s + r.rowsRead, 0),
		rowsLoaded: reports.reduce((s, r) => s + r.rowsLoaded, 0),
		rowsRejected: reports.reduce((s, r) => s + r.rowsRejected, 0),
		people: 0,
		rows: []
	};
	if (held.size === 0) return result;

	throwIfAborted(options.signal);
	const holding = [...held.keys()];
	await Promise.all(holding.map((engine) => engine.exec(`CREATE OR REPLACE VIEW records AS ${held.get(engine)!.map((i) => `SELECT * FROM norm_${i}`).join(' UNION ALL ')}`)));
	const people = await gatherPeople(holding);
	const packed = await Promise.all(holding.map((engine) => engine.query<PackedRow>(uniquePeopleSql(people))));
	result.rows = mergePacked(packed).map((r) => unpack(r, dict));
	result.people = result.rows.reduce((s, r) => s + r.n, 0);
	return result;
}
