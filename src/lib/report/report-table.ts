/** The grant report's figures: a period and the previous period of equal length, per year and in all. */
import type { CategoryRow, DisplayContext, Filters } from '$lib/types';
import type { Engine } from '$lib/db/engine';
import { displayCount, displayShare } from '$lib/i18n/format';
import { catalogOf } from '$lib/indicators';
import { chooseLevel, otherCountriesOf, perYear } from '$lib/indicators/level';
import type { Query } from '$lib/indicators/query';
import { coverageSql } from '$lib/indicators/coverage';
import { countriesSql, reportFiguresSql, type ReportIndicator } from './report-sql';

export interface YearFigures {
	year: number;
	people: number;
	women: number;
	children: number;
	sexAgeWithheld: number;
	yes: number;
	no: number;
	unknown: number;
	foreign: number;
	stateless: number;
	/** People whose nationality is withheld: some may be stateless or foreign. */
	nationalityWithheld: number;
	/** People who may be foreign but cannot be told apart: withheld, or "Other nationalities" where the home country may be among them. */
	foreignUnattributed: number;
	/** People withheld from the disability view or not published in it where "unknown" is not shown (some may be unknown). */
	unknownUnattributed: number;
	/** Whether the share with a disability among the known is the true one (no "yes" or "no" withheld anywhere). */
	shareExact: boolean;
	/** People whose nationality is withheld or not published (some countries may be among them). */
	countriesWithheld: number;
	/** People in "Other nationalities". */
	other: number;
	/** Whether no row group of it is hidden (else every count is a lower bound: see coverageSql). */
	complete: boolean;
	/** Distinct countries of the year (not additive over years). */
	countries: number;
	/** Every country of the year counted: none withheld, and "Other nationalities" counted when it holds any. */
	countriesExact: boolean;
}

export interface PeriodFigures {
	from: number;
	to: number;
	/** The single years published at the period's scope level (a year hidden there is missing). */
	years: YearFigures[];
	/** The period from its own level (a grant period from its rows): exact where the release is. */
	total: Omit<YearFigures, 'year' | 'countries' | 'countriesExact'>;
	countries: CategoryRow[];
	/** The number of nationalities: the countries shown, and those "Other nationalities" hold when the release may count them. */
	countryCount: number;
	/** Whether that is every country of the period (else a lower bound). */
	countryCountExact: boolean;
}

export function previousPeriod(from: number, to: number): { from: number; to: number } {
	const length = to - from + 1;
	return { from: from - length, to: from - 1 };
}

const ZERO = { people: 0, women: 0, children: 0, sexAgeWithheld: 0, yes: 0, no: 0, unknown: 0, foreign: 0, stateless: 0, nationalityWithheld: 0, foreignUnattributed: 0, unknownUnattributed: 0, shareExact: true, countriesWithheld: 0, other: 0, complete: true };

const pickTotals = (y: YearFigures): Totals => Object.fromEntries(Object.keys(ZERO).map((key) => [key, y[key as keyof Totals]])) as Totals;

/** Every country counted: none withheld, and "Other nationalities" (if any) counted by the release. */
const allCountries = (f: { countriesWithheld: number; other: number }, otherCounted: number) => f.countriesWithheld === 0 && (f.other === 0 || otherCounted > 0);

export async function periodFigures(engine: Engine, filters: Filters & { from: number; to: number }, home: string): Promise<PeriodFigures> {
	const catalog = await catalogOf(engine);
	const level = chooseLevel(filters, catalog);
	const single = perYear(level, filters, catalog);
	const run = <T>(q: Query) => engine.query<T>(q.sql, q.params);
	const [[period], years, countries, coverage, yearCoverage] = await Promise.all([
		run<YearFigures>(reportFiguresSql(level, home, false)),
		run<YearFigures>(reportFiguresSql(single, home, true)),
		run<CategoryRow>(countriesSql(level)),
		run<{ year: string; complete: boolean }>(coverageSql(level)),
		run<{ year: string; complete: boolean }>(coverageSql(single))
	]);
	// A previous period of single years, or an organisation's year, may lack a row group hidden whole.
	const complete = coverage.every((r) => r.complete);
	const yearComplete = (year: number) => !yearCoverage.some((r) => Number(r.year) === year && !r.complete);
	const total: Totals = { ...ZERO, ...(period ? pickTotals(period) : {}), complete };
	// A year is one row group where the period is: its "Other nationalities" may be counted too.
	const others = (year: number) => otherCountriesOf({ ...single, years: [String(year)] }, catalog);
	const periodOthers = period ? otherCountriesOf(level, catalog) : 0;
	return {
		from: filters.from,
		to: filters.to,
		years: years.map((y) => ({ ...y, complete: yearComplete(y.year), countries: y.countries + others(y.year), countriesExact: yearComplete(y.year) && allCountries(y, others(y.year)) })),
		total,
		countries: countries.map((r) => ({ ...r })),
		countryCount: countries.length + periodOthers,
		countryCountExact: complete && allCountries(total, periodOthers)
	};
}

export type Note = 'no-previous' | 'suppressed' | 'lower-bound';

/**
 * What a figure of the report is (DESIGN.md: every number true or visibly marked): the true
 * figure, a lower bound (some people of it are withheld), a count of 1..k−1 ("<k"), or not
 * available ("—": a hidden count is never shown as 0).
 */
export type Bound = 'exact' | 'lower' | 'hidden' | 'none';

export interface ReportRow {
	id: ReportIndicator;
	kind: 'count' | 'share';
	/** Exact figures or lower bounds (see `bounds`); what may be shown is decided by the display rules. */
	value: number | null;
	previous: number | null;
	perYear: (number | null)[];
	/** What each figure is, before the display rules (which may hide a small one). */
	bounds: { value: Bound; previous: Bound; perYear: Bound[] };
	notes: Note[];
	/** For a share: numerator and denominator, now and before, so the display rules can be applied. */
	parts?: { yes: number; known: number; previousYes: number; previousKnown: number; perYear: [number, number][] };
}

type Totals = PeriodFigures['total'];
type Pick = (t: Totals) => number;
/** Each count, and the people it cannot include (withheld from its view): when any, it is a lower bound. */
const COUNTS: [ReportIndicator, Pick, Pick][] = [
	['beneficiaries', (t) => t.people, () => 0],
	['women-girls', (t) => t.women, (t) => t.sexAgeWithheld],
	['children', (t) => t.children, (t) => t.sexAgeWithheld],
	['disability-unknown', (t) => t.unknown, (t) => t.unknownUnattributed],
	['foreign', (t) => t.foreign, (t) => t.foreignUnattributed],
	['stateless', (t) => t.stateless, (t) => t.nationalityWithheld]
];
const share = (t: Totals) => (t.yes + t.no > 0 ? t.yes / (t.yes + t.no) : null);
/** A count with `unattributed` people it may lack (or a row group hidden whole): exact, a lower bound, or (nothing seen of it) not available. */
const countBound = (value: number, unattributed: number, complete: boolean): Bound => (unattributed === 0 && complete ? 'exact' : value > 0 ? 'lower' : 'none');
/** "Yes" or "no" withheld somewhere (or a row group's disability not published): the share among the known is not known. */
const shareBound = (t: Totals): Bound => (t.shareExact && t.complete ? 'exact' : 'none');

export function reportRows(current: PeriodFigures, previous: PeriodFigures | null): ReportRow[] {
	const hasPrevious = previous !== null && previous.total.people > 0;
	const before = hasPrevious ? previous!.total : null;
	const notes = (unattributed: number): Note[] => [...(hasPrevious ? [] : (['no-previous'] as Note[])), ...(unattributed > 0 ? (['lower-bound'] as Note[]) : [])];
	const rows: ReportRow[] = COUNTS.map(([id, pick, unattributed]) => ({
		id,
		kind: 'count',
		value: pick(current.total),
		previous: before ? pick(before) : null,
		perYear: current.years.map(pick),
		bounds: {
			value: countBound(pick(current.total), unattributed(current.total), current.total.complete),
			previous: before ? countBound(pick(before), unattributed(before), before.complete) : 'none',
			perYear: current.years.map((y) => countBound(pick(y), unattributed(y), y.complete))
		},
		notes: notes(unattributed(current.total) + (current.total.complete ? 0 : 1))
	}));
	rows.splice(3, 0, {
		id: 'disability-share',
		kind: 'share',
		value: share(current.total),
		previous: before ? share(before) : null,
		perYear: current.years.map(share),
		bounds: { value: shareBound(current.total), previous: before ? shareBound(before) : 'none', perYear: current.years.map(shareBound) },
		notes: notes(0),
		parts: {
			yes: current.total.yes,
			known: current.total.yes + current.total.no,
			previousYes: previous?.total.yes ?? 0,
			previousKnown: (previous?.total.yes ?? 0) + (previous?.total.no ?? 0),
			perYear: current.years.map((y) => [y.yes, y.yes + y.no])
		}
	});
	const countriesBound = (exact: boolean, n: number): Bound => (exact ? 'exact' : n > 0 ? 'lower' : 'none');
	rows.splice(5, 0, {
		id: 'nationalities',
		kind: 'count',
		value: current.countryCount,
		previous: hasPrevious ? previous!.countryCount : null,
		perYear: current.years.map((y) => y.countries),
		bounds: {
			value: countriesBound(current.countryCountExact, current.countryCount),
			previous: hasPrevious ? countriesBound(previous!.countryCountExact, previous!.countryCount) : 'none',
			perYear: current.years.map((y) => countriesBound(y.countriesExact, y.countries))
		},
		notes: notes(current.countryCountExact ? 0 : 1)
	});
	return rows;
}

/** A figure as shown, as the test contract's data-value ('' when the display rules hide it) and data-bound, and as a spreadsheet cell. */
export function shown(row: ReportRow, which: 'value' | 'previous' | number, ctx: DisplayContext): { text: string; data: string; bound: Bound; cell: string } {
	const value = which === 'value' ? row.value : which === 'previous' ? row.previous : row.perYear[which];
	const bound = which === 'value' ? row.bounds.value : which === 'previous' ? row.bounds.previous : row.bounds.perYear[which];
	if (value === null || bound === 'none') return { text: '—', data: '', bound: 'none', cell: '' };
	const mark = (text: string, data: string) => ({ text: bound === 'lower' ? `≥ ${text}` : text, data, bound, cell: bound === 'lower' ? `≥ ${data}` : data });
	if (row.id === 'nationalities') return mark(String(value), String(value));
	if (row.parts) {
		const [yes, known] =
			which === 'value' ? [row.parts.yes, row.parts.known] : which === 'previous' ? [row.parts.previousYes, row.parts.previousKnown] : row.parts.perYear[which];
		const s = displayShare(yes, known, ctx);
		return s.value === null ? { text: s.text, data: '', bound: 'hidden', cell: '' } : mark(s.text, s.value.toFixed(4));
	}
	const c = displayCount(value, ctx);
	if (c.value === null) return { text: c.text, data: '', bound: 'hidden', cell: '' };
	return mark(c.text, String(c.value));
}

/** Relative change of a count, difference in points of a share; null when not meaningful. */
export function change(row: ReportRow, ctx: DisplayContext): number | null {
	// Only between two true figures: a bound beside a figure says nothing about the change.
	if (row.value === null || row.previous === null || row.bounds.value !== 'exact' || row.bounds.previous !== 'exact') return null;
	if (row.kind === 'share') return row.value - row.previous;
	if (row.previous < ctx.k || row.value < ctx.k) return null;
	return (row.value - row.previous) / row.previous;
}
