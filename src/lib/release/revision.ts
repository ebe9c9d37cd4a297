/**
 * A revision (DESIGN.md, "Successive releases"): the held-back changes published, by a release of
 * the whole export that replaces the last one. Both stay public, so the change between them is a
 * small population of its own, audited as the statistical offices audit linked tables: every row
 * of both files an equation over the finest cells (year × scope cell × category), the people
 * removed and added per cell as unknowns, and an attacker who assumes the changes are as few as
 * possible (the least total change consistent with both files). Under that assumption no changed
 * count may be proven to lie in 1..k−1 (pinned, or bounded there): else the revision is refused,
 * naming the periods and views that block it.
 */
import { ALL, WITHHELD, type PersonRow, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { categoryOf, countByGroup } from './published-groups';
import { cellKey, rowEquations, type CellGrid } from './row-cells';
import { release, type Release, type ReleaseOptions } from './index';
import type { Highs } from './audit';
import { periodYears, type ReleaseDocument, type Span } from './release-file';
import { SEP } from './levels';

export interface ChangeExposure {
	view: ViewName;
	/** "2024 · Tunuk Foundation · AF" */
	cell: string;
	/** The change the attacker can prove: between these (people added − removed). */
	min: number;
	max: number;
}

export interface Revision {
	release: Release;
	/** Changed counts of 1..k−1 an attacker could prove from both files: empty when the revision may be published. */
	exposures: ChangeExposure[];
	/** The least number of changed people consistent with both files, per view (what the attacker assumes). */
	fewest: Partial<Record<ViewName, number>>;
}

/** A period key's years within its file's (a grant period published before its last year holds the people of then). */
const yearsOf = (key: string, whole: Span): Span => {
	const s = periodYears(key) ?? whole;
	return { from: Math.max(s.from, whole.from), to: Math.min(s.to, whole.to) };
};

let nodeHighs: Promise<Highs> | undefined;
const defaultSolver = () => (nodeHighs ??= import('highs').then((m) => m.default()));

export async function revise(people: PersonRow[], previous: ReleaseDocument, opts: ReleaseOptions): Promise<Revision> {
	const k = Math.max(opts.k, previous.k);
	const fresh = await release(people, { ...opts, k, frozen: undefined });
	const highs = await (opts.solver ?? defaultSolver)();
	const span = { from: Math.min(previous.span.from, ...fresh.exact.years), to: Math.max(previous.span.to, ...fresh.exact.years) };
	const files = [
		{ rows: previous.rows, span: previous.span },
		{ rows: fresh.rows, span: { from: fresh.exact.years[0], to: fresh.exact.years.at(-1)! } }
	];
	const exposures: ChangeExposure[] = [];
	const fewest: Revision['fewest'] = {};
	for (const view of fresh.exact.views.filter((v) => v !== 'total')) {
		const result = changeAttack(view, files, people, previous.scope, span, k, highs);
		exposures.push(...result.exposures);
		fewest[view] = result.fewest;
	}
	return { release: fresh, exposures, fewest };
}

/** The LP of one view: x (before) and y = x + a − r (after) per cell, both files' rows as equations. */
function changeAttack(view: ViewName, files: { rows: ReleaseRow[]; span: Span }[], people: PersonRow[], scope: ScopeField[], span: Span, k: number, highs: Highs) {
	const finest = new Set<string>();
	for (const p of people) finest.add(scope.map((f) => p[f]).join(SEP));
	for (const { rows } of files) for (const r of rows) if (scope.every((f) => r[f] !== ALL)) finest.add(scope.map((f) => r[f]).join(SEP));
	const categories = new Set<string>();
	for (const { rows } of files) for (const r of rows) if (r.view === view && r.category !== WITHHELD) categories.add(r.category);
	for (const p of people) categories.add(categoryOf[view](p));
	const years = Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i);
	const cells: string[] = [];
	const index = new Map<string, number>();
	for (const y of years) for (const f of finest) for (const c of categories) (index.set(cellKey(y, f, c), cells.length), cells.push([y, ...f.split(SEP), c].filter((x) => x !== '').join(' · ')));
	const grid: CellGrid = { scope, years, finest: [...finest], categories: [...categories], index, counts: countByGroup(people, scope, [view], (p) => [String(p.year)]), k };
	const equations: string[] = [];
	files.forEach(({ rows, span: whole }, file) => {
		const variable = (i: number) => (file === 0 ? `x${i}` : `x${i} + a${i} - r${i}`);
		for (const { members, n } of rowEquations(grid, rows, view, (key) => yearsOf(key, whole)))
			if (members.length) equations.push(`${members.map(variable).join(' + ')} = ${n}`);
	});
	const n = cells.length;
	const bounds = [...Array(n).keys()].flatMap((i) => [` x${i} >= 0`, ` a${i} >= 0`, ` r${i} >= 0`]);
	// After: x + a − r ≥ 0.
	const after = [...Array(n).keys()].map((i) => `x${i} + a${i} - r${i} >= 0`);
	const change = [...Array(n).keys()].flatMap((i) => [`a${i}`, `r${i}`]).join(' + ');
	const lp = (sense: 'Minimize' | 'Maximize', objective: string, extra: string[] = []) =>
		`${sense}\n obj: ${objective}\nSubject To\n${[...equations, ...after, ...extra].map((c, i) => ` c${i}: ${c}`).join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
	const solve = (text: string) => {
		const result = highs.solve(text);
		if (result.Status !== 'Optimal') throw new Error(`revision audit: ${view}: the two releases have no common solution (${result.Status})`);
		return result;
	};
	// The attacker's assumption: as few changes as the two files allow.
	const first = solve(lp('Minimize', change));
	const fewest = Math.round(first.ObjectiveValue);
	const least = [`${change} <= ${first.ObjectiveValue + 1e-6}`];
	const value = (name: string) => (first.Columns as Record<string, { Primal: number }>)[name]?.Primal ?? 0;
	const exposures: ChangeExposure[] = [];
	for (let i = 0; i < n; i++) {
		// A cell unchanged in one least solution cannot be proven changed.
		if (Math.abs(value(`a${i}`) - value(`r${i}`)) < 1e-6) continue;
		const d = `a${i} - r${i}`;
		const max = solve(lp('Maximize', d, least)).ObjectiveValue;
		const min = solve(lp('Minimize', d, least)).ObjectiveValue;
		const small = (lo: number, hi: number) => lo >= 1 - 1e-6 && hi <= k - 1 + 1e-6;
		if (small(min, max) || small(-max, -min)) exposures.push({ view, cell: cells[i], min: Math.round(min * 100) / 100, max: Math.round(max * 100) / 100 });
	}
	return { exposures, fewest };
}

/** Why a revision is refused, and what would let it pass. */
export function formatRevision(r: Revision, k: number): string {
	if (r.exposures.length === 0)
		return `revision: the change from the previous release passes its audit (fewest changed people per view: ${Object.entries(r.fewest).map(([v, n]) => `${v} ${n}`).join(', ')}): no change of 1..${k - 1} people can be proven`;
	const periods = [...new Set(r.exposures.map((e) => e.cell.slice(0, 4)))].sort();
	const views = [...new Set(r.exposures.map((e) => e.view))];
	return [
		`revision refused: ${r.exposures.length} changed count${r.exposures.length === 1 ? '' : 's'} of 1..${k - 1} people can be proven from the two releases together`,
		`  blocked by: ${periods.join(', ')} in ${views.join(', ')}`,
		...r.exposures.slice(0, 20).map((e) => `  ${e.view} · ${e.cell}: changed by ${e.min === e.max ? e.min : `${e.min} to ${e.max}`}`),
		`  what would let it pass: wait for more changes in those periods (a change of at least ${k} people cannot be read as a few), or revise at a coarser level (a wider scope or a grant period instead of single years)`
	].join('\n');
}
