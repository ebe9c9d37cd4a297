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
	const counts = new Map<string, number>();
	const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
	for (const p of people) {
		if (p.n === 0) continue;
		const cell = [p.year, inScope('organisation') ? p.organisation : ALL, inScope('programme') ? p.programme : ALL, inScope('group') ? p.group : ALL].join(SEP);
		add(`total${SEP}${cell}${SEP}`, p.n);
		for (const [view, category] of views) add(`${view}${SEP}${cell}${SEP}${category(p)}`, p.n);
	}
	const rows: ReleaseRow[] = [];
	for (const [key, n] of counts) {
		const [view, year, organisation, programme, group, category] = key.split(SEP);
		rows.push({ view: view as ViewName, year: Number(year), organisation, programme, group, category, n });
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
