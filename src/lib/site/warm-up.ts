/**
 * Starting DuckDB takes about a second: begin when the user reaches for a filter (pointer over,
 * focus in), not once they have chosen. Plot and the prepared views come along, so the charts
 * are redrawn as soon as the new figures arrive (not a chunk fetch later). Imported dynamically, so a donor who only
 * looks downloads no wasm; a failure here is reported by the change that needs the engine.
 */
import { loadRender } from '$lib/charts/load-render';
import { preparedViews } from './prepared-views';

/** `prepared`: the page's prepared views (the dashboard's or the report's). */
export function warmUpPublished(prepared: 'views' | 'report-views' = 'views'): void {
	loadRender().catch(() => {});
	preparedViews(prepared);
	import('./published').then(({ publishedEngine }) => publishedEngine()).catch(() => {});
}
