/** An engine fault (engine-fault.ts) in the page's words; any other error as its own message. */
import { engineFault } from '$lib/db/engine-fault';
import type { Messages } from './messages';

export function faultText(error: unknown, m: Messages): string {
	const fault = engineFault(error);
	if (!fault) return error instanceof Error ? error.message : String(error);
	const file = fault.file ?? 'duckdb.wasm';
	switch (fault.kind) {
		case 'download':
			return m.engineFaultDownload(file, fault.detail ?? '');
		case 'mime':
			return m.engineFaultMime(file, fault.detail ?? '');
		case 'stalled':
			return m.engineFaultStalled(fault.detail ?? '?');
		case 'crashed':
			return m.engineFaultCrashed;
		case 'memory':
			return m.engineFaultMemory;
	}
}

/**
 * On /upload: running out of memory names the dropped files (they are what is too large), and
 * every fault says that a new drop starts the engine afresh.
 */
export function uploadFaultText(error: unknown, files: string[], m: Messages): string {
	const fault = engineFault(error);
	if (!fault) return faultText(error, m);
	if (fault.kind === 'memory') return m.tooLargeForMemory(fault.file ?? files.join(', '));
	return `${faultText(fault, m)} ${m.engineRetry}`;
}
