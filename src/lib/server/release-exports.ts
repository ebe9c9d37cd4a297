/**
 * Exports → the audited release, in Node: what the build publishes from data/, and what
 * `npm run release -- FILE…` writes for staff who work in a terminal (the same transform and the
 * same document as /upload's download, so the three agree byte for byte).
 */
import type { Engine } from '$lib/db/engine';
import { loadExports, type ExportFile, type FileReport, type IngestResult } from '$lib/ingest/load-export';
import { release, type Release } from '$lib/release';
import { formatLineage, releaseAgainst, type LineageRelease } from '$lib/release/lineage';
import { formatRevision, revise } from '$lib/release/revision';
import { formatLossReport } from '$lib/release/loss-report';
import { formatAudit, type AuditSummary } from '$lib/release/audit';
import { parseReleaseDocument, releaseDocument, releaseJson, type ReleaseDocument } from '$lib/release/release-file';
import type { Settings } from '$lib/settings';
import { createNodeEngine } from './engine-node';
import { localDate } from '$lib/ingest/export-date';
import { cellOf } from '$lib/ingest/sheet-text';
import { countedByRow } from '$lib/ingest/person-id';
import type { FieldDoubt } from '$lib/ingest/field-doubts';
import { readSettings } from './read-data';

/** Why exports must not be published: one that cannot be read, or holds a direct identifier. */
export function buildErrors(files: FileReport[]): string[] {
	const errors: string[] = [];
	for (const f of files) {
		if (f.error) errors.push(f.error);
		// The headers are not listed: were they a record after all, they would be a person's values.
		if (f.needsMapping) errors.push(`${f.file}: no year or date column recognised among its ${f.headers.length} column${f.headers.length === 1 ? '' : 's'}: name one "year" or "registration_date" in the header row`);
		const line = f.headerLine ?? 1;
		for (const c of f.columns.filter((c) => c.status === 'refused'))
			errors.push(`${f.file}, ${f.sheet ? cellOf(f, line, c.index) : `line ${line}, column ${c.index + 1}`} "${c.header}": refused, ${c.reason} — remove it from the export before publishing`);
	}
	return errors;
}

/** The check report as log lines: rows read = loaded + rejected, a key field not recognised (said first), and each problem with its lines. */
export function formatCheck(files: FileReport[]): string {
	return files
		.flatMap((f) => [
			// A file not read to its end (it cannot be read, or no column gives the year) has no count: "0 rows read" would be untrue.
			f.error || f.needsMapping
				? `${f.file}: rows not counted (${f.error ? 'the file cannot be read' : 'no year or date column to read them by'})`
				: `${f.file}: ${f.rowsRead} rows read = ${f.rowsLoaded} loaded + ${f.rowsRejected} rejected`,
			...keyFieldLines(f),
			...doubtLines(f),
			...f.problems.map((p) => `  ${p.rejected ? 'rejected' : 'kept as unknown'}: ${p.kind} ×${p.rows} (lines ${p.lines.join(', ')})`)
		])
		.join('\n');
}

/** A column by its place: the header's line and the column's number, or a sheet's cell. */
const placeOf = (f: FileReport, index: number) => (f.sheet ? cellOf(f, f.headerLine ?? 1, index) : `line ${f.headerLine ?? 1}, column ${index + 1}`);

/**
 * A person id or a year/date no header names, in words: without an id each row is counted as a
 * person. A proposed column is named by its place (a header could be a record's value after all),
 * with what to do: name it in the header, or choose it on /upload.
 */
function keyFieldLines(f: FileReport): string[] {
	const place = (index: number) => placeOf(f, index);
	const idColumn = f.fieldColumns?.id === undefined ? -1 : f.headers.indexOf(f.fieldColumns.id);
	// A recognised year or date its values do not confirm is said by doubtLines, with the other fields.
	return (f.keyFields ?? [])
		.filter((k) => (k.status !== 'recognised' || (k.field === 'id' && k.confirmed === false)) && !(k.field !== 'id' && f.needsMapping && k.status === 'missing'))
		.map((k) => {
			if (k.status === 'recognised')
				return `  person id: the column at ${place(idColumn)} holds few codes for its rows (the same code on many rows): if it is a group's or an organisation's code, many people are counted as one`;
			const candidate = k.candidateIndex === undefined ? '' : ` ${place(k.candidateIndex)}`;
			if (k.field === 'id')
				return k.status === 'guessed'
					? `  person id: none named — each row is counted as one person; the column at${candidate} looks like one (its codes repeat on rows with different dates): name it "case_id" in the header row, or choose it on /upload`
					: countedByRow(f)
						? '  person id: none — each row is counted as one person (someone registered twice is counted twice)'
						: '';
			return `  ${k.field}: none named; the column at${candidate} holds dates: name it "registration_date" in the header row, or choose it on /upload`;
		})
		.filter((line) => line !== '');
}

/** Names a field takes in a header row, said where a header seems over the wrong column. */
const HEADER_NAMES: Record<FieldDoubt['field'], string> = { date: 'registration_date', year: 'year', sex: 'sex', nationality: 'nationality', age: 'age', disability: 'disability' };

/**
 * A header whose column's values mostly do not read as its field (field-doubts.ts), in words: the
 * column by its header (a field's name, being recognised) and place, the share, never a value; the
 * column whose values fit, by its place only (its header is no field's name, it could be a value).
 */
function doubtLines(f: FileReport): string[] {
	const place = (index: number) => placeOf(f, index);
	return (f.fieldDoubts ?? []).map((d) => {
		const share = `${d.notReading} of its first ${d.read} values (${Math.round((100 * d.notReading) / d.read)}%)`;
		const then = d.field === 'date' || d.field === 'year' ? 'rows without a readable one are rejected' : 'they are counted as unknown';
		const fix = d.candidateIndex === undefined ? '' : `; the column at ${place(d.candidateIndex)} holds values that do: name it "${HEADER_NAMES[d.field]}" in the header row, or choose it on /upload`;
		return `  ${d.field}: the column at ${place(d.index)} ("${d.column}") is read as the ${d.field} by its header, but ${share} do not read as one — is the header over the right column? (${then})${fix}`;
	});
}

export const formatRelease = (r: Pick<Release, 'loss'> & { audit: AuditSummary[] }) => `${formatLossReport(r.loss)}\n${formatAudit(r.audit, r.loss.k)}`;

/**
 * Read, check and release; throws, listing every reason, when the exports must not be published.
 * A registration after the export date (the settings' exportDate; today when it is not set) is
 * rejected, with its line.
 */
export async function releaseExports(
	engine: Engine,
	files: ExportFile[],
	settings: Pick<Settings, 'k' | 'scope' | 'periods'> & { exportDate?: string },
	source = 'The exports',
	previous?: ReleaseDocument
): Promise<{ ingest: IngestResult; released: Release | LineageRelease }> {
	const ingest = await readPublishable(engine, files, settings.exportDate || localDate(), source);
	const options = { k: settings.k, scope: settings.scope, periods: settings.periods };
	const released = previous ? await releaseAgainst(ingest.rows, previous, options) : await release(ingest.rows, options);
	return { ingest, released };
}

/** The exports read and checked; throws, listing every reason, when they must not be published. */
async function readPublishable(engine: Engine, files: ExportFile[], exportDate: string, source: string): Promise<IngestResult> {
	const ingest = await loadExports(engine, files, { exportDate });
	const errors = buildErrors(ingest.files);
	// Every row rejected (a date column DuckDB cannot read, say): a release of nobody would replace the published figures with zeros.
	if (!errors.length && ingest.people === 0)
		errors.push(`no row could be loaded: all ${ingest.rowsRead} rows read were rejected (the check report above says why, by line)`);
	if (errors.length) throw new RefusedExports(`${source} cannot be published:\n- ${errors.join('\n- ')}`, formatCheck(ingest.files));
	return ingest;
}

/** Exports that must not be published, with their check report (rows read = loaded + rejected, problems by line): `npm run release` prints it before the reasons. */
export class RefusedExports extends Error {
	constructor(
		message: string,
		readonly check: string
	) {
		super(message);
	}
}

/** The report of a release: its loss and audit, and for one made against an earlier release what was frozen and held back. */
export const formatReleased = (r: Release | LineageRelease) => ('heldBack' in r ? `${formatRelease(r)}\n${formatLineage(r)}` : formatRelease(r));

/**
 * `npm run release`: exports (as /upload names them: the file's name) → the report to print and
 * release.json as /upload writes it, with the settings of data/.
 */
export async function releaseToFile(files: ExportFile[], exportDate: string, previousFile?: { name: string; text: string }, { revision = false } = {}): Promise<{ report: string; json: string }> {
	const settings = await readSettings();
	const previous = previousFile && parsePrevious(previousFile, settings.k);
	if (previous && exportDate <= previous.exportDate) throw new Error(`--previous ${previousFile!.name} was exported on ${previous.exportDate}: the new export must be later (--export-date ${exportDate})`);
	if (revision && !previous) throw new Error('--revise needs --previous: the release it revises');
	const engine = await createNodeEngine();
	try {
		if (revision) {
			const ingest = await readPublishable(engine, files, exportDate, 'The exports');
			const revised = await revise(ingest.rows, previous!, { k: settings.k, scope: settings.scope, periods: settings.periods });
			const report = `${formatCheck(ingest.files)}\n${formatRelease(revised.release)}\n${formatRevision(revised, settings.k)}`;
			if (revised.exposures.length) throw new Error(report);
			return { report, json: releaseJson(releaseDocument({ ...revised.release, revises: previous!.exportDate }, exportDate)) };
		}
		const { ingest, released } = await releaseExports(engine, files, { ...settings, exportDate }, 'The exports', previous);
		// Nothing new: the previous file, byte for byte (a release that adds nothing is no new release).
		const json = 'newRows' in released && released.newRows === 0 ? previousFile!.text : releaseJson(releaseDocument(released, exportDate));
		return { report: `${formatCheck(ingest.files)}\n${formatReleased(released)}`, json };
	} finally {
		await engine.close();
	}
}

/** A release file given as the previous one: valid JSON, a valid release. */
export function parsePrevious({ name, text }: { name: string; text: string }, k: number): ReleaseDocument {
	try {
		return parseReleaseDocument(JSON.parse(text), name, k);
	} catch (error) {
		throw new Error(error instanceof SyntaxError ? `${name}: not valid JSON (${error.message})` : (error as Error).message);
	}
}
