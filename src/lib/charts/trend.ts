/** New beneficiaries by year, optionally stacked by programme, organisation or group. */
import type { TrendRow } from '$lib/types';
import { ACCENT, DEFAULTS, PALETTE, countAxis, countCell, mark, type ChartOptions, type ChartSpec, type ChartTable } from './common';

function points(rows: TrendRow[], opts: ChartOptions) {
	return rows.map((r) => {
		const cell = countCell(r.key ? `${r.year}|${r.key}` : String(r.year), r.n, r.exact, opts.ctx);
		const key = r.key ? opts.label(opts.stackField ?? 'programme', r.key) : '';
		return { year: String(r.year), key, n: r.n, text: cell.text, suppressed: cell.bound === 'hidden' || cell.bound === 'none', cell };
	});
}

export function trendChart(rows: TrendRow[], opts: ChartOptions): ChartSpec {
	const data = points(rows, opts);
	const stacked = data.some((d) => d.key !== '');
	const years = [...new Set(data.map((d) => d.year))];
	// A small count is not drawn to scale (its size would tell it): only its "<k" label is shown.
	const drawn = data.filter((d) => !d.suppressed);
	const hidden = data.filter((d) => d.suppressed);
	return {
		...DEFAULTS,
		width: opts.width ?? DEFAULTS.width,
		ariaLabel: 'New beneficiaries by year',
		ariaDescription: data.map((d) => `${d.year}${d.key ? ` ${d.key}` : ''}: ${d.text}`).join('; '),
		x: { type: 'band', domain: years, label: null },
		y: countAxis(opts, drawn),
		color: stacked ? { legend: true, range: PALETTE, domain: [...new Set(data.map((d) => d.key))] } : undefined,
		marks: [
			mark('barY', drawn, { x: 'year', y: 'n', fill: stacked ? 'key' : ACCENT, title: (d: { year: string; key: string; text: string }) => `${d.year}${d.key ? ` — ${d.key}` : ''}: ${d.text}` }),
			mark('text', hidden, { x: 'year', y: 0, text: 'text', dy: -8, fill: '#1b1f24' }),
			mark('ruleY', [0], { ariaHidden: true })
		]
	};
}

export function trendTable(rows: TrendRow[], opts: ChartOptions, headings = { year: 'Year', key: '', people: 'People' }): ChartTable {
	const data = points(rows, opts);
	const stacked = data.some((d) => d.key !== '');
	return {
		columns: stacked ? [headings.year, headings.key, headings.people] : [headings.year, headings.people],
		rows: data.map((d) => (stacked ? [d.year, d.key, d.cell] : [d.year, d.cell]))
	};
}
