/**
 * What the build publishes, computed once per build: exports → people → release → indicators.
 * Only the release (count tables, every row ≥ k people) and figures computed from it leave this
 * module; case-level rows stay in the Node engine.
 */
import { dropAllExcept, type Engine } from '$lib/db/engine';
import { COUNTS_TABLE } from '$lib/indicators/query';
import { createNodeEngine } from './engine-node';
import { readExports, readRelease, readSettings } from './read-data';
import { formatCheck, formatRelease, formatReleased, releaseExports } from './release-exports';
import { checkCaseRecords } from './case-records';
import type { LossReport } from '$lib/release/loss-report';
import type { AuditSummary } from '$lib/release/audit';
import type { OtherCountries } from '$lib/release/publish';
import { yearSpan, type LineageEntry, type Span } from '$lib/release/release-file';
import { localDate } from '$lib/ingest/export-date';
import { computeIndicators, loadCounts, scopeOptions, type Indicators, type ScopeOptions } from '$lib/indicators';
import type { Settings } from '$lib/settings';
import type { Filters, ReleaseRow } from '$lib/types';

export interface SourceSummary {
	file: string;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
}

export interface SiteData {
	settings: Settings;
	release: ReleaseRow[];
	otherCountries: OtherCountries[];
	loss: LossReport;
	audit: AuditSummary[];
	sources: SourceSummary[];
	/** The release's export date, its whole period, headline (the latest whole period published in full) and the earlier releases it carries. */
	exportDate: string;
	span: Span;
	headline: Span;
	lineage: LineageEntry[];
	/** A revision: the export date of the release it replaced. */
	revises?: string;
	options: ScopeOptions;
	/** Figures for the default period, rendered into the HTML. */
	initial: Indicators;
	defaultFilters: Filters;
}

const log = (text: string) => console.log(text.replace(/^/gm, '[impact] '));

/**
 * The release from data/: raw exports, released and audited here; a release file downloaded from
 * /upload, which must carry its audit and no row below k; or both: the exports are then released
 * against that file, the release published before (its rows carried, changes in its years held back).
 */
async function publish(engine: Engine, settings: Settings) {
	const [exports, given] = await Promise.all([readExports(), readRelease(settings.k)]);
	if (given && exports.length === 0) {
		if (given.scope.join() !== settings.scope.join())
			throw new Error(`data/release.json is cut by [${given.scope}] but data/settings.json asks for [${settings.scope}]`);
		log(formatRelease(given));
		const rows = given.rows.length;
		return { ...given, sources: [{ file: 'data/release.json', rowsRead: rows, rowsLoaded: rows, rowsRejected: 0 }] };
	}
	if (exports.length === 0) throw new Error('data/: no CSV export (or release.json) to publish');
	if (given && (!settings.exportDate || settings.exportDate <= given.exportDate))
		throw new Error(`data/ holds exports and the release published before them (data/release.json, export of ${given.exportDate}): set data/settings.json's exportDate to the new export's date, after ${given.exportDate}`);
	const warning = checkCaseRecords(exports.map((f) => f.name), settings.synthetic, process.env);
	if (warning) console.warn(`[impact] WARNING: ${warning}`);
	const { ingest, released } = await releaseExports(engine, exports, settings, 'The data in data/', given ?? undefined);
	log(`${formatCheck(ingest.files)}\n${formatReleased(released)}`);
	const sources = ingest.files.map(({ file, rowsRead, rowsLoaded, rowsRejected }) => ({ file, rowsRead, rowsLoaded, rowsRejected }));
	const exportDate = settings.exportDate || localDate();
	if ('heldBack' in released) return { ...released, exportDate, sources };
	const span = yearSpan(released.exact.years);
	return { ...released, exportDate, span, headline: span, lineage: [] as LineageEntry[], sources };
}

async function compute(): Promise<SiteData> {
	const settings = await readSettings();
	const engine: Engine = await createNodeEngine();
	try {
		const published = await publish(engine, settings);
		// From here on the engine holds only the release: every figure below is computed from it.
		await loadCounts(engine, published.rows, published.otherCountries);
		await dropAllExcept(engine, COUNTS_TABLE);
		// The settings' default period, else the headline: the latest whole period published in full.
		const opening = settings.defaultPeriod ?? published.headline;
		const defaultFilters: Filters = { from: opening.from, to: opening.to };
		releaseEngine = engine;
		return {
			settings,
			release: published.rows,
			otherCountries: published.otherCountries,
			loss: published.loss,
			audit: published.audit,
			sources: published.sources,
			exportDate: published.exportDate,
			span: published.span,
			headline: published.headline,
			lineage: published.lineage,
			revises: 'revises' in published ? published.revises : undefined,
			options: await scopeOptions(engine),
			initial: await computeIndicators(engine, defaultFilters),
			defaultFilters
		};
	} catch (error) {
		await engine.close();
		throw error;
	}
}

let cached: Promise<SiteData> | undefined;
/** Kept open for the build's other pages: it holds the release only (case-level tables dropped). */
let releaseEngine: Engine | undefined;

/** The Node engine with the release loaded as the count table, for pages that query it. */
export async function publishedCounts(): Promise<Engine> {
	await siteData();
	return releaseEngine!;
}

/** Every prerendered page and endpoint shares one computation per build. */
export function siteData(): Promise<SiteData> {
	cached ??= compute();
	return cached;
}
