/** Exact count tables of normalised people, by year × finest scope cell: the release transform's input. */
import { ALL, SCOPE_FIELDS, UNKNOWN, type PersonRow, type ReleaseRow, type ScopeField, type ViewName } from '$lib/types';
import { SEP } from './levels';

/** Which attribute each breakdown view counts by. */
const BREAKDOWNS: [ViewName, (p: PersonRow) => string][] = [
	['nationality', (p) => p.nationality],
	['disability', (p) => p.disability],
	['sex_age', (p) => `${p.sex}|${p.age}`],
	['group', (p) => p.group],
	['region', (p) => p.region],
	['exploitation', (p) => p.exploitation ?? UNKNOWN]
];

/** Optional views: published only when some person's value is known (an export with such a column). */
const OPTIONAL: ViewName[] = ['exploitation'];

export interface ExactCounts {
	scope: ScopeField[];
	/**
	 * 'total' first; 'group' is left out when the scope is cut by group (it would be the total), an
	 * optional view when nobody's value is known (no such column: a table of "Unknown" tells nothing).
	 */
	views: ViewName[];
	years: number[];
	/** Finest scope cells: the scope fields' values joined by SEP. */
	finest: string[];
	/** `${year}${SEP}${finest}` → per view (in `views` order), category → people ('' for the total). */
	cells: Map<string, Map<string, number>[]>;
}

export const cellKey = (year: number, finest: string) => `${year}${SEP}${finest}`;

export function exactCounts(people: Iterable<PersonRow>, scope: readonly ScopeField[]): ExactCounts {
	const fields = SCOPE_FIELDS.filter((f) => scope.includes(f));
	const list = Array.isArray(people) ? (people as PersonRow[]) : [...people];
	const breakdowns = BREAKDOWNS.filter(
		([view, of]) => !(view === 'group' && fields.includes('group')) && !(OPTIONAL.includes(view) && list.every((p) => p.n === 0 || of(p) === UNKNOWN))
	);
	// One key string per person, not one per count (1M people: ~2× faster).
	const cells = new Map<string, Map<string, number>[]>();
	const years = new Set<number>();
	const finest = new Set<string>();
	const add = (counts: Map<string, number>, category: string, n: number) => counts.set(category, (counts.get(category) ?? 0) + n);
	for (const p of list) {
		if (p.n === 0) continue;
		const scopeKey = fields.map((f) => p[f]).join(SEP);
		const key = cellKey(p.year, scopeKey);
		let counts = cells.get(key);
		if (!counts) {
			cells.set(key, (counts = [new Map(), ...breakdowns.map(() => new Map())]));
			years.add(p.year);
			finest.add(scopeKey);
		}
		add(counts[0], '', p.n);
		for (let v = 0; v < breakdowns.length; v++) add(counts[v + 1], breakdowns[v][1](p), p.n);
	}
	return {
		scope: fields,
		views: ['total', ...breakdowns.map(([view]) => view)],
		years: [...years].sort((a, b) => a - b),
		finest: [...finest].sort(),
		cells
	};
}

/** The exact tables as rows (per year, finest scope cell): what /upload shows staff, never published. */
export function countTables(people: Iterable<PersonRow>, scope: readonly ScopeField[]): ReleaseRow[] {
	const exact = exactCounts(people, scope);
	const rows: ReleaseRow[] = [];
	for (const [key, counts] of exact.cells) {
		const [year, ...values] = key.split(SEP);
		const at = (f: ScopeField) => (exact.scope.includes(f) ? values[exact.scope.indexOf(f)] : ALL);
		counts.forEach((byCategory, v) => {
			for (const [category, n] of byCategory)
				rows.push({ view: exact.views[v], year, organisation: at('organisation'), programme: at('programme'), group: at('group'), category, n });
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
