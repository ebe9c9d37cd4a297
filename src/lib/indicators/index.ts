/** All indicators for one selection, from one count table, in Node and in the browser alike. */
import { ALL, OTHER, SCOPE_FIELDS, UNKNOWN, WITHHELD, type CategoryRow, type DisabilityYearRow, type Filters, type ReleaseRow, type ScopeField, type SexAgeRow, type TrendRow } from '$lib/types';
import type { Engine } from '$lib/db/engine';
import { COUNTS_TABLE, categoryCountsSql, type CountedCategory, type Query } from './query';
import { totalsByYearSql, totalsSql, trendSql, trendView, type StackBy } from './beneficiaries';
import { disabilityCounts, disabilitySql, type DisabilityCounts } from './disability';
import { coveragesSql } from './coverage';
import { nationalityCount } from './nationalities';
import { sexAgeRows } from './sex-age';
import { groupsInScopeSql, groupsWithRest } from './group';
import { catalogFromCells, chooseLevel, otherCountriesOf, perYear, type CatalogCell, type OtherCountries, type TableCatalog } from './level';

export interface Indicators {
	beneficiaries: number;
	/** Whether `beneficiaries` is the true count: false when a row group of the selection is hidden (a lower bound). */
	beneficiariesExact: boolean;
	years: number[];
	/** Whether those are all the years with people (none hidden at the selection's level). */
	yearsExact: boolean;
	disability: DisabilityCounts;
	nationalityCount: number;
	/** Whether that is every country of the selection (else a lower bound). */
	nationalityCountExact: boolean;
	nationalities: CategoryRow[];
	trend: TrendRow[];
	disabilityByYear: DisabilityYearRow[];
	sexAge: SexAgeRow[];
	/** People by type of exploitation (or case type); null when the table has no such view (the export had no such column). */
	exploitation: CategoryRow[] | null;
	/** People by region (oblast or city); null when nobody's region is known (the export had no such column). */
	region: CategoryRow[] | null;
	/** People by beneficiary group (its view, or the scope cells of a table cut by group); null when nobody's group is known. */
	group: CategoryRow[] | null;
}

export interface IndicatorOptions {
	stackBy?: StackBy;
	groupInScope?: boolean;
}

const run = <T>(engine: Engine, q: Query) => engine.query<T>(q.sql, q.params);

/** What each engine's count table holds, read once when it is loaded. */
const catalogs = new WeakMap<Engine, Promise<TableCatalog>>();

/**
 * Load a count table (a release's levels, or /upload's exact table) and read its catalog.
 * `otherCountries`: the release's count of countries in each published "Other nationalities".
 */
export async function loadCounts(engine: Engine, rows: ReleaseRow[], otherCountries: OtherCountries[] = []): Promise<void> {
	catalogs.delete(engine);
	if (rows.length === 0) {
		// Arrow cannot tell the type of an empty column: declare them, so sums still bind.
		await engine.exec(`CREATE OR REPLACE TABLE ${COUNTS_TABLE} (view VARCHAR, year VARCHAR, organisation VARCHAR, programme VARCHAR, "group" VARCHAR, category VARCHAR, n DOUBLE)`);
	} else {
		await engine.insertColumns(COUNTS_TABLE, {
			view: rows.map((r) => r.view),
			// Always text, also from a release written when years were numbers.
			year: rows.map((r) => String(r.year)),
			organisation: rows.map((r) => r.organisation),
			programme: rows.map((r) => r.programme),
			group: rows.map((r) => r.group),
			category: rows.map((r) => r.category),
			n: rows.map((r) => r.n)
		});
	}
	const catalog = tableCatalog(engine, otherCountries);
	catalogs.set(engine, catalog);
	await catalog;
}

/** The periods and scope levels of the count table: one DISTINCT query. */
export async function tableCatalog(engine: Engine, otherCountries: OtherCountries[] = []): Promise<TableCatalog> {
	const columns = SCOPE_FIELDS.map((f) => `"${f}" <> '${ALL}' AS "${f}"`).join(', ');
	const [rows, views] = await Promise.all([
		engine.query<{ year: string } & Record<ScopeField, boolean>>(`SELECT DISTINCT year, ${columns} FROM ${COUNTS_TABLE}`),
		// A view of nobody's known value (an export without a region column) is not one to draw; the
		// groups of a table cut by group are its scope cells.
		engine.query<{ view: string }>(
			`SELECT view FROM ${COUNTS_TABLE} GROUP BY view HAVING bool_or(category NOT IN ('${UNKNOWN}', '${WITHHELD}'))
			UNION SELECT 'group' FROM ${COUNTS_TABLE} WHERE view = 'total' AND "group" NOT IN ('${ALL}', '${UNKNOWN}')`
		)
	]);
	const cells: CatalogCell[] = rows.map((r) => ({ year: String(r.year), fields: SCOPE_FIELDS.filter((f) => r[f]) }));
	return catalogFromCells(cells, otherCountries, views.map((r) => r.view));
}

/** The catalog of the engine's count table (read now if the table was loaded some other way). */
export function catalogOf(engine: Engine): Promise<TableCatalog> {
	let catalog = catalogs.get(engine);
	if (!catalog) {
		// Not kept when it fails (no table yet): the next call reads it again.
		catalog = tableCatalog(engine).catch((error) => {
			catalogs.delete(engine);
			throw error;
		});
		catalogs.set(engine, catalog);
	}
	return catalog;
}

/**
 * Headline figures from the level that matches the selection (the whole period, a grant period,
 * one organisation…), so they are exact wherever the release is; the trend and the disability
 * share by year from the single years at the same scope level (a year not published there is
 * missing from the trend, not from the total).
 */
export async function computeIndicators(engine: Engine, filters: Filters, options: IndicatorOptions = {}): Promise<Indicators> {
	const catalog = await catalogOf(engine);
	const level = chooseLevel(filters, catalog);
	const groupsCut = catalog.scope.includes('group');
	const years = perYear(level, filters, catalog);
	const stackBy = options.stackBy ?? 'none';
	// A trend split by a scope field needs a level cut by it; one split by the group view does not.
	const stackLevel = (by: Exclude<StackBy, 'none'>) =>
		trendView(by, options.groupInScope) === 'total' ? perYear(chooseLevel(filters, catalog, [by]), filters, catalog) : years;
	// Every breakdown of the level in one statement: each costs DuckDB-wasm a few ms whatever its size.
	const optional = (['exploitation', 'region', 'group'] as const).filter((v) => catalog.views.has(v) && !(v === 'group' && groupsCut));
	// Issued together: one connection serialises them anyway, and the worker is kept busy.
	const [[totals], coverages, breakdowns, byYear, disabilityYears, stacked, groupsInScope] = await Promise.all([
		run<{ n: number }>(engine, totalsSql(level)),
		run<{ level: number; year: string; complete: boolean }>(engine, coveragesSql([level, years])),
		run<CountedCategory>(engine, categoryCountsSql(['disability', 'nationality', 'sex_age', ...optional], level)),
		run<{ year: number; n: number }>(engine, totalsByYearSql(years)),
		run<CountedCategory>(engine, disabilitySql(years, true)),
		stackBy === 'none' ? null : run<TrendRow & { exact?: boolean }>(engine, trendSql(stackLevel(stackBy), stackBy, options.groupInScope)),
		groupsCut && catalog.views.has('group') ? run<CategoryRow>(engine, groupsInScopeSql(chooseLevel(filters, catalog, ['group']))) : null
	]);
	const of = (view: string) => breakdowns.filter((r) => r.view === view);
	const viewOf = (view: (typeof optional)[number]) => (optional.includes(view) ? of(view) : null);
	const [disability, nationalities, regions] = [of('disability'), of('nationality'), viewOf('region')];
	const groups = groupsInScope ?? viewOf('group');
	const exploitation = viewOf('exploitation');
	const coverage = coverages.filter((r) => r.level === 0);
	const yearCoverage = coverages.filter((r) => r.level === 1);
	const complete = coverage.every((r) => r.complete);
	const yearComplete = (year: number) => !yearCoverage.some((r) => Number(r.year) === year && !r.complete);
	const published = byYear.filter((r) => r.n > 0);
	const others = nationalities.some((r) => r.category === OTHER && r.n > 0) ? otherCountriesOf(level, catalog) : 0;
	const countriesSeen = nationalities.length > 0 || totals.n === 0;
	const otherCounted = others > 0 || !nationalities.some((r) => r.category === OTHER && r.n > 0);
	return {
		beneficiaries: totals.n,
		beneficiariesExact: complete,
		years: published.map((r) => r.year),
		yearsExact: yearCoverage.every((r) => r.complete),
		disability: disabilityCounts(disability, complete),
		nationalityCount: nationalityCount(nationalities) + others,
		nationalityCountExact: complete && countriesSeen && nationalities.every((r) => r.closed) && otherCounted,
		nationalities: nationalities.map(({ category, n, exact }) => marked({ category, n }, complete && exact)),
		trend: stacked
			? stacked.map(({ year, key, n, exact }) => marked({ year, key, n }, yearComplete(year) && exact !== false))
			: published.map((r) => marked({ year: r.year, key: '', n: r.n }, yearComplete(r.year))),
		disabilityByYear: published
			.map(({ year }) => {
				const counts = disabilityCounts(disabilityYears.filter((r) => r.year === year), yearComplete(year));
				return { year, yes: counts.yes, no: counts.no, unknown: counts.unknown, ...(counts.exact ? {} : { exact: false }), ...(counts.unknownExact ? {} : { unknownExact: false }) };
			})
			.filter((r) => r.yes + r.no + r.unknown > 0 || r.exact === false),
		sexAge: sexAgeRows(of('sex_age')).map(({ sex, age, n, exact }) => marked({ sex, age, n }, complete && exact)),
		exploitation: exploitation ? exploitation.map(({ category, n, exact }) => marked({ category, n }, complete && exact)) : null,
		region: regions ? regions.map(({ category, n, exact }) => marked({ category, n }, complete && exact !== false)) : null,
		group: groups ? (groupsCut ? groupsWithRest(groups, totals.n) : groups).map(({ category, n, exact }) => marked({ category, n }, complete && exact !== false)) : null
	};
}

/** A row as the pages get it: `exact: false` only where it is a lower bound (most rows are exact; the prepared views stay small). */
const marked = <T extends object>(row: T, exact: boolean): T & { exact?: false } => (exact ? row : { ...row, exact: false });

export interface ScopeOptions {
	years: number[];
	organisation: string[];
	programme: string[];
	group: string[];
}

/** What the filters may offer: the single years, and the values of the scope fields that have rows. */
export async function scopeOptions(engine: Engine): Promise<ScopeOptions> {
	const union = SCOPE_FIELDS.map((f) => `SELECT DISTINCT '${f}' AS field, "${f}" AS v FROM ${COUNTS_TABLE} WHERE view = 'total' AND "${f}" <> '${ALL}'`).join(' UNION ALL ');
	const [catalog, values] = await Promise.all([catalogOf(engine), engine.query<{ field: ScopeField; v: string }>(`${union} ORDER BY field, v`)]);
	const of = (field: ScopeField) => values.filter((r) => r.field === field).map((r) => r.v);
	return { years: [...catalog.years], organisation: of('organisation'), programme: of('programme'), group: of('group') };
}

export type { OtherCountries, TableCatalog } from './level';
