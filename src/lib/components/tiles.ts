/** Headline tiles as plain data: what each shows, and the exact figure for the test contract. */
import type { Bound, DisplayContext } from '$lib/types';
import type { Indicators } from '$lib/indicators';
import type { Messages } from '$lib/i18n/messages';
import { displayFigure, formatNumber } from '$lib/i18n/format';
import { shareCell } from '$lib/charts/common';

export type KpiId = 'beneficiaries' | 'disability-share' | 'nationalities' | 'years';

export interface TileModel {
	kpi: KpiId;
	label: string;
	text: string;
	/** data-value: a count as an integer, a share as a fraction with 4 decimals, '' when withheld. */
	value: string;
	/** data-bound: the figure, a lower bound, hidden (<k) or not available. */
	bound: Bound;
	suppressed: boolean;
	detail: string;
	definition: string;
}

export function headlineTiles(ind: Indicators, ctx: DisplayContext, m: Messages): TileModel[] {
	const count = (n: number, exact = true) => displayFigure(n, exact, ctx);
	const people = count(ind.beneficiaries, ind.beneficiariesExact);
	const { disability } = ind;
	const known = disability.yes + disability.no;
	const share = shareCell('', disability.yes, known, disability.exact, ctx);
	// Countries and years are not people: their number is not a small cell (each is backed by ≥ k people).
	const plain = (n: number, exact: boolean) => (exact ? { text: formatNumber(n, ctx.lang), data: String(n), bound: 'exact' as const } : count(n, false));
	const countries = plain(ind.nationalityCount, ind.nationalityCountExact);
	const years = ind.years;
	const yearCount = plain(years.length, ind.yearsExact);
	return [
		{
			kpi: 'beneficiaries',
			label: m.kpiBeneficiaries,
			text: people.text,
			value: people.data,
			bound: people.bound,
			suppressed: people.suppressed,
			detail: years.length ? m.yearsRange(String(years[0]), String(years.at(-1))) : '',
			definition: m.defBeneficiaries
		},
		{
			kpi: 'disability-share',
			label: m.kpiDisability,
			text: share.text,
			value: share.value,
			bound: share.bound,
			suppressed: share.bound !== 'exact',
			detail: `${m.ofKnown(count(known, disability.exact).text)}; ${m.unknownStatus(count(disability.unknown, disability.unknownExact).text)}`,
			definition: m.defDisability
		},
		{
			kpi: 'nationalities',
			label: m.kpiNationalities,
			text: countries.text,
			value: countries.data,
			bound: countries.bound,
			suppressed: false,
			detail: m.countries,
			definition: m.defNationalities
		},
		{
			kpi: 'years',
			label: m.kpiYears,
			text: yearCount.text,
			value: yearCount.data,
			bound: yearCount.bound,
			suppressed: false,
			detail: years.length ? m.yearsRange(String(years[0]), String(years.at(-1))) : '',
			definition: m.defYears
		}
	];
}
