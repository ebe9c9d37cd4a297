/**
 * The release as a file: what the site publishes (/data/release.json), what /upload lets staff
 * download, and what data/ may hold instead of raw exports (then no case-level row needs to be
 * kept beside the site at all).
 */
import { SCOPE_FIELDS, VIEWS, type ReleaseRow, type ScopeField } from '$lib/types';
import type { LossReport } from './loss-report';

export const RELEASE_FILE = 'release.json';

export interface ReleaseDocument {
	format: 'impact-dashboard-release/1';
	k: number;
	scope: ScopeField[];
	exportDate: string;
	rows: ReleaseRow[];
	loss: LossReport;
}

export function releaseDocument(rows: ReleaseRow[], loss: LossReport, exportDate: string): ReleaseDocument {
	return { format: 'impact-dashboard-release/1', k: loss.k, scope: loss.scope, exportDate, rows, loss };
}

/** Validate a release read from disk; throws a message naming what is wrong. */
export function parseReleaseDocument(spec: unknown, source: string): ReleaseDocument {
	const fail = (what: string) => {
		throw new Error(`${source}: ${what}`);
	};
	if (typeof spec !== 'object' || spec === null) return fail('not a release file');
	const doc = spec as Partial<ReleaseDocument>;
	if (doc.format !== 'impact-dashboard-release/1') fail('not a release file (format must be "impact-dashboard-release/1")');
	if (!Array.isArray(doc.scope) || !doc.scope.every((f) => (SCOPE_FIELDS as readonly string[]).includes(f))) fail('scope must list organisation, programme, group');
	if (!Array.isArray(doc.rows)) return fail('rows missing');
	doc.rows.forEach((r, i) => {
		const ok =
			(VIEWS as readonly string[]).includes(r?.view) &&
			Number.isInteger(r.year) &&
			['organisation', 'programme', 'group', 'category'].every((f) => typeof r[f as keyof ReleaseRow] === 'string') &&
			Number.isInteger(r.n) &&
			r.n >= 0;
		if (!ok) fail(`row ${i + 1} is not a count-table row (view, year, organisation, programme, group, category, n)`);
	});
	return doc as ReleaseDocument;
}
