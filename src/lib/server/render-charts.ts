/** Charts rendered to SVG at build time, so a donor sees them before any JavaScript loads. */
import { parseHTML } from 'linkedom';
import { renderSvg } from '$lib/charts/render';
import { CHART_IDS, type ChartId, type ChartModel } from '$lib/charts/dashboard';

export function chartsToSvg(charts: Record<ChartId, ChartModel>): Record<ChartId, string> {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return Object.fromEntries(
		CHART_IDS.map((id) => [id, renderSvg(charts[id].spec, document as unknown as Document)])
	) as Record<ChartId, string>;
}
