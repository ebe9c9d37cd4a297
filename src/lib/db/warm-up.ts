/**
 * Starting DuckDB takes about a second: begin when the user reaches for a filter (pointer over,
 * focus in), not once they have chosen. Imported dynamically, so a donor who only looks
 * downloads no wasm; a failure here is reported by the change that needs the engine.
 */
export function warmUpPublished(): void {
	import('./published').then(({ publishedEngine }) => publishedEngine()).catch(() => {});
}
