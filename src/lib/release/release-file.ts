/**
 * The release as a file: what the site publishes (/data/release.json), what /upload lets staff
 * download, and what data/ may hold instead of raw exports (then no case-level row needs to be
 * kept beside the site at all).
 */
import { SCOPE_FIELDS, VIEWS, type ReleaseRow, type ScopeField } from '$lib/types';
import type { LossReport } from './loss-report';
import type { AuditSummary } from './audit';
import type { OtherCountries } from './publish';
import type { Release } from './index';

export const RELEASE_FILE = 'release.json';
export const RELEASE_FORMAT = 'impact-dashboard-release/2';

/** The years of a period, both included. */
export interface Span {
	from: number;
	to: number;
}

/** An earlier release whose rows this one carries unchanged (DESIGN.md, "Successive releases"). */
export interface LineageEntry {
	exportDate: string;
	/** Its whole period, under the explicit key its rows now have ("2019-2025"). */
	period: string;
	/** Rows it published (all still here). */
	rows: number;
}

export interface ReleaseDocument {
	format: typeof RELEASE_FORMAT;
	k: number;
	scope: ScopeField[];
	/** Grant periods published as their own level, as in `year` ("2023-2025"). */
	periods: string[];
	exportDate: string;
	/** The whole period's years (the rows' ALL). */
	span: Span;
	/** The earlier releases carried, oldest first; empty for a first release. */
	lineage: LineageEntry[];
	/** The latest whole period published in full (every breakdown): what the site opens on. */
	headline: Span;
	/** A revision: the export date of the release it replaces (its change from that one was audited). */
	revises?: string;
	rows: ReleaseRow[];
	otherCountries: OtherCountries[];
	loss: LossReport;
	audit: AuditSummary[];
}

export function releaseDocument(
	release: Pick<Release, 'rows' | 'otherCountries' | 'loss'> & { audit: AuditSummary[]; exact?: { years: number[] }; span?: Span; lineage?: LineageEntry[]; headline?: Span; revises?: string },
	exportDate: string
): ReleaseDocument {
	const { rows, otherCountries, loss } = release;
	const audit = release.audit.map(({ view, checked, smallestLargest, violations }) => ({ view, checked, smallestLargest, violations }));
	const span = release.span ?? (release.exact ? yearSpan(release.exact.years) : spanOfRows(rows));
	const lineage = release.lineage ?? [];
	const periods = [...new Set([...loss.periods, ...lineage.map((l) => l.period)])];
	const headline = release.headline ?? span;
	const revises = release.revises ? { revises: release.revises } : {};
	return { format: RELEASE_FORMAT, k: loss.k, scope: loss.scope, periods, exportDate, span, headline, lineage, ...revises, rows, otherCountries, loss, audit };
}

/** The years from the first to the last of some. */
export const yearSpan = (years: number[]): Span => ({ from: Math.min(...years), to: Math.max(...years) });

/** The years a period key names: "2024", "2023-2025"; null for the whole period (ALL). */
export function periodYears(key: string): Span | null {
	const m = /^(\d{4})(?:-(\d{4}))?$/.exec(key);
	return m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : null;
}

/**
 * The whole period of rows that carry no span (a release from before lineages): from their single
 * years (a grant period's key may reach past the data: "2023-2025" published in 2024).
 */
export function spanOfRows(rows: ReleaseRow[]): Span {
	return yearSpan(rows.flatMap((r) => (/^\d{4}$/.test(r.year) ? [Number(r.year)] : [])));
}

/** The file's bytes, as /upload and `npm run release` write them. */
export const releaseJson = (doc: ReleaseDocument) => JSON.stringify(doc, null, 1);

/**
 * Validate a release read from disk; throws a message naming what is wrong. A release cannot be
 * audited again without the people behind it: it must carry an audit without violations, and no
 * row may stand for 1 to k−1 people (so a hand-edited one cannot publish a small cell).
 */
export function parseReleaseDocument(spec: unknown, source: string, k: number): ReleaseDocument {
	const fail = (what: string): never => {
		throw new Error(`${source}: ${what}`);
	};
	if (typeof spec !== 'object' || spec === null) return fail('not a release file');
	const doc = spec as Partial<ReleaseDocument>;
	if (doc.format !== RELEASE_FORMAT) fail(`not a release file of this version (format must be "${RELEASE_FORMAT}"): download it again from /upload`);
	if (!Array.isArray(doc.scope) || !doc.scope.every((f) => (SCOPE_FIELDS as readonly string[]).includes(f))) fail('scope must list organisation, programme, group');
	if (!Array.isArray(doc.rows)) return fail('rows missing');
	if (typeof doc.k !== 'number' || doc.k < k) fail(`it was protected with k = ${doc.k}, below the settings' k = ${k}`);
	if (!Array.isArray(doc.audit) || doc.audit.some((a) => a.violations.length > 0)) fail('its audit is missing or found a violation');
	doc.rows.forEach((r, i) => {
		const ok =
			(VIEWS as readonly string[]).includes(r?.view) &&
			['year', 'organisation', 'programme', 'group', 'category'].every((f) => typeof r[f as keyof ReleaseRow] === 'string') &&
			Number.isInteger(r.n) &&
			r.n >= 0;
		if (!ok) fail(`row ${i + 1} is not a count-table row (view, year, organisation, programme, group, category, n)`);
		if (r.n > 0 && r.n < k) fail(`row ${i + 1} (${r.view} ${r.year} ${r.category}) stands for ${r.n} people, fewer than k = ${k}`);
	});
	if (doc.lineage !== undefined && !(Array.isArray(doc.lineage) && doc.lineage.every((l) => typeof l?.exportDate === 'string' && typeof l.period === 'string')))
		fail('lineage must list the earlier releases (exportDate, period)');
	return { ...doc, otherCountries: doc.otherCountries ?? [], periods: doc.periods ?? [], span: doc.span ?? spanOfRows(doc.rows), headline: doc.headline ?? doc.span ?? spanOfRows(doc.rows), lineage: doc.lineage ?? [] } as ReleaseDocument;
}

/**
 * The date the figures of a period ending in `to` were published on, when an earlier release
 * published them: they are frozen since (later corrections held back). Null for the newest years.
 */
export function publishedOn(lineage: LineageEntry[], to: number): string | null {
	for (const entry of lineage) if (Number(entry.period.slice(-4)) >= to) return entry.exportDate;
	return null;
}
