/**
 * A lazily imported module, imported once and then kept: an import() of a module already loaded
 * still resolves a task later, after the next frame, and on a filter change that held back the
 * engine's first query by ~5 ms (measured in a trace).
 */
export function kept<T>(load: () => Promise<T>): () => Promise<T> {
	let loaded: Promise<T> | undefined;
	return () =>
		(loaded ??= load().catch((error) => {
			loaded = undefined; // a failed download (offline) may be retried
			throw error;
		}));
}
