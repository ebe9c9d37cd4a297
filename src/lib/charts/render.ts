/** A chart spec → Plot marks → SVG. The document is injected, as in Plot itself. */
import * as Plot from '@observablehq/plot';
import type { ChartSpec } from './common';

export function plotOf(spec: ChartSpec, document?: Document): SVGSVGElement | HTMLElement {
	const { marks, ...options } = spec;
	const build = Plot as unknown as Record<string, (data: unknown[], options: Record<string, unknown>) => Plot.Markish>;
	return Plot.plot({ ...options, marks: marks.map((m) => build[m.mark](m.data, m.options)), ...(document ? { document } : {}) } as Plot.PlotOptions);
}

export function renderSvg(spec: ChartSpec, document?: Document): string {
	return plotOf(spec, document).outerHTML;
}
