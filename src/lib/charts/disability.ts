/** Share with a disability per year, among people whose status is known; unknown noted beside. */
import type { DisabilityYearRow } from '$lib/types';
import { displayCount, displayShare } from '$lib/i18n/format';
import { ACCENT, DEFAULTS, mark, type ChartOptions, type ChartSpec, type ChartTable } from './common';

function points(rows: DisabilityYearRow[], opts: ChartOptions) {
	return rows.map((r) => {
		const share = displayShare(r.yes, r.yes + r.no, opts.ctx);
		return { year: String(r.year), share: share.value, text: share.text, known: displayCount(r.yes + r.no, opts.ctx).text, unknown: displayCount(r.unknown, opts.ctx).text };
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
			mark('barY', data.filter((d) => d.share !== null), { x: 'year', y: 'share', fill: ACCENT, title: (d: { year: string; text: string; known: string }) => `${d.year}: ${d.text} (${d.known})` }),
			mark('text', data, { x: 'year', y: (d: { share: number | null }) => d.share ?? 0, text: 'text', dy: -8, fill: '#1b1f24' }),
			mark('ruleY', [0], { ariaHidden: true })
		]
	};
}

export function disabilityTable(rows: DisabilityYearRow[], opts: ChartOptions, headings = { year: 'Year', share: 'With a disability', known: 'Status known', unknown: 'Status unknown' }): ChartTable {
	return {
		columns: [headings.year, headings.share, headings.known, headings.unknown],
		rows: points(rows, opts).map((d) => [d.year, d.text, d.known, d.unknown])
	};
}
