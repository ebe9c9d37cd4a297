/**
 * Charts are data: a spec of Plot options whose marks are described, not constructed, so the
 * pages can build specs without loading Plot; render.ts turns a spec into Plot marks — at build
 * time with a server-side document, in the browser only once the figures change.
 */
import type { Bound, DisplayContext } from '$lib/types';
import { displayFigure, displayShare, formatNumber, type LabelField } from '$lib/i18n/format';

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

/**
 * A figure in a chart's table, as the test contract reads it: its text, `value` (data-value: the
 * figure, '' when not shown), `bound` (data-bound) and `key` (data-key: the raw category, year or
 * year|measure it counts), so that an oracle can check each against the data without the labels.
 */
export interface FigureCell {
	text: string;
	value: string;
	bound: Bound;
	key: string;
}

export interface ChartTable {
	columns: string[];
	/** Labels as text, figures as FigureCell (the last cells of a row). */
	rows: (string | FigureCell)[][];
}

/** A count's cell: the figure, "≥ N" when it is a lower bound, "<k" or "—". */
export function countCell(key: string, n: number, exact: boolean | undefined, ctx: DisplayContext): FigureCell {
	const shown = displayFigure(n, exact !== false, ctx);
	return { text: shown.text, value: shown.data, bound: shown.bound, key };
}

/** A share's cell: only where its parts are true ("—" otherwise); "<x%" or "not shown" when they are too few. */
export function shareCell(key: string, part: number, whole: number, exact: boolean | undefined, ctx: DisplayContext): FigureCell {
	if (exact === false) return { text: '—', value: '', bound: 'none', key };
	const shown = displayShare(part, whole, ctx);
	return shown.value === null ? { text: shown.text, value: '', bound: 'hidden', key } : { text: shown.text, value: shown.value.toFixed(4), bound: 'exact', key };
}

/** The text of a table cell, label or figure (what a spreadsheet or a screen reader gets). */
export const cellText = (cell: string | FigureCell): string => (typeof cell === 'string' ? cell : cell.text);

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
