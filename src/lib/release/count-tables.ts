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
	const [byOrganisation, byProgramme, byGroup] = (['organisation', 'programme', 'group'] as const).map((f) => scope.includes(f));
	const views = BREAKDOWNS.filter(([view]) => !(view === 'group' && byGroup));
	// cell → the counts of each view (the total first) by category: one key string per person, not
	// one per count (1M people: ~2× faster).
	const cells = new Map<string, Map<string, number>[]>();
	const add = (counts: Map<string, number>, category: string, n: number) => counts.set(category, (counts.get(category) ?? 0) + n);
	for (const p of people) {
		if (p.n === 0) continue;
		const cell = `${p.year}${SEP}${byOrganisation ? p.organisation : ALL}${SEP}${byProgramme ? p.programme : ALL}${SEP}${byGroup ? p.group : ALL}`;
		let counts = cells.get(cell);
		if (!counts) cells.set(cell, (counts = [new Map(), ...views.map(() => new Map())]));
		add(counts[0], '', p.n);
		for (let v = 0; v < views.length; v++) add(counts[v + 1], views[v][1](p), p.n);
	}
	const names: ViewName[] = ['total', ...views.map(([view]) => view)];
	const rows: ReleaseRow[] = [];
	for (const [cell, counts] of cells) {
		const [year, organisation, programme, group] = cell.split(SEP);
		counts.forEach((byCategory, v) => {
			for (const [category, n] of byCategory) rows.push({ view: names[v], year: Number(year), organisation, programme, group, category, n });
		});
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
