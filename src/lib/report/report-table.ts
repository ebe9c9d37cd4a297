/** The grant report's figures: a period and the previous period of equal length, per year and in all. */
import type { CategoryRow, DisplayContext, Filters } from '$lib/types';
import type { Engine } from '$lib/db/engine';
import { displayCount, displayShare } from '$lib/i18n/format';
import { catalogOf } from '$lib/indicators';
import { chooseLevel, otherCountriesOf, perYear } from '$lib/indicators/level';
import type { Query } from '$lib/indicators/query';
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
	/** Distinct countries of the year (not additive over years). */
	countries: number;
}

export interface PeriodFigures {
	from: number;
	to: number;
	/** The single years published at the period's scope level (a year hidden there is missing). */
	years: YearFigures[];
	/** The period from its own level (a grant period from its rows): exact where the release is. */
	total: Omit<YearFigures, 'year' | 'countries'>;
	countries: CategoryRow[];
	/** The number of nationalities: the countries shown, and those "Other nationalities" hold when the release may count them. */
	countryCount: number;
}

export function previousPeriod(from: number, to: number): { from: number; to: number } {
	const length = to - from + 1;
	return { from: from - length, to: from - 1 };
}

const ZERO = { people: 0, women: 0, children: 0, sexAgeWithheld: 0, yes: 0, no: 0, unknown: 0, foreign: 0, stateless: 0, nationalityWithheld: 0, foreignUnattributed: 0 };

export async function periodFigures(engine: Engine, filters: Filters & { from: number; to: number }, home: string): Promise<PeriodFigures> {
	const catalog = await catalogOf(engine);
	const level = chooseLevel(filters, catalog);
	const single = perYear(level, filters, catalog);
	const run = <T>(q: Query) => engine.query<T>(q.sql, q.params);
	const [[period], years, countries] = await Promise.all([
		run<YearFigures>(reportFiguresSql(level, home, false)),
		run<YearFigures>(reportFiguresSql(single, home, true)),
		run<CategoryRow>(countriesSql(level))
	]);
	const total = { ...ZERO };
	if (period) for (const key of Object.keys(ZERO) as (keyof typeof ZERO)[]) total[key] = period[key];
	// A year is one row group where the period is: its "Other nationalities" may be counted too.
	const others = (year: number) => otherCountriesOf({ ...single, years: [String(year)] }, catalog);
	return {
		from: filters.from,
		to: filters.to,
		years: years.map((y) => ({ ...y, countries: y.countries + others(y.year) })),
		total,
		countries: countries.map((r) => ({ ...r })),
		countryCount: countries.length + (period ? otherCountriesOf(level, catalog) : 0)
	};
}

export type Note = 'no-previous' | 'suppressed' | 'lower-bound';

export interface ReportRow {
	id: ReportIndicator;
	kind: 'count' | 'share';
	/** Exact figures; what may be shown is decided by the display rules. */
	value: number | null;
	previous: number | null;
	perYear: (number | null)[];
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
	['disability-unknown', (t) => t.unknown, () => 0],
	['foreign', (t) => t.foreign, (t) => t.foreignUnattributed],
	['stateless', (t) => t.stateless, (t) => t.nationalityWithheld]
];
const share = (t: Totals) => (t.yes + t.no > 0 ? t.yes / (t.yes + t.no) : null);

export function reportRows(current: PeriodFigures, previous: PeriodFigures | null): ReportRow[] {
	const hasPrevious = previous !== null && previous.total.people > 0;
	const notes = (unattributed: number): Note[] => [...(hasPrevious ? [] : (['no-previous'] as Note[])), ...(unattributed > 0 ? (['lower-bound'] as Note[]) : [])];
	const rows: ReportRow[] = COUNTS.map(([id, pick, unattributed]) => ({
		id,
		kind: 'count',
		value: pick(current.total),
		previous: hasPrevious ? pick(previous!.total) : null,
		perYear: current.years.map(pick),
		notes: notes(unattributed(current.total))
	}));
	rows.splice(3, 0, {
		id: 'disability-share',
		kind: 'share',
		value: share(current.total),
		previous: hasPrevious ? share(previous!.total) : null,
		perYear: current.years.map(share),
		notes: notes(0),
		parts: {
			yes: current.total.yes,
			known: current.total.yes + current.total.no,
			previousYes: previous?.total.yes ?? 0,
			previousKnown: (previous?.total.yes ?? 0) + (previous?.total.no ?? 0),
			perYear: current.years.map((y) => [y.yes, y.yes + y.no])
		}
	});
	rows.splice(5, 0, {
		id: 'nationalities',
		kind: 'count',
		value: current.countryCount,
		previous: hasPrevious ? previous!.countryCount : null,
		perYear: current.years.map((y) => y.countries),
		notes: notes(0)
	});
	return rows;
}

/** A figure as shown, and as the test contract's data-value ('' when the display rules hide it). */
export function shown(row: ReportRow, which: 'value' | 'previous' | number, ctx: DisplayContext): { text: string; data: string } {
	const value = which === 'value' ? row.value : which === 'previous' ? row.previous : row.perYear[which];
	if (value === null) return { text: '—', data: '' };
	if (row.id === 'nationalities') return { text: String(value), data: String(value) };
	if (row.parts) {
		const [yes, known] =
			which === 'value' ? [row.parts.yes, row.parts.known] : which === 'previous' ? [row.parts.previousYes, row.parts.previousKnown] : row.parts.perYear[which];
		const s = displayShare(yes, known, ctx);
		return { text: s.text, data: s.value === null ? '' : s.value.toFixed(4) };
	}
	const c = displayCount(value, ctx);
	return { text: c.text, data: c.value === null ? '' : String(c.value) };
}

/** Relative change of a count, difference in points of a share; null when not meaningful. */
export function change(row: ReportRow, ctx: DisplayContext): number | null {
	// A lower bound compared with a lower bound says nothing about the change.
	if (row.value === null || row.previous === null || row.notes.includes('lower-bound')) return null;
	if (row.kind === 'share') return row.value - row.previous;
	if (row.previous < ctx.k || row.value < ctx.k) return null;
	return (row.value - row.previous) / row.previous;
}
