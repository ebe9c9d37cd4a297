/**
 * People by sex and age group: horizontal bars grouped by age group (in life order, top to bottom),
 * one bar per sex, each with its figure: age labels stay readable in every language ("Башка
 * чоңдор" under a column overlapped its neighbour), and a small group reads as its number.
 */
import { UNKNOWN, WITHHELD, type SexAgeRow } from '$lib/types';
import { DEFAULTS, PALETTE, countAxis, countCell, mark, type ChartOptions, type ChartSpec, type ChartTable } from './common';

const AGE_ORDER = ['0-4', '5-11', '12-17', 'child', '18-59', '60+', 'adult', UNKNOWN, WITHHELD];
const SEX_ORDER = ['female', 'male', 'other', UNKNOWN, WITHHELD];
const rank = (order: string[], v: string) => (order.indexOf(v) < 0 ? order.length : order.indexOf(v));

const BANDS: Record<string, string[]> = { child: ['0-4', '5-11', '12-17'], adult: ['18-59', '60+'] };

/** "Children" beside a "0–4" bar would read as all children: beside shown bands, they are the other children. */
function ageOf(age: string, ages: Set<string>): string {
	return BANDS[age]?.some((band) => ages.has(band)) ? `other-${age}` : age;
}

function points(rows: SexAgeRow[], opts: ChartOptions) {
	const ages = new Set(rows.map((r) => r.age));
	return [...rows]
		.sort((a, b) => rank(AGE_ORDER, a.age) - rank(AGE_ORDER, b.age) || rank(SEX_ORDER, a.sex) - rank(SEX_ORDER, b.sex))
		.map((r) => {
			const cell = countCell(r.sex === r.age ? r.sex : `${r.sex}|${r.age}`, r.n, r.exact, opts.ctx);
			return { age: opts.label('age', ageOf(r.age, ages)), sex: opts.label('sex', r.sex), n: r.n, text: cell.text, suppressed: cell.bound === 'hidden' || cell.bound === 'none', cell };
		});
}

const BAR = 16;

export function sexAgeChart(rows: SexAgeRow[], opts: ChartOptions): ChartSpec {
	const data = points(rows, opts);
	const sexes = [...new Set(data.map((d) => d.sex))];
	const ages = [...new Set(data.map((d) => d.age))];
	const drawn = data.filter((d) => !d.suppressed);
	return {
		...DEFAULTS,
		width: opts.width ?? DEFAULTS.width,
		height: Math.max(120, ages.length * (sexes.length * BAR + 12) + 70),
		marginLeft: 110,
		marginRight: 56,
		ariaLabel: 'People by sex and age group',
		ariaDescription: data.map((d) => `${d.age}, ${d.sex}: ${d.text}`).join('; '),
		fy: { domain: ages, label: null, axis: 'left', padding: 0.15 },
		y: { domain: sexes, axis: null },
		x: countAxis(opts, drawn),
		color: { legend: true, domain: sexes, range: PALETTE },
		marks: [
			mark('barX', drawn, { fy: 'age', y: 'sex', x: 'n', fill: 'sex', title: (d: { age: string; sex: string; text: string }) => `${d.age}, ${d.sex}: ${d.text}` }),
			mark('text', data, {
				fy: 'age',
				y: 'sex',
				x: (d: { n: number; suppressed: boolean }) => (d.suppressed ? 0 : d.n),
				text: 'text',
				textAnchor: 'start',
				dx: 4,
				fill: '#1b1f24'
			}),
			mark('ruleX', [0], { ariaHidden: true })
		]
	};
}

export function sexAgeTable(rows: SexAgeRow[], opts: ChartOptions, headings = { age: 'Age group', sex: 'Sex', people: 'People' }): ChartTable {
	return { columns: [headings.age, headings.sex, headings.people], rows: points(rows, opts).map((d) => [d.age, d.sex, d.cell]) };
}
