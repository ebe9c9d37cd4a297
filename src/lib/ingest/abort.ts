/** Cancelling a large load: checked between its steps. */
export function throwIfAborted(signal?: AbortSignal) {
	if (signal?.aborted) throw new DOMException('Loading was cancelled', 'AbortError');
}
