/**
 * Charts are data: a spec of Plot options whose marks are described, not constructed, so the
 * pages can build specs without loading Plot; render.ts turns a spec into Plot marks — at build
 * time with a server-side document, in the browser only once the figures change.
 */
import type { DisplayContext } from '$lib/types';
import type { LabelField } from '$lib/i18n/format';

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
	width: 640,
	height: 320,
	marginLeft: 56,
	style: { fontSize: '12px', fontFamily: 'system-ui, sans-serif', background: 'white', color: '#1b1f24' }
} as const;

export const mark = (name: MarkName, data: unknown[], options: Record<string, unknown> = {}): MarkSpec => ({ mark: name, data, options });
