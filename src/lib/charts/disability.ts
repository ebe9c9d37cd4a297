/** Share with a disability per year, among people whose status is known; unknown noted beside. */
import type { DisabilityYearRow } from '$lib/types';
import { ACCENT, DEFAULTS, countCell, mark, shareCell, type ChartOptions, type ChartSpec, type ChartTable } from './common';

function points(rows: DisabilityYearRow[], opts: ChartOptions) {
	return rows.map((r) => {
		const year = String(r.year);
		const share = shareCell(`${year}|share`, r.yes, r.yes + r.no, r.exact, opts.ctx);
		const known = countCell(`${year}|known`, r.yes + r.no, r.exact, opts.ctx);
		return { year, share: share.value === '' ? null : Number(share.value), text: share.text, cells: [share, known, countCell(`${year}|unknown`, r.unknown, r.unknownExact, opts.ctx)] };
	});
}

export function disabilityChart(rows: DisabilityYearRow[], opts: ChartOptions): ChartSpec {
	const data = points(rows, opts);
	return {
		...DEFAULTS,
		width: opts.width ?? DEFAULTS.width,
		ariaLabel: 'Share with a disability by year',
		ariaDescription: data.map((d) => `${d.year}: ${d.text}`).join('; '),
		x: { type: 'band', domain: data.map((d) => d.year), label: null },
		y: { domain: [0, 1], grid: true, tickFormat: '.0%', label: '%' },
		marks: [
			// Bounds ("<10%") and hidden shares are not drawn to scale: their text stands alone.
			mark('barY', data.filter((d) => d.share !== null), { x: 'year', y: 'share', fill: ACCENT, title: (d: { year: string; text: string }) => `${d.year}: ${d.text}` }),
			mark('text', data, { x: 'year', y: (d: { share: number | null }) => d.share ?? 0, text: 'text', dy: -8, fill: '#1b1f24' }),
			mark('ruleY', [0], { ariaHidden: true })
		]
	};
}

export function disabilityTable(rows: DisabilityYearRow[], opts: ChartOptions, headings = { year: 'Year', share: 'With a disability', known: 'Status known', unknown: 'Status unknown' }): ChartTable {
	return {
		columns: [headings.year, headings.share, headings.known, headings.unknown],
		rows: points(rows, opts).map((d) => [d.year, ...d.cells])
	};
}
