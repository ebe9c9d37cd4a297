/**
 * What a new export changed in the frozen years, as far as the published rows show it: people
 * registered late (or removed), and people whose values were corrected. For staff only (the
 * release command, /upload): a count of 1 in a published file would itself be a disclosure.
 * Changes are seen where the previous release published the rows they touch; a correction between
 * two categories that were both withheld cannot be seen, so the counts are the fewest people
 * consistent with the published rows.
 */
import { ALL, OTHER, SCOPE_FIELDS, WITHHELD, type PersonRow, type ReleaseRow, type ViewName } from '$lib/types';
import { SEP } from './levels';
import { countByGroup, membersOf, scopeKey, sumOf } from './published-groups';
import type { ReleaseDocument } from './release-file';

export interface HeldBackYear {
	/** A year, or several years that were not published one by one ("2019, 2020"). */
	year: string;
	late: number;
	removed: number;
	corrected: number;
}

export interface HeldBack {
	people: number;
	years: HeldBackYear[];
}

const depthOf = (r: ReleaseRow) => SCOPE_FIELDS.filter((f) => r[f] !== ALL).length;

export function heldBack(frozenPeople: PersonRow[], previous: Pick<ReleaseDocument, 'rows' | 'scope' | 'otherCountries'>, k: number): HeldBack {
	const views = [...new Set(previous.rows.map((r) => r.view))];
	const counts = countByGroup(frozenPeople, previous.scope, views, (p) => [String(p.year), ALL]);
	// Published rows by row group and view: category → n.
	const published = new Map<string, Map<string, number>>();
	for (const r of previous.rows) {
		const key = [r.year, scopeKey(r), r.view].join(SEP);
		published.set(key, (published.get(key) ?? new Map()).set(r.category, r.n));
	}
	const rowsOf = (year: string, scope: string, view: ViewName) => published.get([year, scope, view].join(SEP));
	const top = scopeKey({ organisation: ALL, programme: ALL, group: ALL });
	const totalOf = (year: string, scope = top) => rowsOf(year, scope, 'total')?.get('');
	const exportTotal = (year: string, scope = top) => counts(year, scope, 'total').get('') ?? 0;

	const frozenYears = [...new Set([...frozenPeople.map((p) => p.year), ...previous.rows.flatMap((r) => (/^\d{4}$/.test(r.year) ? [Number(r.year)] : []))])].sort();
	const years: HeldBackYear[] = [];
	const unpublished: number[] = [];
	let residual = exportTotal(ALL) - (totalOf(ALL) ?? 0);
	for (const y of frozenYears.map(String)) {
		const before = totalOf(y);
		if (before === undefined) {
			unpublished.push(Number(y));
			continue;
		}
		const change = exportTotal(y) - before;
		residual -= change;
		const corrected = corrections(previous.rows.filter((r) => r.year === y), y, counts, rowsOf, k, previous);
		if (change !== 0 || corrected > 0) years.push({ year: y, late: Math.max(0, change), removed: Math.max(0, -change), corrected });
	}
	if (residual !== 0) years.push({ year: unpublished.join(', '), late: Math.max(0, residual), removed: Math.max(0, -residual), corrected: 0 });
	return { people: years.reduce((s, y) => s + y.late + y.removed + y.corrected, 0), years };
}

/**
 * People corrected in one year: per view and scope depth, what moved between published categories
 * beyond what the total changed by (a late registration moves one category and the total alike);
 * the largest over views and depths (one person corrected in two fields counts once).
 */
function corrections(
	rows: ReleaseRow[],
	year: string,
	counts: ReturnType<typeof countByGroup>,
	rowsOf: (year: string, scope: string, view: ViewName) => Map<string, number> | undefined,
	k: number,
	previous: Pick<ReleaseDocument, 'otherCountries'>
): number {
	let most = 0;
	const groups = new Map<string, ReleaseRow>();
	for (const r of rows) groups.set(`${depthOf(r)}${SEP}${r.view}${SEP}${scopeKey(r)}`, r);
	const moved = new Map<string, number>();
	for (const [key, r] of groups) {
		if (r.view === 'total') continue;
		const scope = scopeKey(r);
		const shown = rowsOf(year, scope, r.view)!;
		const total = rowsOf(year, scope, 'total')?.get('');
		if (total === undefined) continue;
		const mine = counts(year, scope, r.view);
		const exportTotal = counts(year, scope, 'total').get('') ?? 0;
		const countries = previous.otherCountries.find((o) => o.year === year && scopeKey(o) === scope)?.countries;
		let change = 0;
		let restBefore = total;
		let restNow = exportTotal;
		for (const [category, n] of shown) {
			if (category === WITHHELD) continue;
			const members = category === OTHER ? null : membersOf(r.view, category, new Set(shown.keys()), mine, k, countries);
			if (!members) continue;
			const now = sumOf(mine, members);
			change += Math.abs(now - n);
			restBefore -= n;
			restNow -= now;
		}
		change += Math.abs(restNow - restBefore);
		const level = key.slice(0, key.lastIndexOf(SEP));
		moved.set(level, (moved.get(level) ?? 0) + (change - Math.abs(exportTotal - total)) / 2);
	}
	for (const n of moved.values()) most = Math.max(most, n);
	return Math.round(most);
}
