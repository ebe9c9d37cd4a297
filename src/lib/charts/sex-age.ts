/** People by sex and age group: grouped bars, age groups in life order. */
import { UNKNOWN, WITHHELD, type SexAgeRow } from '$lib/types';
import { displayCount } from '$lib/i18n/format';
import { DEFAULTS, PALETTE, countAxis, mark, type ChartOptions, type ChartSpec, type ChartTable } from './common';

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
			const shown = displayCount(r.n, opts.ctx);
			return { age: opts.label('age', ageOf(r.age, ages)), sex: opts.label('sex', r.sex), n: r.n, text: shown.text, suppressed: shown.suppressed };
		});
}

export function sexAgeChart(rows: SexAgeRow[], opts: ChartOptions): ChartSpec {
	const data = points(rows, opts);
	const sexes = [...new Set(data.map((d) => d.sex))];
	const drawn = data.filter((d) => !d.suppressed);
	return {
		...DEFAULTS,
		width: opts.width ?? DEFAULTS.width,
		marginBottom: 40,
		ariaLabel: 'People by sex and age group',
		ariaDescription: data.map((d) => `${d.age}, ${d.sex}: ${d.text}`).join('; '),
		fx: { domain: [...new Set(data.map((d) => d.age))], label: null, padding: 0.1 },
		x: { domain: sexes, axis: null },
		y: countAxis(opts, drawn),
		color: { legend: true, domain: sexes, range: PALETTE },
		marks: [
			mark('barY', drawn, { fx: 'age', x: 'sex', y: 'n', fill: 'sex', title: (d: { age: string; sex: string; text: string }) => `${d.age}, ${d.sex}: ${d.text}` }),
			mark('text', data.filter((d) => d.suppressed), { fx: 'age', x: 'sex', y: 0, text: 'text', dy: -8, fill: '#1b1f24' }),
			mark('ruleY', [0], { ariaHidden: true })
		]
	};
}

export function sexAgeTable(rows: SexAgeRow[], opts: ChartOptions, headings = { age: 'Age group', sex: 'Sex', people: 'People' }): ChartTable {
	return { columns: [headings.age, headings.sex, headings.people], rows: points(rows, opts).map((d) => [d.age, d.sex, d.text]) };
}
