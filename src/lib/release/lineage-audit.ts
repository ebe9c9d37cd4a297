/**
 * The audit of a release made against earlier ones (lineage.ts). The earlier releases' rows were
 * audited when they were published; what links them to the new ones is each whole-period row
 * minus the base row it was composed from (the base: the previous release's headline). Those
 * differences, the new rows and the frozen rows of the years after the base make one more audit
 * problem per view, and a violation takes away the composed breakdown (or row group) that binds it.
 */
import { ALL, SCOPE_FIELDS, type PersonRow, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { SEP } from './levels';
import { audit, bindingRows, type AuditProblem, type AuditResult, type AuditSummary } from './audit';
import { countByGroup, scopeKey } from './published-groups';
import { cellKey, cellsUnder, rowEquations, type CellGrid } from './row-cells';
import type { ReleaseOptions } from './index';
import { periodYears, type ReleaseDocument, type Span } from './release-file';

/** One published category of the new whole period: one of the base, with the export categories it holds. */
export interface Node {
	category: string;
	members: string[];
	base: number;
	added: number;
}

export interface WholeGroup {
	values: Record<ScopeField, string>;
	scope: string;
	base: number;
	added: number;
	breakdowns: Map<ViewName, Node[]>;
}

export interface Base {
	key: string;
	span: Span;
}

export const TOP = scopeKey({ organisation: ALL, programme: ALL, group: ALL });

/** A period key's years ("2024", "2023-2025"); ALL: `whole`. */
export const yearsOf = (key: string, whole: Span): Span => periodYears(key) ?? whole;

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
 * Audits `whole` (the new whole period, composed) with `rows` (every row published: carried and
 * new), and takes away what a violation needs until none is left. Returns the audit results.
 */
export async function auditLineage(whole: Map<string, WholeGroup>, previous: ReleaseDocument, base: Base, rows: ReleaseRow[], people: PersonRow[], opts: ReleaseOptions): Promise<AuditResult[]> {
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
		const problems = buildProblems(previous.scope, rows, derived, people, base.span.to + 1, opts.k);
		const results = await audit(problems.map((p) => p.problem), opts.k, opts.solver);
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
 * One audit problem per view over the years from `from`: finest cells with the export's counts,
 * every row published over those years alone (a single year, or a grant period from `from` on),
 * then the derived rows.
 */
function buildProblems(scope: ScopeField[], rows: ReleaseRow[], derived: Derived[], people: PersonRow[], from: number, k: number) {
	const inPlay = people.filter((p) => p.year >= from && p.n > 0);
	const years = [...new Set(inPlay.map((p) => p.year))].sort();
	const finest = [...new Set(inPlay.map((p) => scope.map((f) => p[f]).join(SEP)))].sort();
	const views = [...new Set(rows.map((r) => r.view))].filter((v) => v !== 'total');
	const counts = countByGroup(inPlay, scope, ['total', ...views], (p) => [String(p.year)]);
	const finestKey = (f: string) => scopeKey(Object.fromEntries(SCOPE_FIELDS.map((field) => [field, scope.includes(field) ? f.split(SEP)[scope.indexOf(field)] : ALL])) as Record<ScopeField, string>);
	const valuesOfKey = (s: string) => Object.fromEntries(SCOPE_FIELDS.map((field, i) => [field, s.split(SEP)[i]])) as Record<ScopeField, string>;
	const inYears = (key: string) => {
		const span = periodYears(key);
		return span && span.from >= from ? span : null;
	};
	return (views.length ? views : (['total'] as ViewName[])).map((view) => {
		const categories = [...new Set(years.flatMap((y) => finest.flatMap((f) => [...counts(String(y), finestKey(f), view).keys()])))].sort();
		const cells: AuditProblem['cells'] = [];
		const index = new Map<string, number>();
		for (const y of years)
			for (const f of finest) {
				const mine = counts(String(y), finestKey(f), view);
				for (const c of categories) (index.set(cellKey(y, f, c), cells.length), cells.push({ label: [y, ...f.split(SEP), c].filter((x) => x !== '').join(' · '), n: mine.get(c) ?? 0 }));
			}
		const grid: CellGrid = { scope, years, finest, categories, index, counts, k };
		const published = rowEquations(grid, rows, view, inYears);
		const first = published.length;
		const sources: Derived[] = [];
		for (const d of derived) {
			if (d.view !== 'total' && d.view !== view) continue;
			const of = d.members === null ? categories : d.rest ? categories.filter((c) => !d.members!.includes(c)) : d.members;
			const members = cellsUnder(grid, { from, to: d.to }, valuesOfKey(d.group), of);
			// "Withheld" is what its cells hold (the audit checks every other row against them).
			published.push({ members, n: d.rest ? members.reduce((s, i) => s + cells[i].n, 0) : d.n });
			sources.push(d);
		}
		const keep = published.map((p) => p.members.length > 0 || p.n !== 0);
		return {
			problem: { view, cells, published: published.filter((_, i) => keep[i]) },
			sources: sources.filter((_, i) => keep[first + i]),
			first: keep.slice(0, first).filter(Boolean).length
		};
	});
}

/** One summary per view over the whole lineage: the earlier audits and this one. */
export function mergeAudits(before: AuditSummary[], now: AuditResult[]): AuditSummary[] {
	const views = [...new Set([...before.map((a) => a.view), ...now.map((a) => a.view)])];
	return views.map((view) => {
		const parts = [...before, ...now].filter((a) => a.view === view);
		const bounds = parts.flatMap((a) => (a.smallestLargest === null ? [] : [a.smallestLargest]));
		return { view, checked: parts.reduce((s, a) => s + a.checked, 0), smallestLargest: bounds.length ? Math.min(...bounds) : null, violations: parts.flatMap((a) => a.violations) };
	});
}
