/** All indicators for one selection, from one count table, in Node and in the browser alike. */
import type { CategoryRow, DisabilityYearRow, Filters, ReleaseRow, SexAgeRow, TrendRow } from '$lib/types';
import type { Engine } from '$lib/db/engine';
import { COUNTS_TABLE, type Query } from './query';
import { trendSql, trendView, type StackBy } from './beneficiaries';
import { disabilityByYearSql, type DisabilityCounts } from './disability';
import { nationalitiesSql, nationalityCount } from './nationalities';
import { sexAgeSql } from './sex-age';

export interface Indicators {
	beneficiaries: number;
	years: number[];
	disability: DisabilityCounts;
	nationalityCount: number;
	nationalities: CategoryRow[];
	trend: TrendRow[];
	disabilityByYear: DisabilityYearRow[];
	sexAge: SexAgeRow[];
}

export interface IndicatorOptions {
	stackBy?: StackBy;
	groupInScope?: boolean;
}

const run = <T>(engine: Engine, q: Query) => engine.query<T>(q.sql, q.params);

export async function loadCounts(engine: Engine, rows: ReleaseRow[]): Promise<void> {
	await engine.insertColumns(COUNTS_TABLE, {
		view: rows.map((r) => r.view),
		year: rows.map((r) => r.year),
		organisation: rows.map((r) => r.organisation),
		programme: rows.map((r) => r.programme),
		group: rows.map((r) => r.group),
		category: rows.map((r) => r.category),
		n: rows.map((r) => r.n)
	});
}

export async function computeIndicators(engine: Engine, filters: Filters, options: IndicatorOptions = {}): Promise<Indicators> {
	// Four statements, not seven: each costs DuckDB-wasm a few milliseconds whatever its size, and
	// the totals are exact sums of the per-year rows of the total view (each person is in one year).
	// A trend stacked by the group view cannot give them (a year below k is in the total view only):
	// then the per-year totals are a fifth statement.
	// One connection serialises them anyway; issuing them together keeps the worker busy.
	const ownTotals = trendView(options.stackBy, options.groupInScope) !== 'total';
	const [nationalities, trend, disabilityByYear, sexAge, totals] = await Promise.all([
		run<CategoryRow>(engine, nationalitiesSql(filters)),
		run<TrendRow>(engine, trendSql(filters, options.stackBy, options.groupInScope)),
		run<DisabilityYearRow>(engine, disabilityByYearSql(filters)),
		run<SexAgeRow>(engine, sexAgeSql(filters)),
		ownTotals ? run<TrendRow>(engine, trendSql(filters)) : null
	]);
	const byYear = totals ?? trend;
	const sum = <T>(rows: T[], key: keyof T) => rows.reduce((s, r) => s + Number(r[key]), 0);
	return {
		beneficiaries: sum(byYear, 'n'),
		years: [...new Set(byYear.filter((r) => r.n > 0).map((r) => r.year))],
		disability: { yes: sum(disabilityByYear, 'yes'), no: sum(disabilityByYear, 'no'), unknown: sum(disabilityByYear, 'unknown') },
		nationalityCount: nationalityCount(nationalities),
		nationalities: nationalities.map((r) => ({ ...r })),
		trend: trend.map((r) => ({ ...r })),
		disabilityByYear: disabilityByYear.map((r) => ({ ...r })),
		sexAge: sexAge.map((r) => ({ ...r }))
	};
}

export interface ScopeOptions {
	years: number[];
	organisation: string[];
	programme: string[];
	group: string[];
}

/** What the filters may offer: the period, and the values of the scope columns in the table. */
export async function scopeOptions(engine: Engine): Promise<ScopeOptions> {
	const distinct = async (column: string) =>
		(await engine.query<{ v: string }>(`SELECT DISTINCT "${column}" AS v FROM ${COUNTS_TABLE} WHERE view = 'total' ORDER BY v`)).map((r) => r.v);
	const years = (await engine.query<{ y: number }>(`SELECT DISTINCT year::INTEGER AS y FROM ${COUNTS_TABLE} ORDER BY y`)).map((r) => r.y);
	return {
		years,
		organisation: await distinct('organisation'),
		programme: await distinct('programme'),
		group: await distinct('group')
	};
}
