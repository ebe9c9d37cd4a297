/**
 * Charts are data: a spec of Plot options whose marks are described, not constructed, so the
 * pages can build specs without loading Plot; render.ts turns a spec into Plot marks — at build
 * time with a server-side document, in the browser only once the figures change.
 */
import type { DisplayContext } from '$lib/types';
import { formatNumber, type LabelField } from '$lib/i18n/format';

export type MarkName = 'barX' | 'barY' | 'text' | 'ruleX' | 'ruleY' | 'line' | 'dot';

export interface MarkSpec {
	mark: MarkName;
	data: unknown[];
	options: Record<string, unknown>;
}

export interface ChartSpec {
	marks: MarkSpec[];
	[option: string]: unknown;
}

export interface ChartOptions {
	ctx: DisplayContext;
	label: (field: LabelField, value: string) => string;
	/** What a stacked trend is split by, for labelling its keys. */
	stackField?: LabelField;
	width?: number;
	/** Axis label for counts of people ("People", «Человек»). */
	peopleLabel?: string;
}

export interface ChartTable {
	columns: string[];
	rows: string[][];
}

/** Colour-blind-safe (Okabe–Ito), each with at least 3:1 contrast on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9', '#7F7F7F', '#000000'];
export const ACCENT = PALETTE[0];

export const DEFAULTS = {
	// The width of a chart's slot in the widest layout (site.css: <main> 72rem, two columns 1.5rem
	// apart; Chart.svelte: 1rem padding, 1px border): drawn at it at build time, a desktop page
	// shows the prerendered SVG as it is. Elsewhere Chart.svelte draws again to the slot's width.
	width: 530,
	height: 320,
	marginLeft: 56,
	style: { fontSize: '12px', fontFamily: 'system-ui, sans-serif', background: 'white', color: '#1b1f24' }
} as const;

/**
 * The axis of counts: numbers as the page's language writes them ("1,000", «1 000»), not SI
 * ("0.1k"); no axis at all when nothing is drawn to scale (every figure is "<k"), rather than NaN.
 */
export function countAxis(opts: ChartOptions, drawn: unknown[]): Record<string, unknown> {
	if (drawn.length === 0) return { axis: null, domain: [0, 1] };
	return { grid: true, label: opts.peopleLabel ?? 'People', tickFormat: (d: number) => formatNumber(d, opts.ctx.lang) };
}

export const mark = (name: MarkName, data: unknown[], options: Record<string, unknown> = {}): MarkSpec => ({ mark: name, data, options });
