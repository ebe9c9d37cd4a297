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
 *
 * The audit: the earlier releases' rows were audited when they were published; what links them
 * to the new ones is each composed row minus the base row below it. Those differences, the new
 * rows and the frozen rows of the years after the base make one more audit problem, and a
 * violation takes the composed breakdown (or row group) that binds it away.
 */
import { ALL, SCOPE_FIELDS, WITHHELD, type PersonRow, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { sortRows } from './count-tables';
import { groupKey, SEP } from './levels';
import { audit, bindingRows, type AuditProblem, type AuditResult, type AuditSummary } from './audit';
import { heldBack, type HeldBack } from './held-back';
import { countByGroup, membersOf, scopeKey, sumOf } from './published-groups';
import { FrozenMismatch } from './protect';
import { release, type Release, type ReleaseOptions } from './index';
import type { OtherCountries } from './publish';
import type { LineageEntry, ReleaseDocument, Span } from './release-file';

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

/** One published category of the new whole period: one of the base, with the export categories it holds. */
interface Node {
	category: string;
	members: string[];
	base: number;
	added: number;
}

interface WholeGroup {
	values: Record<ScopeField, string>;
	scope: string;
	base: number;
	added: number;
	breakdowns: Map<ViewName, Node[]>;
}

interface Base {
	key: string;
	span: Span;
}

const TOP = scopeKey({ organisation: ALL, programme: ALL, group: ALL });
const yearsOf = (key: string, whole: Span): Span => {
	const m = /^(\d{4})(?:-(\d{4}))?$/.exec(key);
	return m ? { from: Number(m[1]), to: Number(m[2] ?? m[1]) } : whole;
};

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
	const isNew = (year: string) => /^\d{4}/.test(year) && Number(year.slice(0, 4)) > frozen.to;
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
	const audited = await auditLineage(whole, previous, base, [...carried, ...added], people, { ...opts, k });
	const composed = wholeRows(whole);
	const top = whole.get(TOP)!;
	const otherCountries: OtherCountries[] = [
		...previous.otherCountries.map((o) => ({ ...o, year: renamed(o.year) })),
		...fresh.otherCountries.filter((o) => isNew(o.year)),
		...[...whole.values()].flatMap((g) => {
			const before = g.breakdowns.get('nationality') && previous.otherCountries.find((o) => o.year === base.key && scopeKey(o) === g.scope);
			return before ? [{ ...before, year: ALL }] : [];
		})
	];
	const incomplete = fresh.exact.views.filter((v) => v !== 'total' && previous.rows.some((r) => r.view === v) && !top.breakdowns.has(v));
	return {
		rows: sortRows([...carried, ...added, ...composed]),
		otherCountries,
		loss: { ...fresh.loss, people: top.base + top.added, periods: [...previous.periods.map(renamed), ...fresh.loss.periods] },
		audit: mergeAudits(previous.audit, audited),
		span,
		lineage: [...previous.lineage, { exportDate: previous.exportDate, period: explicit, rows: previous.rows.length }],
		frozenRows: carried.length,
		newRows: added.length + composed.length,
		incomplete,
		headline: incomplete.length ? previous.headline : span,
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
function composeBreakdown(view: ViewName, rows: ReleaseRow[], before: Map<string, number>, block: Release['protection']['breakdowns'] extends Map<ViewName, Map<string, infer S>> ? S | undefined : never, countries: number | undefined, k: number): Node[] | null {
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

/** What a row of a whole period says of the years after the base: itself minus the base row below it. */
interface Derived {
	group: string;
	view: ViewName | 'total';
	/** The export categories it sums (null: all of them); `rest`: all but these ("Withheld"). */
	members: string[] | null;
	rest?: boolean;
	n: number;
	/** Its last year (the new whole period's, or an earlier release's whole period). */
	to: number;
	/** A row of the new whole period (what a violation may take away), or an earlier one. */
	composed: boolean;
}

/**
 * The audit of what links the new rows to the frozen ones: per view, the cells of the years after
 * the base, every row published over those years alone (frozen and new), and each whole-period
 * row minus its base row. A violation takes away the composed breakdown that binds it (the row
 * group's total when that binds: never the top one, whose addition the new years publish).
 */
async function auditLineage(whole: Map<string, WholeGroup>, previous: ReleaseDocument, base: Base, rows: ReleaseRow[], people: PersonRow[], opts: ReleaseOptions): Promise<AuditResult[]> {
	const k = opts.k;
	const last = Math.max(...people.map((p) => p.year));
	const earlier = earlierWholes(previous, base);
	for (let round = 0; ; round++) {
		const derived: Derived[] = [...earlier];
		for (const [s, g] of whole) {
			derived.push({ group: s, view: 'total', members: null, n: g.added, to: last, composed: true });
			for (const [view, nodes] of g.breakdowns) {
				for (const n of nodes) derived.push({ group: s, view, members: n.members, n: n.added, to: last, composed: true });
				derived.push({ group: s, view, members: nodes.flatMap((n) => n.members), rest: true, n: 0, to: last, composed: true });
			}
		}
		const problems = buildProblems(previous.scope, rows, derived, people, base.span.to + 1, k);
		const results = await audit(problems.map((p) => p.problem), k, opts.solver);
		const violations = results.flatMap((r) => r.violations);
		if (violations.length === 0) return results;
		let progress = false;
		for (const v of violations) {
			const { problem, sources, first } = problems.find((p) => p.problem.view === v.view)!;
			const cell = problem.cells.findIndex((c) => c.label === v.cell);
			const binding = (await bindingRows(problem, cell, opts.solver)).filter((r) => r >= first && sources[r - first].composed).map((r) => sources[r - first]);
			const pick = binding.find((d) => d.view !== 'total') ?? binding.find((d) => d.group !== TOP);
			if (pick?.view === 'total') progress = whole.delete(pick.group) || progress;
			else if (pick) progress = whole.get(pick.group)!.breakdowns.delete(pick.view) || progress;
			// The LP's duals name no composed row (a degenerate optimum): the view's composed breakdowns go.
			else for (const g of whole.values()) progress = g.breakdowns.delete(v.view) || progress;
		}
		if (!progress || round > 40) throw new Error('The release cannot be protected against the previous one (a bug: please report it)');
	}
}

/**
 * The whole periods of earlier releases that end after the base: each total and plain category
 * minus the base's is a sum over frozen years after the base (their "Other" and "Withheld" are
 * left out: the attacker modelled is given fewer rows there, the audit is no weaker for the rest).
 */
function earlierWholes(previous: ReleaseDocument, base: Base): Derived[] {
	const wholes = [{ key: ALL, span: previous.span }, ...previous.lineage.map((l) => ({ key: l.period, span: yearsOf(l.period, previous.span) }))];
	const baseRows = new Map(previous.rows.filter((r) => r.year === base.key).map((r) => [[r.view, scopeKey(r), r.category].join(SEP), r.n]));
	const out: Derived[] = [];
	for (const w of wholes.filter((w) => w.span.to > base.span.to && w.key !== base.key))
		for (const r of previous.rows.filter((r) => r.year === w.key && !r.category.startsWith('~') && !r.category.includes('|child') && !r.category.includes('|adult'))) {
			const before = baseRows.get([r.view, scopeKey(r), r.category].join(SEP));
			if (before !== undefined) out.push({ group: scopeKey(r), view: r.view, members: r.view === 'total' ? null : [r.category], n: r.n - before, to: w.span.to, composed: false });
		}
	return out;
}

/**
 * One audit problem per view over the years from `from`: finest cells (year × scope cell ×
 * category) with the export's counts, every row published over those years alone as the sum of
 * its cells, then the derived rows.
 */
function buildProblems(scope: ScopeField[], rows: ReleaseRow[], derived: Derived[], people: PersonRow[], from: number, k: number) {
	const inPlay = people.filter((p) => p.year >= from && p.n > 0);
	const years = [...new Set(inPlay.map((p) => p.year))].sort();
	const finest = [...new Set(inPlay.map((p) => scope.map((f) => p[f]).join(SEP)))].sort();
	const views = [...new Set(rows.map((r) => r.view))].filter((v) => v !== 'total');
	const counts = countByGroup(inPlay, scope, ['total', ...views], (p) => [String(p.year)]);
	const valuesOf = (f: string) => Object.fromEntries(SCOPE_FIELDS.map((field) => [field, scope.includes(field) ? f.split(SEP)[scope.indexOf(field)] : ALL])) as Record<ScopeField, string>;
	const valuesOfKey = (s: string) => Object.fromEntries(SCOPE_FIELDS.map((field, i) => [field, s.split(SEP)[i]])) as Record<ScopeField, string>;
	const under = (values: Record<ScopeField, string>) =>
		finest.filter((f) => scope.every((field, i) => values[field] === ALL || values[field] === f.split(SEP)[i]));
	return (views.length ? views : (['total'] as ViewName[])).map((view) => {
		const categories = [...new Set(years.flatMap((y) => finest.flatMap((f) => [...counts(String(y), scopeKey(valuesOf(f)), view).keys()])))].sort();
		const cells: AuditProblem['cells'] = [];
		const index = new Map<string, number>();
		for (const y of years)
			for (const f of finest) {
				const mine = counts(String(y), scopeKey(valuesOf(f)), view);
				for (const c of categories) (index.set(`${y}${SEP}${f}${SEP}${c}`, cells.length), cells.push({ label: [y, ...f.split(SEP), c].filter((x) => x !== '').join(' · '), n: mine.get(c) ?? 0 }));
			}
		const members = (span: Span, values: Record<ScopeField, string>, of: readonly string[]) => {
			const out: number[] = [];
			for (let y = Math.max(span.from, from); y <= span.to; y++)
				for (const f of under(values))
					for (const c of of) {
						const i = index.get(`${y}${SEP}${f}${SEP}${c}`);
						if (i !== undefined) out.push(i);
					}
			return out;
		};
		const published: AuditProblem['published'] = [];
		// Rows over the years in play only: a single year or a grant period from `from` on.
		const groups = new Map<string, ReleaseRow[]>();
		for (const r of rows) {
			const m = /^(\d{4})(?:-(\d{4}))?$/.exec(r.year);
			if (!m || Number(m[1]) < from || (r.view !== 'total' && r.view !== view)) continue;
			const key = `${r.year}${SEP}${scopeKey(r)}`;
			groups.set(key, [...(groups.get(key) ?? []), r]);
		}
		for (const group of groups.values()) {
			const total = group.find((r) => r.view === 'total');
			if (!total) continue;
			const span = yearsOf(total.year, { from, to: from });
			const truth = new Map<string, number>();
			for (let y = span.from; y <= span.to; y++) for (const [c, n] of counts(String(y), scopeKey(total), view)) truth.set(c, (truth.get(c) ?? 0) + n);
			published.push({ members: members(span, total, categories), n: total.n });
			const shown = group.filter((r) => r.view === view && r.category !== WITHHELD);
			const shownSet = new Set(shown.map((r) => r.category));
			const taken: string[] = [];
			for (const r of shown) {
				const of = membersOf(view, r.category, shownSet, truth, k) ?? [r.category];
				taken.push(...of);
				published.push({ members: members(span, total, of), n: r.n });
			}
			if (shown.length) published.push({ members: members(span, total, categories.filter((c) => !taken.includes(c))), n: total.n - shown.reduce((s, r) => s + r.n, 0) });
		}
		const first = published.length;
		const sources: Derived[] = [];
		for (const d of derived) {
			if (d.view !== 'total' && d.view !== view) continue;
			const span = { from, to: d.to };
			const of = d.members === null ? categories : d.rest ? categories.filter((c) => !d.members!.includes(c)) : d.members;
			const cellsOf = members(span, valuesOfKey(d.group), of);
			// "Withheld" is what its cells hold (the audit checks every other row against them).
			published.push({ members: cellsOf, n: d.rest ? cellsOf.reduce((s, i) => s + cells[i].n, 0) : d.n });
			sources.push(d);
		}
		const keep = published.map((p) => p.members.length > 0 || p.n !== 0);
		const kept = published.filter((_, i) => keep[i]);
		const keptSources = sources.filter((_, i) => keep[first + i]);
		return { problem: { view, cells, published: kept }, sources: keptSources, first: keep.slice(0, first).filter(Boolean).length };
	});
}

/** One summary per view over the whole lineage: the earlier audits and this one. */
function mergeAudits(before: AuditSummary[], now: AuditResult[]): AuditSummary[] {
	const views = [...new Set([...before.map((a) => a.view), ...now.map((a) => a.view)])];
	return views.map((view) => {
		const parts = [...before, ...now].filter((a) => a.view === view);
		const bounds = parts.flatMap((a) => (a.smallestLargest === null ? [] : [a.smallestLargest]));
		return { view, checked: parts.reduce((s, a) => s + a.checked, 0), smallestLargest: bounds.length ? Math.min(...bounds) : null, violations: parts.flatMap((a) => a.violations) };
	});
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
