/**
 * People by nationality: largest first. The chart folds countries past the twelfth into "Other
 * nationalities" (a bar each would no longer be read); its table lists every country.
 */
import { OTHER, UNKNOWN, WITHHELD, type CategoryRow } from '$lib/types';
import { displayCount } from '$lib/i18n/format';
import { ACCENT, DEFAULTS, countAxis, mark, type ChartOptions, type ChartSpec, type ChartTable } from './common';

/** Not countries: always after the countries, in this order. */
const LAST = ['stateless', OTHER, UNKNOWN, WITHHELD];

const CHART_COUNTRIES = 12;

/** The `max` largest countries, the rest added to OTHER; non-countries (`last`, which holds OTHER) last. */
export function topCategories(rows: CategoryRow[], max = CHART_COUNTRIES, last = LAST): CategoryRow[] {
	const countries = rows.filter((r) => !last.includes(r.category) && r.n > 0).sort((a, b) => b.n - a.n || (a.category < b.category ? -1 : 1));
	const rest = countries.slice(max).reduce((s, r) => s + r.n, 0);
	const tail = last.map((category) => ({
		category,
		n: rows.filter((r) => r.category === category).reduce((s, r) => s + r.n, 0) + (category === OTHER ? rest : 0)
	})).filter((r) => r.n > 0);
	return [...countries.slice(0, max), ...tail];
}

function points(rows: CategoryRow[], opts: ChartOptions, max = CHART_COUNTRIES) {
	return topCategories(rows, max).map((r) => {
		const shown = displayCount(r.n, opts.ctx);
		return { label: opts.label('nationality', r.category), n: r.n, text: shown.text, suppressed: shown.suppressed };
	});
}

export function nationalitiesChart(rows: CategoryRow[], opts: ChartOptions): ChartSpec {
	const data = points(rows, opts);
	const drawn = data.filter((d) => !d.suppressed);
	return {
		...DEFAULTS,
		width: opts.width ?? DEFAULTS.width,
		height: Math.max(120, 28 * data.length + 40),
		marginLeft: 150,
		marginRight: 48,
		ariaLabel: 'People by nationality',
		ariaDescription: data.map((d) => `${d.label}: ${d.text}`).join('; '),
		y: { domain: data.map((d) => d.label), label: null },
		x: countAxis(opts, drawn),
		marks: [
			mark('barX', drawn, { y: 'label', x: 'n', fill: ACCENT, title: (d: { label: string; text: string }) => `${d.label}: ${d.text}` }),
			mark('text', data, { y: 'label', x: (d: { n: number; suppressed: boolean }) => (d.suppressed ? 0 : d.n), text: 'text', textAnchor: 'start', dx: 4, fill: '#1b1f24' }),
			mark('ruleX', [0], { ariaHidden: true })
		]
	};
}

export function nationalitiesTable(rows: CategoryRow[], opts: ChartOptions, headings = { nationality: 'Nationality', people: 'People' }): ChartTable {
	return { columns: [headings.nationality, headings.people], rows: points(rows, opts, Infinity).map((d) => [d.label, d.text]) };
}
