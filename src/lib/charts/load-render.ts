/**
 * Plot, loaded once and only when a chart must be drawn in the browser (a donor who only looks
 * never downloads it). Once loaded, a chart draws synchronously, in the same update as its new
 * figures, so <main data-state="ready"> never shows a chart that is a step behind.
 */
import type * as Render from './render';

let loaded: typeof Render | undefined;
let loading: Promise<typeof Render> | undefined;

export function loadRender(): Promise<typeof Render> {
	return (loading ??= import('./render').then((module) => (loaded = module)));
}

export function renderLoaded(): typeof Render | undefined {
	return loaded;
}
