/**
 * Which rows of the count table answer a selection (DESIGN.md: "The site answers each selection
 * from the level that matches it exactly"). A release holds the same counts at several levels
 * (whole period, grant periods, single years × all organisations, each organisation, …), each
 * protected on its own: summing fine rows where a coarse row exists would bring back what the fine
 * levels hide, so a selection reads the coarsest rows that match it. The exact table of /upload
 * holds single years at the finest scope only: the same rules then sum those. Pure: the catalog
 * (what the table holds) comes from one query when the table is loaded.
 */
import { ALL, SCOPE_FIELDS, type Filters, type ScopeField } from '$lib/types';
import type { OtherCountries } from '$lib/release/publish';

/** A value of the year column that spans several years: the whole period (ALL) or a grant period ("2023-2025"). */
export interface PublishedPeriod {
	year: string;
	from: number;
	to: number;
}

export type { OtherCountries };

/** One distinct (period, scope level) of the table: the scope fields that hold values at it. */
export interface CatalogCell {
	year: string;
	fields: ScopeField[];
}

export interface TableCatalog {
	/** The single years, ascending. */
	years: number[];
	/** The periods of more than one year: ALL (spanning the first to the last year), then the grant periods. */
	periods: PublishedPeriod[];
	/** Scope fields in the order the levels add them (['organisation', 'programme']). */
	scope: ScopeField[];
	/** The depths present (number of scope fields holding values), ascending. */
	depths: number[];
	/** `${year}|${depth}` for each period value × depth present. */
	cells: Set<string>;
	/** Countries in "Other nationalities", by row group key (see rowGroupKey). */
	otherCountries: Map<string, number>;
	/**
	 * The views that hold someone's known value (not only unknown or withheld): an optional one (type
	 * of exploitation) or region only where the export had such a column; 'group' also where the
	 * table is cut by group with known groups (its groups are then scope cells, see ./group).
	 */
	views: Set<string>;
}

/** The rows that answer a selection. */
export interface Level {
	/** Values of the year column summed: [ALL], one grant period, or single years ([] = none). */
	years: string[];
	/** Scope fields holding values at this level (the others hold ALL). */
	fields: ScopeField[];
	/** The selected values; a field of `fields` without one is summed over (`<> ALL`). */
	values: Partial<Record<ScopeField, string>>;
}

const SINGLE_YEAR = /^\d{4}$/;
const GRANT_PERIOD = /^(\d{4})-(\d{4})$/;

export function rowGroupKey(year: string, organisation: string, programme: string, group: string): string {
	return [year, organisation, programme, group].join('\u0000');
}

/** The catalog from the table's distinct (year, scope fields holding values), the release's otherCountries and its views. */
export function catalogFromCells(cells: CatalogCell[], otherCountries: OtherCountries[] = [], views: string[] = []): TableCatalog {
	const years = [...new Set(cells.filter((c) => SINGLE_YEAR.test(c.year)).map((c) => Number(c.year)))].sort((a, b) => a - b);
	const periods: PublishedPeriod[] = [];
	if (years.length && cells.some((c) => c.year === ALL)) periods.push({ year: ALL, from: years[0], to: years.at(-1)! });
	for (const year of [...new Set(cells.map((c) => c.year))].sort()) {
		const m = GRANT_PERIOD.exec(year);
		if (m) periods.push({ year, from: Number(m[1]), to: Number(m[2]) });
	}
	// A field a level adds to the one before: the scope's order (a table of one depth keeps SCOPE_FIELDS' order).
	const patterns = [...new Map(cells.map((c) => [c.fields.join(), c.fields])).values()].sort((a, b) => a.length - b.length);
	const scope: ScopeField[] = [];
	for (const fields of patterns) for (const f of SCOPE_FIELDS) if (fields.includes(f) && !scope.includes(f)) scope.push(f);
	return {
		years,
		periods,
		scope,
		depths: [...new Set(patterns.map((p) => p.length))],
		cells: new Set(cells.map((c) => `${c.year}|${c.fields.length}`)),
		otherCountries: new Map(otherCountries.map((o) => [rowGroupKey(o.year, o.organisation, o.programme, o.group), o.countries])),
		views: new Set(views)
	};
}

function span(filters: Filters, catalog: TableCatalog): { from: number; to: number } {
	return { from: filters.from ?? catalog.years[0] ?? 0, to: filters.to ?? catalog.years.at(-1) ?? 0 };
}

/**
 * The level answering `filters`. Scope: depth 1 + the index of the last field filtered (or in
 * `need`, the fields a trend is split by), or the finest depth present when the table has not
 * that one (summed). Period: the whole period when the range covers every year, a grant period
 * equal to the range, else the single years of the range (summed).
 */
export function chooseLevel(filters: Filters, catalog: TableCatalog, need: ScopeField[] = []): Level {
	const wanted = [...SCOPE_FIELDS.filter((f) => filters[f] !== undefined), ...need];
	const finest = catalog.depths.at(-1) ?? 0;
	const depth = wanted.reduce((d, f) => Math.max(d, catalog.scope.includes(f) ? catalog.scope.indexOf(f) + 1 : Infinity), 0);
	const chosen = catalog.depths.includes(depth) ? depth : finest;
	const values: Level['values'] = {};
	for (const f of SCOPE_FIELDS) if (filters[f] !== undefined) values[f] = filters[f];
	const fields = catalog.scope.slice(0, chosen);
	const { from, to } = span(filters, catalog);
	const period = catalog.periods.find((p) =>
		p.year === ALL ? from <= p.from && to >= p.to : p.from === from && p.to === to
	);
	// ALL comes first in periods: a grant period equal to the whole range is the whole period.
	const years = period && catalog.cells.has(`${period.year}|${chosen}`) ? [period.year] : singleYears(from, to, catalog);
	return { years, fields, values };
}

function singleYears(from: number, to: number, catalog: TableCatalog): string[] {
	return catalog.years.filter((y) => y >= from && y <= to).map(String);
}

/** The single years of the selection at the same scope level: the trend's rows. */
export function perYear(level: Level, filters: Filters, catalog: TableCatalog): Level {
	const { from, to } = span(filters, catalog);
	return { ...level, years: singleYears(from, to, catalog) };
}

/**
 * Countries in "Other nationalities" that the release says may be counted: only when the level
 * is one published row group (one period value, every scope field of the level selected). When
 * row groups are summed, their Others may hold the same countries, so none are added.
 */
export function otherCountriesOf(level: Level, catalog: TableCatalog): number {
	if (level.years.length !== 1 || level.fields.some((f) => level.values[f] === undefined)) return 0;
	// A value selected for a field the table is not cut by matches no row.
	if (SCOPE_FIELDS.some((f) => level.values[f] !== undefined && !level.fields.includes(f))) return 0;
	const value = (f: ScopeField) => (level.fields.includes(f) ? level.values[f]! : ALL);
	return catalog.otherCountries.get(rowGroupKey(level.years[0], value('organisation'), value('programme'), value('group'))) ?? 0;
}
