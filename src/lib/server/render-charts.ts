/**
 * Charts rendered to SVG at build time, so a donor sees them before any JavaScript loads. They go
 * into the HTML only (the server hook fills each chart's slot), not into the page's data: shipped
 * there too, the SVGs were 40% of the page again, to be parsed before hydration and never used.
 */
import { parseHTML } from 'linkedom';
import { renderSvg } from '$lib/charts/render';
import type { ChartId, ChartModel } from '$lib/charts/dashboard';

/** The empty element each chart's SVG goes into (Chart.svelte), by chart id. */
export const svgSlot = (id: string) => `data-svg-slot="${id}"></div>`;

export function injectCharts(html: string, svgs: Record<string, string> | undefined): string {
	if (!svgs) return html;
	return Object.entries(svgs).reduce((out, [id, svg]) => out.replace(svgSlot(id), `data-svg-slot="${id}">${svg}</div>`), html);
}

export function chartsToSvg(charts: Partial<Record<ChartId, ChartModel>>): Partial<Record<ChartId, string>> {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return Object.fromEntries(
		// A chart with nothing published at the level has no slot (Charts.svelte says why instead).
		Object.entries(charts)
			.filter(([, chart]) => !chart.empty)
			.map(([id, chart]) => [id, renderSvg(chart.spec, document as unknown as Document)])
	);
}
