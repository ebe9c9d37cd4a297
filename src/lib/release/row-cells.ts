/**
 * Published rows as sums of finest cells (year × finest scope cell × category): how the audit of
 * successive releases and the audit of a revision read rows that no single protection made. Per
 * row group, the total sums every category, a shown category its export categories (membersOf:
 * "Other" and a sex's children or adults may be folded), and "Withheld" the rest.
 */
import { ALL, WITHHELD, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { SEP } from './levels';
import { membersOf, scopeKey, type GroupCounts } from './published-groups';
import type { Span } from './release-file';

export interface CellGrid {
	scope: ScopeField[];
	years: number[];
	/** Finest scope cells: scope values joined by SEP. */
	finest: string[];
	categories: string[];
	/** The cell index of a year, a finest scope cell and a category, if the grid has it. */
	index: Map<string, number>;
	/** The export's counts by single year (String(year)), scope row group and view: who is in a folded category. */
	counts: GroupCounts;
	k: number;
}

export const cellKey = (year: number, finest: string, category: string) => `${year}${SEP}${finest}${SEP}${category}`;

/** The cells of some categories over some years, under a scope row group (values ALL where summed). */
export function cellsUnder(grid: CellGrid, span: Span, values: Record<ScopeField, string>, of: readonly string[]): number[] {
	const under = grid.finest.filter((f) => grid.scope.every((field, i) => values[field] === ALL || values[field] === f.split(SEP)[i]));
	const out: number[] = [];
	for (const y of grid.years.filter((y) => y >= span.from && y <= span.to))
		for (const f of under)
			for (const c of of) {
				const i = grid.index.get(cellKey(y, f, c));
				if (i !== undefined) out.push(i);
			}
	return out;
}

/** Each row group of `view` (with its total) as equations over the grid's cells; `spanOf` gives a period key's years, null to leave it out. */
export function rowEquations(grid: CellGrid, rows: ReleaseRow[], view: ViewName, spanOf: (key: string) => Span | null): { members: number[]; n: number }[] {
	const groups = new Map<string, ReleaseRow[]>();
	for (const r of rows) {
		if (r.view !== 'total' && r.view !== view) continue;
		const key = `${r.year}${SEP}${scopeKey(r)}`;
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	const out: { members: number[]; n: number }[] = [];
	for (const group of groups.values()) {
		const total = group.find((r) => r.view === 'total');
		const span = total && spanOf(total.year);
		if (!total || !span) continue;
		out.push({ members: cellsUnder(grid, span, total, grid.categories), n: total.n });
		if (view === 'total') continue;
		const truth = new Map<string, number>();
		for (let y = span.from; y <= span.to; y++) for (const [c, n] of grid.counts(String(y), scopeKey(total), view)) truth.set(c, (truth.get(c) ?? 0) + n);
		const shown = group.filter((r) => r.view === view && r.category !== WITHHELD);
		const shownSet = new Set(shown.map((r) => r.category));
		const taken = new Set<string>();
		for (const r of shown) {
			const of = membersOf(view, r.category, shownSet, truth, grid.k) ?? [r.category];
			of.forEach((c) => taken.add(c));
			out.push({ members: cellsUnder(grid, span, total, of), n: r.n });
		}
		if (shown.length) out.push({ members: cellsUnder(grid, span, total, grid.categories.filter((c) => !taken.has(c))), n: total.n - shown.reduce((s, r) => s + r.n, 0) });
	}
	return out;
}
