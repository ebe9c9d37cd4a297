/**
 * A dropped-in export, end to end in the browser's engine: load and check it, count it exactly
 * (internal figures for staff) and release it with the build's own transform.
 */
import { dropAllExcept, type Engine } from '$lib/db/engine';
import { engineFault } from '$lib/db/engine-fault';
import { matchCountry } from '$lib/normalise/countries';
import { loadExports, type ExportFile, type IngestResult, type LoadOptions } from '$lib/ingest/load-export';
import { localDate } from '$lib/ingest/export-date';
import { countTables, release, type Release } from '$lib/release';
import { loadCounts, scopeOptions, type ScopeOptions } from '$lib/indicators';
import type { ReleaseRow, ScopeField } from '$lib/types';
import type { LineageRelease } from '$lib/release/lineage';
import type { ReleaseDocument } from '$lib/release/release-file';
import type { Revision } from '$lib/release/revision';

/** Staff see every scope field on /upload; the published site only the release's scope. */
export const UPLOAD_SCOPE: ScopeField[] = ['organisation', 'programme', 'group'];

export interface Analysis {
	ingest: IngestResult;
	/** Exact count tables of the export (display rules are applied when shown). */
	exact: ReleaseRow[];
	options: ScopeOptions;
}

/**
 * `engines`: the first keeps the export's count tables for its dashboard; the others help read a
 * large export (one part each) and are emptied afterwards.
 */
export async function analyseExports(engines: Engine[], files: ExportFile[], options: LoadOptions = {}): Promise<Analysis> {
	const [engine, ...helpers] = engines;
	// A registration after today cannot be in an export made today: rejected, with its line.
	const ingest = await loadExports(engines, files, { exportDate: localDate(), ...options });
	// A file DuckDB could not read for want of memory is not a fault of the file: the whole drop
	// fails, and says so, rather than reporting it as an unreadable CSV.
	for (const file of ingest.files) {
		const fault = file.error === undefined ? null : engineFault(file.error, file.file);
		if (fault?.kind === 'memory') throw fault;
	}
	const exact = countTables(ingest.rows, UPLOAD_SCOPE);
	const [, scope] = await Promise.all([
		Promise.all(helpers.map((helper) => dropAllExcept(helper, ''))),
		loadCounts(engine, exact).then(() => scopeOptions(engine))
	]);
	return { ingest, exact, options: scope };
}

/** What reading an export builds once per page (the index of country names in three languages, ~30–60 ms): before the drop. */
export function prepareReading(): void {
	matchCountry('Kyrgyzstan');
}

/**
 * What the build would publish for this export, audited (the solver's wasm is fetched only now):
 * not needed to show its dashboard, so asked for after.
 */
export async function publishable(
	ingest: IngestResult,
	settings: { k: number; scope: ScopeField[]; periods: { from: number; to: number }[] },
	previous?: ReleaseDocument
): Promise<Release | LineageRelease> {
	const [{ browserSolver }, { releaseAgainst }] = await Promise.all([import('$lib/release/solver-browser'), import('$lib/release/lineage')]);
	const options = { k: settings.k, scope: settings.scope, periods: settings.periods, solver: browserSolver };
	return previous ? releaseAgainst(ingest.rows, previous, options) : release(ingest.rows, options);
}

/** A revision of the published release with this export: refused (with why) unless the change between them passes its audit. */
export async function revision(ingest: IngestResult, settings: { k: number; scope: ScopeField[]; periods: { from: number; to: number }[] }, previous: ReleaseDocument): Promise<Revision> {
	const [{ browserSolver }, { revise }] = await Promise.all([import('$lib/release/solver-browser'), import('$lib/release/revision')]);
	return revise(ingest.rows, previous, { k: settings.k, scope: settings.scope, periods: settings.periods, solver: browserSolver });
}
