/**
 * Categories ranked as horizontal bars, largest first (nationalities, types of exploitation). The
 * chart folds categories past the twelfth into OTHER, since a bar each would no longer be read;
 * its table lists every one. What is not a value of the field (OTHER, UNKNOWN, …) comes last.
 */
import { OTHER, type CategoryRow } from '$lib/types';
import type { LabelField } from '$lib/i18n/format';
import { ACCENT, DEFAULTS, countAxis, countCell, mark, type ChartOptions, type ChartSpec, type ChartTable } from './common';

export interface Ranking {
	field: LabelField;
	/** Not values of the field, always after them in this order; holds OTHER. */
	last: string[];
	ariaLabel: string;
	/** Room for the longest label. */
	marginLeft: number;
}

const CHART_CATEGORIES = 12;

/** The `max` largest categories, the rest added to OTHER (a lower bound when any of them is); `last` after them. */
export function topCategories(rows: CategoryRow[], max: number, last: string[]): CategoryRow[] {
	const ranked = rows.filter((r) => !last.includes(r.category) && (r.n > 0 || r.exact === false)).sort((a, b) => b.n - a.n || (a.category < b.category ? -1 : 1));
	const folded = [...rows.filter((r) => r.category === OTHER), ...ranked.slice(max)];
	const tail = last.map((category) => {
		const parts = category === OTHER ? folded : rows.filter((r) => r.category === category);
		const n = parts.reduce((s, r) => s + r.n, 0);
		return parts.some((r) => r.exact === false) ? { category, n, exact: false as const } : { category, n };
	}).filter((r) => r.n > 0 || r.exact === false);
	return [...ranked.slice(0, max), ...tail];
}

function points(rows: CategoryRow[], opts: ChartOptions, ranking: Ranking, max: number) {
	return topCategories(rows, max, ranking.last).map((r) => {
		const cell = countCell(r.category, r.n, r.exact, opts.ctx);
		return { label: opts.label(ranking.field, r.category), n: r.n, text: cell.text, suppressed: cell.bound === 'hidden' || cell.bound === 'none', cell };
	});
}

export function rankedChart(rows: CategoryRow[], opts: ChartOptions, ranking: Ranking): ChartSpec {
	const data = points(rows, opts, ranking, CHART_CATEGORIES);
	const drawn = data.filter((d) => !d.suppressed);
	return {
		...DEFAULTS,
		width: opts.width ?? DEFAULTS.width,
		height: Math.max(120, 28 * data.length + 40),
		marginLeft: ranking.marginLeft,
		marginRight: 48,
		ariaLabel: ranking.ariaLabel,
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

export function rankedTable(rows: CategoryRow[], opts: ChartOptions, ranking: Ranking, columns: [string, string]): ChartTable {
	return { columns, rows: points(rows, opts, ranking, Infinity).map((d) => [d.label, d.cell]) };
}
