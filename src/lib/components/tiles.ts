/** Headline tiles as plain data: what each shows, and the exact figure for the test contract. */
import type { DisplayContext } from '$lib/types';
import type { Indicators } from '$lib/indicators';
import type { Messages } from '$lib/i18n/messages';
import { displayCount, displayShare, formatNumber } from '$lib/i18n/format';

export type KpiId = 'beneficiaries' | 'disability-share' | 'nationalities' | 'years';

export interface TileModel {
	kpi: KpiId;
	label: string;
	text: string;
	/** data-value: a count as an integer, a share as a fraction with 4 decimals, '' when withheld. */
	value: string;
	suppressed: boolean;
	detail: string;
	definition: string;
}

export function headlineTiles(ind: Indicators, ctx: DisplayContext, m: Messages): TileModel[] {
	const count = (n: number) => displayCount(n, ctx);
	const people = count(ind.beneficiaries);
	const known = ind.disability.yes + ind.disability.no;
	const share = displayShare(ind.disability.yes, known, ctx);
	// Countries are not people: their number is not a small cell (each is backed by ≥ k people).
	const years = ind.years;
	return [
		{
			kpi: 'beneficiaries',
			label: m.kpiBeneficiaries,
			text: people.text,
			value: people.value === null ? '' : String(people.value),
			suppressed: people.suppressed,
			detail: years.length ? m.yearsRange(String(years[0]), String(years.at(-1))) : '',
			definition: m.defBeneficiaries
		},
		{
			kpi: 'disability-share',
			label: m.kpiDisability,
			text: share.text,
			value: share.value === null ? '' : share.value.toFixed(4),
			suppressed: share.suppressed,
			detail: `${m.ofKnown(count(known).text)}; ${m.unknownStatus(count(ind.disability.unknown).text)}`,
			definition: m.defDisability
		},
		{
			kpi: 'nationalities',
			label: m.kpiNationalities,
			text: formatNumber(ind.nationalityCount, ctx.lang),
			value: String(ind.nationalityCount),
			suppressed: false,
			detail: m.countries,
			definition: m.defNationalities
		},
		{
			kpi: 'years',
			label: m.kpiYears,
			text: formatNumber(years.length, ctx.lang),
			value: String(years.length),
			suppressed: false,
			detail: years.length ? m.yearsRange(String(years[0]), String(years.at(-1))) : '',
			definition: m.defYears
		}
	];
}
