/** Exact count tables (the views) of normalised people: the release transform's input. */
import { ALL, type PersonRow, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';

const SEP = '\u0000';

/** Which attribute each breakdown view counts by. */
const BREAKDOWNS: [ViewName, (p: PersonRow) => string][] = [
	['nationality', (p) => p.nationality],
	['disability', (p) => p.disability],
	['sex_age', (p) => `${p.sex}|${p.age}`],
	['group', (p) => p.group],
	['region', (p) => p.region]
];

export function countTables(people: Iterable<PersonRow>, scope: readonly ScopeField[]): ReleaseRow[] {
	const inScope = (f: ScopeField) => scope.includes(f);
	const views = BREAKDOWNS.filter(([view]) => !(view === 'group' && inScope('group')));
	// cell → view → category → n: one key string per person, not one per count (1M people: ~2× faster).
	const cells = new Map<string, Map<ViewName, Map<string, number>>>();
	const add = (counts: Map<string, number>, category: string, n: number) => counts.set(category, (counts.get(category) ?? 0) + n);
	for (const p of people) {
		if (p.n === 0) continue;
		const cell = `${p.year}${SEP}${inScope('organisation') ? p.organisation : ALL}${SEP}${inScope('programme') ? p.programme : ALL}${SEP}${inScope('group') ? p.group : ALL}`;
		let byView = cells.get(cell);
		if (!byView) cells.set(cell, (byView = new Map([['total', new Map()], ...views.map(([view]) => [view, new Map()] as const)])));
		add(byView.get('total')!, '', p.n);
		for (const [view, category] of views) add(byView.get(view)!, category(p), p.n);
	}
	const rows: ReleaseRow[] = [];
	for (const [cell, byView] of cells) {
		const [year, organisation, programme, group] = cell.split(SEP);
		for (const [view, counts] of byView)
			for (const [category, n] of counts) rows.push({ view, year: Number(year), organisation, programme, group, category, n });
	}
	return sortRows(rows);
}

const ORDER: (keyof ReleaseRow)[] = ['view', 'year', 'organisation', 'programme', 'group', 'category'];

export function sortRows(rows: ReleaseRow[]): ReleaseRow[] {
	return rows.sort((a, b) => {
		for (const key of ORDER) {
			const x = a[key];
			const y = b[key];
			if (x !== y) return x < y ? -1 : 1;
		}
		return 0;
	});
}
