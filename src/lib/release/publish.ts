/** A protection as what is published: rows, the countries inside "Other", the audit's problems and the loss. */
import { ALL, OTHER, WITHHELD, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { cellKey, sortRows } from './count-tables';
import { SEP, type RowGroup } from './levels';
import type { Protection } from './protect';
import type { AuditProblem } from './audit';
import type { LevelLoss } from './loss-report';

export interface OtherCountries {
	year: string;
	organisation: string;
	programme: string;
	group: string;
	/** How many countries "Other nationalities" holds in this row group. */
	countries: number;
}

function scopeColumns(g: RowGroup, scope: ScopeField[]) {
	const at = (f: ScopeField) => (scope.includes(f) ? g.scope.values[scope.indexOf(f)] : ALL);
	return { year: g.period.key, organisation: at('organisation'), programme: at('programme'), group: at('group') };
}

/** How the audit names a finest cell: "2020 · Org A · SY". */
const cellLabel = (key: string, category: string) => [...key.split(SEP), category].filter((v) => v !== '').join(' · ');

export function publishedRows(p: Protection): { rows: ReleaseRow[]; otherCountries: OtherCountries[] } {
	const rows: ReleaseRow[] = [];
	const otherCountries: OtherCountries[] = [];
	for (const [key, n] of p.totals)
		if (n > 0 && !p.hiddenTotals.has(key) && !p.frozen.has(key)) rows.push({ view: 'total', ...scopeColumns(p.levels.groups.get(key)!, p.exact.scope), category: '', n });
	for (const [view, states] of p.breakdowns)
		for (const [key, state] of states) {
			if (p.frozen.has(key)) continue;
			const columns = scopeColumns(p.levels.groups.get(key)!, p.exact.scope);
			let withheld = 0;
			for (const node of state.nodes) {
				if (node.n === 0) continue;
				if (node.hidden) withheld += node.n;
				else {
					rows.push({ view, ...columns, category: node.category, n: node.n });
					if (view === 'nationality' && node.category === OTHER) otherCountries.push({ ...columns, countries: node.members.length });
				}
			}
			// Everything withheld: the total view has the row group's total already.
			if (withheld > 0 && withheld < p.totals.get(key)!) rows.push({ view, ...columns, category: WITHHELD, n: withheld });
		}
	return { rows: sortRows(rows), otherCountries };
}

/**
 * Each view's published rows as sums of its finest cells (year × finest scope cell × category),
 * for the audit. The attacker modelled knows the categories of the view and which countries make
 * up "Other", not which categories are in "Withheld": an absent category may be 0 or withheld, so
 * every cell, 0 included, is an unknown, and "Withheld" is the sum of all that is not shown. A row
 * group whose total is published sums to it (from the total view) even where no breakdown is.
 */
/** What a published row of an audit problem is: a row group's total, one of its categories, or the rest ("Withheld"). */
export interface RowSource {
	group: string;
	kind: 'total' | 'category' | 'rest';
	/** For 'category': a category of the export in it (the one to hide). */
	category?: string;
}

export function auditProblems(p: Protection): (AuditProblem & { sources: RowSource[] })[] {
	const { exact, levels } = p;
	return exact.views.map((view, v) => {
		const universe = new Set<string>();
		for (const counts of exact.cells.values()) for (const c of counts[v].keys()) universe.add(c);
		const categories = [...universe].sort();
		const cells: AuditProblem['cells'] = [];
		const index = new Map<string, number>();
		for (const year of levels.years)
			for (const finest of exact.finest) {
				const key = cellKey(year, finest);
				const counts = exact.cells.get(key)?.[v];
				for (const c of categories) (index.set(`${key}${SEP}${c}`, cells.length), cells.push({ label: cellLabel(key, c), n: counts?.get(c) ?? 0 }));
			}
		const membersOf = (g: RowGroup, of: readonly string[]) => {
			const out: number[] = [];
			for (const year of g.period.years) for (const finest of g.scope.finest) for (const c of of) out.push(index.get(`${cellKey(year, finest)}${SEP}${c}`)!);
			return out;
		};
		const published: AuditProblem['published'] = [];
		const sources: RowSource[] = [];
		for (const [key, n] of p.totals) {
			if (n === 0 || p.hiddenTotals.has(key)) continue;
			const g = levels.groups.get(key)!;
			published.push({ members: membersOf(g, categories), n });
			sources.push({ group: key, kind: 'total' });
			const state = p.breakdowns.get(view)?.get(key);
			if (!state || state.nodes.every((node) => node.hidden || node.n === 0)) continue;
			const shown = state.nodes.filter((node) => !node.hidden && node.n > 0);
			for (const node of shown) {
				published.push({ members: membersOf(g, node.members), n: node.n });
				sources.push({ group: key, kind: 'category', category: node.members[0] });
			}
			const accounted = new Set(shown.flatMap((node) => node.members));
			const rest = categories.filter((c) => !accounted.has(c));
			if (rest.length) {
				published.push({ members: membersOf(g, rest), n: n - shown.reduce((s, node) => s + node.n, 0) });
				sources.push({ group: key, kind: 'rest' });
			}
		}
		return { view, cells, published, sources };
	});
}

/** Per view and level: people, folded into a parent category, and withheld (in "Withheld" or in a row group not published). */
export function levelLosses(p: Protection): LevelLoss[] {
	const byLevel = new Map<string, LevelLoss>();
	const levelOf = (view: ViewName, g: RowGroup) => {
		const period = g.period.kind;
		const scope: LevelLoss['scope'] = g.scope.depth === 0 ? 'all' : p.exact.scope[g.scope.depth - 1];
		const key = `${view}|${period}|${scope}`;
		let loss = byLevel.get(key);
		if (!loss) byLevel.set(key, (loss = { view, period, scope, people: 0, folded: 0, withheld: 0, withheldShare: 0 }));
		return loss;
	};
	for (const view of p.exact.views)
		for (const [key, n] of p.totals) {
			if (n === 0) continue;
			const g = p.levels.groups.get(key)!;
			const loss = levelOf(view, g);
			loss.people += n;
			const state = p.breakdowns.get(view)?.get(key);
			if (p.hiddenTotals.has(key)) loss.withheld += n;
			else if (state)
				for (const node of state.nodes) {
					if (node.hidden) loss.withheld += node.n;
					else loss.folded += node.folded;
				}
		}
	for (const loss of byLevel.values()) loss.withheldShare = loss.people > 0 ? loss.withheld / loss.people : 0;
	const order = { all: 0, grant: 1, year: 2 };
	return [...byLevel.values()].sort(
		(a, b) => p.exact.views.indexOf(a.view) - p.exact.views.indexOf(b.view) || order[a.period] - order[b.period] || (a.scope === 'all' ? -1 : b.scope === 'all' ? 1 : 0)
	);
}
