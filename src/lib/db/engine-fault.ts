/**
 * What went wrong with the browser's engine, as a kind the pages can put in words (in the page's
 * language) rather than DuckDB's or the browser's own text. Pure: no DOM, no worker.
 */

/**
 * - `download`: the wasm (or the worker script) could not be fetched;
 * - `mime`: the wasm came with a type other than application/wasm (the browser will not compile it);
 * - `stalled`: the engine gave no sign of life for a while as it started;
 * - `crashed`: its worker ended (the browser stopped it, or it failed) in the middle of work;
 * - `memory`: the browser or DuckDB could not allocate the memory asked for.
 */
export type FaultKind = 'download' | 'mime' | 'stalled' | 'crashed' | 'memory';

export class EngineFault extends Error {
	readonly kind: FaultKind;
	/** The file concerned (the wasm's name, or a dropped export's), when known. */
	readonly file?: string;
	/** What the server or the browser said (an HTTP status, a content type), when it helps. */
	readonly detail?: string;

	constructor(kind: FaultKind, message: string, { file, detail, cause }: { file?: string; detail?: string; cause?: unknown } = {}) {
		super(message, { cause });
		this.name = 'EngineFault';
		this.kind = kind;
		this.file = file;
		this.detail = detail;
	}
}

/**
 * The ways running out of memory shows: Chromium's failed ArrayBuffer ("Array buffer allocation
 * failed"), a wasm memory that cannot grow ("WebAssembly.Memory.grow(): Maximum memory size
 * exceeded", Emscripten's "Cannot enlarge memory" and "Aborted(OOM)"), C++'s std::bad_alloc and
 * DuckDB's own "Out of Memory Error" (its memory_limit reached).
 */
const MEMORY = /out of memory|allocation failed|bad_alloc|Aborted\(OOM\)|cannot enlarge memory|maximum memory size exceeded|could not allocate/i;

/** `error` as a fault when it is one (or says the memory ran out), null for any other error. */
export function engineFault(error: unknown, file?: string): EngineFault | null {
	if (error instanceof EngineFault) return error;
	const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	if (MEMORY.test(message)) return new EngineFault('memory', message, { file, cause: error });
	return null;
}

/** A worker's uncaught error as a fault: which file failed, and how, where its message tells. */
export function workerFault(message: string, script: string, wasm: string): EngineFault {
	// Its first line, importScripts(), throws when the worker's script cannot be fetched.
	if (/importScripts/.test(message)) return new EngineFault('download', `The database engine (${script}) could not be downloaded: ${message}`, { file: script });
	if (/MIME type/i.test(message)) return new EngineFault('mime', `The database engine (${wasm}) is not served as application/wasm: ${message}`, { file: wasm });
	if (/status code|Failed to fetch|NetworkError|network error/i.test(message))
		return new EngineFault('download', `The database engine (${wasm}) could not be downloaded: ${message}`, { file: wasm });
	return engineFault(new Error(message)) ?? new EngineFault('crashed', `The database engine's worker failed: ${message}`);
}
