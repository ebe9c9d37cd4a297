/**
 * An export's people in the shape of a published release: counts per row group (period × scope
 * values, ALL where summed) and view, and the export categories behind a published category. What
 * a release made against an earlier one compares and composes with the frozen rows.
 */
import { ALL, OTHER, SCOPE_FIELDS, SEVERAL, UNKNOWN, type PersonRow, type ScopeField, type ViewName } from '$lib/types';
import { SEP } from './levels';

/** The category a person counts in, per view. */
export const categoryOf: Record<ViewName, (p: PersonRow) => string> = {
	total: () => '',
	nationality: (p) => p.nationality,
	disability: (p) => p.disability,
	sex_age: (p) => `${p.sex}|${p.age}`,
	group: (p) => p.group,
	region: (p) => p.region,
	exploitation: (p) => p.exploitation ?? UNKNOWN
};

/** A row group's scope values as one key (organisation, programme, group). */
export const scopeKey = (r: Record<ScopeField, string>) => SCOPE_FIELDS.map((f) => r[f]).join(SEP);

export type GroupCounts = (period: string, scope: string, view: ViewName) => Map<string, number>;

/** People counted in every period `periodsOf` gives them (a year, ALL), at every scope depth. */
export function countByGroup(people: Iterable<PersonRow>, scope: readonly ScopeField[], views: readonly ViewName[], periodsOf: (p: PersonRow) => string[]): GroupCounts {
	const out = new Map<string, Map<string, number>>();
	for (const p of people) {
		if (p.n === 0) continue;
		for (let d = 0; d <= scope.length; d++) {
			const values = SCOPE_FIELDS.map((f) => (scope.indexOf(f) >= 0 && scope.indexOf(f) < d ? p[f] : ALL)).join(SEP);
			for (const period of periodsOf(p))
				for (const view of views) {
					const key = `${period}${SEP}${values}${SEP}${view}`;
					const counts = out.get(key) ?? new Map<string, number>();
					const c = categoryOf[view](p);
					counts.set(c, (counts.get(c) ?? 0) + p.n);
					out.set(key, counts);
				}
		}
	}
	return (period, values, view) => out.get(`${period}${SEP}${values}${SEP}${view}`) ?? new Map<string, number>();
}

const CHILD = ['0-4', '5-11', '12-17'];
const ADULT = ['18-59', '60+'];
/** As protect.ts: never folded into "Other". */
const NOT_FOLDABLE = new Set(['stateless', UNKNOWN, SEVERAL]);

/**
 * The export categories behind a published category: a plain category is itself; "Other" and a
 * sex's children or adults may have been folded (protect.ts), and their members are read from the
 * export's own counts (`counts`, of the same row group): small foldable categories not shown, the
 * age bands not shown. The caller checks they add up to the published figure; null when "Other"
 * cannot hold the number of countries the release says it holds.
 */
export function membersOf(view: ViewName, category: string, shown: Set<string>, counts: Map<string, number>, k: number, countries?: number): string[] | null {
	if (category === OTHER && view !== 'group') {
		const members = [...counts.keys()].filter((c) => !NOT_FOLDABLE.has(c) && !shown.has(c) && (counts.get(c) ?? 0) > 0 && (counts.get(c) ?? 0) < k);
		if (counts.has(OTHER) && !members.includes(OTHER)) members.push(OTHER);
		if (view === 'nationality' && countries !== undefined && members.length !== countries) return null;
		return members;
	}
	if (view === 'sex_age') {
		const [sex, age] = category.split('|');
		const bands = age === 'child' ? CHILD : age === 'adult' ? ADULT : [];
		return [category, ...bands.map((b) => `${sex}|${b}`).filter((c) => !shown.has(c))];
	}
	return [category];
}

/** The sum of some categories' counts. */
export const sumOf = (counts: Map<string, number>, members: readonly string[]) => members.reduce((s, c) => s + (counts.get(c) ?? 0), 0);
