/**
 * A release made against the one published before it (DESIGN.md, "Successive releases"). What
 * was published stays published, so every earlier row is carried unchanged and only what is new
 * is computed: the years after the frozen ones, and the whole period up to the new export.
 *
 * The new whole period is composed from the headline of the previous release (its latest whole
 * period published in full, "the base"), as published, plus the people of the years after it:
 * so old and new rows describe one population, and people the export now places in frozen years
 * (late registrations, corrections) are held back: no new row counts them. The people after the
 * base are released together — the frozen years among them keep what was published, the new
 * years find their partners around them, and the base's addition is one more level — and a
 * breakdown of the new whole period is published only in full: every category of the base, with
 * an addition the new rows publish. A headline with fewer countries than the one before it is not
 * published; the site stays on the last whole period published in full until the new years grow.
 * The audit of what links the new rows to the frozen ones is lineage-audit.ts.
 */
import { ALL, WITHHELD, type PersonRow, type ReleaseRow, type ViewName } from '$lib/types';
import { sortRows } from './count-tables';
import { groupKey, SEP } from './levels';
import type { AuditSummary } from './audit';
import { heldBack, type HeldBack } from './held-back';
import { countByGroup, membersOf, scopeKey, sumOf } from './published-groups';
import { auditLineage, mergeAudits, TOP, yearsOf, type Base, type Node, type WholeGroup } from './lineage-audit';
import { FrozenMismatch, type GroupState } from './protect';
import { release, type Release, type ReleaseOptions } from './index';
import type { OtherCountries } from './publish';
import { periodYears, type LineageEntry, type ReleaseDocument, type Span } from './release-file';

export const spanKey = (s: Span) => `${s.from}-${s.to}`;

export interface LineageRelease extends Pick<Release, 'rows' | 'otherCountries' | 'loss'> {
	audit: AuditSummary[];
	span: Span;
	lineage: LineageEntry[];
	/** Rows carried from the earlier releases, and rows this one adds. */
	frozenRows: number;
	newRows: number;
	/** Breakdowns of the new whole period not published yet (some category has too few new people). */
	incomplete: ViewName[];
	/** The latest whole period published in full (every breakdown of the top row group): the headline. */
	headline: Span;
	/** What the export changed in frozen years: said to staff, never published. */
	heldBack: HeldBack;
	/** Grant periods not published: they start in a frozen year and end after it. */
	straddling: string[];
}

/**
 * `people`: the new export, normalised; `previous`: the release published before (validated).
 * The first release has none: call `release` instead.
 */
export async function releaseAgainst(people: PersonRow[], previous: ReleaseDocument, opts: ReleaseOptions): Promise<LineageRelease> {
	const { scope, span: frozen } = previous;
	if (scope.join() !== opts.scope.join()) throw new Error(`the previous release is cut by [${scope}] but the settings ask for [${opts.scope}]: a lineage keeps one scope`);
	const k = Math.max(opts.k, previous.k);
	const held = heldBack(people.filter((p) => p.year <= frozen.to), previous, k);
	const straddling = (opts.periods ?? []).filter((p) => p.from <= frozen.to && p.to > frozen.to).map(spanKey);
	const unchanged: LineageRelease = {
		rows: previous.rows,
		otherCountries: previous.otherCountries,
		loss: previous.loss,
		audit: previous.audit,
		span: frozen,
		lineage: previous.lineage,
		frozenRows: previous.rows.length,
		newRows: 0,
		incomplete: [],
		headline: previous.headline,
		heldBack: held,
		straddling
	};
	const newYears = [...new Set(people.filter((p) => p.year > frozen.to && p.n > 0).map((p) => p.year))].sort();
	if (newYears.length === 0) return unchanged;

	// The base: the headline, when the export gives the frozen years after it as published; else
	// the frozen whole period itself.
	const headline = previous.lineage.find((l) => l.period === spanKey(previous.headline));
	let base: Base = { key: ALL, span: frozen };
	let fresh: Release | undefined;
	if (headline && previous.headline.to < frozen.to) {
		base = { key: headline.period, span: previous.headline };
		fresh = await releaseAfter(people, base, previous, opts, k).catch((error) => {
			if (error instanceof FrozenMismatch) return undefined;
			throw error;
		});
		if (!fresh) base = { key: ALL, span: frozen };
	}
	fresh ??= await releaseAfter(people, base, previous, opts, k);
	const isNew = (year: string) => (periodYears(year)?.from ?? 0) > frozen.to;
	const added = fresh.rows.filter((r) => isNew(r.year));
	// The new years' total unpublished (fewer than k people): nothing new yet; they wait for more.
	if (!added.some((r) => r.view === 'total' && scopeKey(r) === TOP)) return unchanged;

	const span = { from: Math.min(frozen.from, newYears[0]), to: newYears.at(-1)! };
	const explicit = spanKey(frozen);
	// A key that would change meaning keeps its figure under its own years: the whole period, and a
	// grant period that reached past the data then ("2023-2025" published with 2025 not yet begun).
	const renamed = (year: string) => {
		if (year === ALL) return explicit;
		const s = yearsOf(year, frozen);
		return s.to > frozen.to ? spanKey({ from: s.from, to: frozen.to }) : year;
	};
	const carried = previous.rows.map((r) => ({ ...r, year: renamed(r.year) }));
	const whole = composeWhole(previous, people, fresh, base, k);
	// Without its top row group the new whole period is not published at all (the years are).
	if (!whole.has(TOP)) whole.clear();
	const audited = await auditLineage(whole, previous, base, [...carried, ...added], people, { ...opts, k });
	const composed = wholeRows(whole);
	const top = whole.get(TOP);
	const otherCountries: OtherCountries[] = [
		...previous.otherCountries.map((o) => ({ ...o, year: renamed(o.year) })),
		...fresh.otherCountries.filter((o) => isNew(o.year)),
		...[...whole.values()].flatMap((g) => {
			const before = g.breakdowns.get('nationality') && previous.otherCountries.find((o) => o.year === base.key && scopeKey(o) === g.scope);
			return before ? [{ ...before, year: ALL }] : [];
		})
	];
	const incomplete = fresh.exact.views.filter((v) => v !== 'total' && previous.rows.some((r) => r.view === v) && !top?.breakdowns.has(v));
	return {
		rows: sortRows([...carried, ...added, ...composed]),
		otherCountries,
		loss: { ...fresh.loss, people: top ? top.base + top.added : previous.loss.people, periods: [...previous.periods.map(renamed), ...fresh.loss.periods] },
		audit: mergeAudits(previous.audit, audited),
		span,
		lineage: [...previous.lineage, { exportDate: previous.exportDate, period: explicit, rows: previous.rows.length }],
		frozenRows: carried.length,
		newRows: added.length + composed.length,
		incomplete,
		headline: top && incomplete.length === 0 ? span : previous.headline,
		heldBack: held,
		straddling
	};
}

/**
 * The people after the base, released together: the frozen years among them keep their published
 * rows (FrozenMismatch when the export does not give them: a change held back there), the new
 * years and new grant periods are protected around them, and the whole (ALL) is the base's addition.
 */
function releaseAfter(people: PersonRow[], base: Base, previous: ReleaseDocument, opts: ReleaseOptions, k: number): Promise<Release> {
	const frozenTo = previous.span.to;
	const rows = previous.rows.filter((r) => /^\d{4}$/.test(r.year) && Number(r.year) > base.span.to && Number(r.year) <= frozenTo);
	return release(
		people.filter((p) => p.year > base.span.to),
		{ ...opts, k, periods: (opts.periods ?? []).filter((p) => p.from > frozenTo), frozen: { to: frozenTo, rows } }
	);
}

/**
 * The new whole period, row group by row group of the base: its total and each of its categories
 * as published plus the base's addition, where the addition's rows publish it (every export
 * category of it in a shown category of the addition, or nobody); a breakdown only in full.
 */
function composeWhole(previous: ReleaseDocument, people: PersonRow[], fresh: Release, base: Base, k: number): Map<string, WholeGroup> {
	const views = fresh.exact.views.filter((v) => v !== 'total');
	const before = countByGroup(people.filter((p) => p.year >= base.span.from && p.year <= base.span.to), previous.scope, views, () => [ALL]);
	const { protection } = fresh;
	const blockKey = (r: ReleaseRow) => groupKey(ALL, fresh.exact.scope.map((f) => r[f]).join(SEP));
	const groups = new Map<string, WholeGroup>();
	for (const total of previous.rows.filter((r) => r.year === base.key && r.view === 'total')) {
		const s = scopeKey(total);
		const block = blockKey(total);
		const added = protection.totals.get(block) ?? 0;
		// The addition must be published by the new rows themselves (or be nobody).
		if (added > 0 && protection.hiddenTotals.has(block)) continue;
		const group: WholeGroup = { values: { organisation: total.organisation, programme: total.programme, group: total.group }, scope: s, base: total.n, added, breakdowns: new Map() };
		for (const view of views) {
			const rows = previous.rows.filter((r) => r.year === base.key && r.view === view && scopeKey(r) === s);
			const state = protection.breakdowns.get(view)?.get(block);
			const nodes = rows.length ? composeBreakdown(view, rows, before(ALL, s, view), state, previous.otherCountries.find((o) => o.year === base.key && scopeKey(o) === s)?.countries, k) : null;
			if (nodes) group.breakdowns.set(view, nodes);
		}
		groups.set(s, group);
	}
	return groups;
}

/** A base breakdown with the addition, or null when some category cannot be: every category carried, "Withheld" 0 or ≥ k. */
function composeBreakdown(view: ViewName, rows: ReleaseRow[], before: Map<string, number>, block: GroupState | undefined, countries: number | undefined, k: number): Node[] | null {
	const shown = new Set(rows.map((r) => r.category));
	const after = block?.counts ?? new Map<string, number>();
	const nodes: Node[] = [];
	for (const r of rows) {
		if (r.category === WITHHELD) continue;
		const members = membersOf(view, r.category, shown, before, k, countries);
		// Members read from the export must add up to what was published: else a change touches them.
		if (!members || ((members.length > 1 || members[0] !== r.category) && sumOf(before, members) !== r.n)) return null;
		const publishable = members.every((c) => {
			if (!after.get(c)) return true;
			const node = block!.nodeOf.get(c)!;
			return !node.hidden && node.members.every((m) => members.includes(m));
		});
		if (!publishable) return null;
		nodes.push({ category: r.category, members, base: r.n, added: sumOf(after, members) });
	}
	const total = rows.reduce((s, r) => s + r.n, 0) + [...after.values()].reduce((s, n) => s + n, 0);
	const withheld = total - nodes.reduce((s, n) => s + n.base + n.added, 0);
	return withheld > 0 && withheld < k ? null : nodes;
}

function wholeRows(whole: Map<string, WholeGroup>): ReleaseRow[] {
	const rows: ReleaseRow[] = [];
	for (const g of whole.values()) {
		const total = g.base + g.added;
		rows.push({ view: 'total', year: ALL, ...g.values, category: '', n: total });
		for (const [view, nodes] of g.breakdowns) {
			let shown = 0;
			for (const n of nodes) (rows.push({ view, year: ALL, ...g.values, category: n.category, n: n.base + n.added }), (shown += n.base + n.added));
			if (total > shown) rows.push({ view, year: ALL, ...g.values, category: WITHHELD, n: total - shown });
		}
	}
	return rows;
}

/** Lines for the release command's report (and /upload's): what was carried, what is new, what is held back. */
export function formatLineage(r: Pick<LineageRelease, 'frozenRows' | 'newRows' | 'heldBack' | 'lineage' | 'span' | 'straddling' | 'incomplete' | 'headline'>): string {
	const from = r.lineage.at(-1);
	const lines = [
		r.newRows === 0
			? `lineage: nothing new to publish: the previous release's ${r.frozenRows} rows are kept as they are (no year after it, or fewer than k people in the new years)`
			: `lineage: ${r.frozenRows} rows frozen${from ? ` (published ${from.exportDate}, its whole period now "${from.period}")` : ''}, ${r.newRows} new; whole period ${r.span.from}-${r.span.to}`,
		...(r.incomplete.length && r.newRows ? [`  the whole period ${r.span.from}-${r.span.to} has its total only for: ${r.incomplete.join(', ')} (some categories have fewer than k new people): the headline stays on ${spanKey(r.headline)}, the last whole period published in full`] : []),
		`Held back: ${r.heldBack.people}${r.heldBack.people ? ' (changes in frozen years: in no new row; publish them with a revision)' : ''}`,
		...r.heldBack.years.map((y) =>
			[`  ${y.year}:`, y.late && `${y.late} late registration${y.late === 1 ? '' : 's'}`, y.removed && `${y.removed} removed`, y.corrected && `${y.corrected} corrected`].filter(Boolean).join(' ')
		),
		...r.straddling.map((p) => `grant period ${p} not published: it starts in a frozen year (its years are published one by one)`)
	];
	return lines.join('\n');
}
