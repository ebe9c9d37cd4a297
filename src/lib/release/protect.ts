/**
 * The privacy transform (DESIGN.md, "Privacy"): count tables in, count tables out in which every
 * row stands for at least k people. Decided on totals first, so every view shares the same scope
 * cells (then any filter on scope fields is a sum of protected rows); then, per cell and view,
 * fold → withhold → widen the withheld bucket until no member can be worked out by subtraction.
 */
import { ALL, OTHER, UNKNOWN, WITHHELD, SCOPE_FIELDS, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { sortRows } from './count-tables';

export const MIN_K = 5;

const SEP = '\u0000';
/** Finest first: a small programme merges into "Other programmes" before its organisation goes. */
const MERGE_ORDER: ScopeField[] = ['programme', 'group', 'organisation'];
const CHILD_BANDS = ['0-4', '5-11', '12-17'];
const ADULT_BANDS = ['18-59', '60+'];
/** Categories that are never folded into "Other": they are not one country or oblast. */
const NOT_FOLDABLE = new Set(['stateless', UNKNOWN, OTHER, WITHHELD]);

type Cell = { year: number; organisation: string; programme: string; group: string };

export interface CellTrace {
	view: ViewName;
	cell: string;
	/** How many original categories ended up in WITHHELD (an existing WITHHELD counts as two). */
	withheldMembers: number;
	withheld: number;
	folded: number;
}

export function checkK(k: number): void {
	if (!Number.isInteger(k) || k < MIN_K) throw new Error(`k must be a whole number of at least ${MIN_K} (got ${k})`);
}

const cellKey = (c: Cell) => [c.year, c.organisation, c.programme, c.group].join(SEP);
const cellOf = (r: ReleaseRow): Cell => ({ year: r.year, organisation: r.organisation, programme: r.programme, group: r.group });

/** Map every scope cell to the (possibly merged) cell it is published under. */
function mergeCells(totals: Map<string, { cell: Cell; n: number }>, k: number, scope: ScopeField[], smallYears: Set<number>) {
	const target = new Map<string, Cell>();
	for (const [key, { cell }] of totals) target.set(key, { ...cell });
	const sizes = () => {
		const size = new Map<string, number>();
		for (const [key, cell] of target) size.set(cellKey(cell), (size.get(cellKey(cell)) ?? 0) + totals.get(key)!.n);
		return size;
	};
	const order = MERGE_ORDER.filter((f) => scope.includes(f));
	for (const [i, field] of order.entries()) {
		const size = sizes();
		for (const cell of target.values())
			if (size.get(cellKey(cell))! < k) for (const f of order.slice(0, i + 1)) cell[f] = OTHER;
	}
	// A year's fully merged cell may still be small: the next-smallest cell of the year joins it.
	for (;;) {
		const size = sizes();
		const small = [...size].find(
			([key, n]) => n < k && !smallYears.has(Number(key.split(SEP)[0])) && key.split(SEP).slice(1).every((v) => v === OTHER || v === ALL)
		);
		if (!small) break;
		const year = Number(small[0].split(SEP)[0]);
		const candidates = [...size].filter(([key]) => key !== small[0] && Number(key.split(SEP)[0]) === year).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
		if (candidates.length === 0) break;
		for (const cell of target.values()) if (cellKey(cell) === candidates[0][0]) for (const f of order) cell[f] = OTHER;
	}
	return target;
}

/** Small categories into their parent: age bands → child/adult, a country or oblast → Other. */
function fold(view: ViewName, counts: Map<string, number>, k: number): number {
	const small = (n: number | undefined) => n !== undefined && n > 0 && n < k;
	let folded = 0;
	const move = (from: string[], to: string) => {
		for (const c of from) {
			const n = counts.get(c);
			if (!n || c === to) continue;
			counts.set(to, (counts.get(to) ?? 0) + n);
			counts.delete(c);
			folded += n;
		}
	};
	if (view === 'sex_age') {
		const sexes = new Set([...counts.keys()].filter((c) => c.includes('|')).map((c) => c.split('|')[0]));
		for (const sex of sexes)
			for (const [bands, parent] of [[CHILD_BANDS, 'child'], [ADULT_BANDS, 'adult']] as const) {
				const keys = bands.map((b) => `${sex}|${b}`);
				if (keys.some((c) => small(counts.get(c)))) move(keys, `${sex}|${parent}`);
			}
	} else if (view === 'nationality' || view === 'region') {
		move([...counts.keys()].filter((c) => !NOT_FOLDABLE.has(c) && small(counts.get(c))), OTHER);
	}
	return folded;
}

/** What is still small goes to WITHHELD; then WITHHELD grows until it is ≥ k and has ≥ 2 members. */
function withhold(counts: Map<string, number>, k: number): number {
	let members = counts.get(WITHHELD) ? 2 : 0;
	const take = (c: string) => {
		counts.set(WITHHELD, (counts.get(WITHHELD) ?? 0) + counts.get(c)!);
		counts.delete(c);
		members++;
	};
	for (const [c, n] of [...counts]) if (c !== WITHHELD && n > 0 && n < k) take(c);
	for (;;) {
		const withheld = counts.get(WITHHELD) ?? 0;
		if (withheld === 0 || (withheld >= k && members >= 2)) break;
		const next = [...counts].filter(([c, n]) => c !== WITHHELD && n > 0).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0];
		if (!next) break;
		take(next[0]);
	}
	return members;
}

export function protectWithTrace(rows: ReleaseRow[], k: number): { rows: ReleaseRow[]; traces: CellTrace[]; merged: { cells: number; people: number }; smallYears: number[] } {
	checkK(k);
	const scope = SCOPE_FIELDS.filter((f) => rows.some((r) => r[f] !== ALL));
	const totals = new Map<string, { cell: Cell; n: number }>();
	const yearTotals = new Map<number, number>();
	for (const r of rows.filter((r) => r.view === 'total')) {
		const key = cellKey(cellOf(r));
		totals.set(key, { cell: cellOf(r), n: (totals.get(key)?.n ?? 0) + r.n });
		yearTotals.set(r.year, (yearTotals.get(r.year) ?? 0) + r.n);
	}
	const smallYears = [...yearTotals].filter(([, n]) => n > 0 && n < k).map(([y]) => y).sort();
	const target = mergeCells(totals, k, scope, new Set(smallYears));
	let mergedCells = 0;
	let mergedPeople = 0;
	for (const [key, cell] of target)
		if (key !== cellKey(cell) && !smallYears.includes(cell.year)) (mergedCells++, (mergedPeople += totals.get(key)!.n));

	// Regroup every view's rows under the merged cells.
	const grouped = new Map<string, Map<string, number>>();
	for (const r of rows) {
		if (r.n === 0) continue;
		const cell = target.get(cellKey(cellOf(r))) ?? cellOf(r);
		const key = `${r.view}${SEP}${cellKey(cell)}`;
		const counts = grouped.get(key) ?? new Map<string, number>();
		counts.set(r.category, (counts.get(r.category) ?? 0) + r.n);
		grouped.set(key, counts);
	}

	const out: ReleaseRow[] = [];
	const traces: CellTrace[] = [];
	const emitted = new Set<number>();
	for (const [key, counts] of grouped) {
		const [view, yearText, organisation, programme, group] = key.split(SEP) as [ViewName, string, string, string, string];
		const year = Number(yearText);
		if (smallYears.includes(year)) {
			// The only row allowed below k: a small year's total, without any breakdown.
			if (view === 'total' && !emitted.has(year)) {
				emitted.add(year);
				const other = (f: ScopeField) => (scope.includes(f) ? OTHER : ALL);
				out.push({ view, year, organisation: other('organisation'), programme: other('programme'), group: other('group'), category: '', n: yearTotals.get(year)! });
			}
			continue;
		}
		let folded = 0;
		let members = 0;
		if (view !== 'total') {
			folded = fold(view, counts, k);
			members = withhold(counts, k);
		}
		traces.push({ view, cell: key, withheldMembers: members, withheld: counts.get(WITHHELD) ?? 0, folded });
		for (const [category, n] of counts) if (n > 0) out.push({ view, year, organisation, programme, group, category, n });
	}
	return { rows: sortRows(out), traces, merged: { cells: mergedCells, people: mergedPeople }, smallYears };
}

export function protect(rows: ReleaseRow[], k: number): ReleaseRow[] {
	return protectWithTrace(rows, k).rows;
}
