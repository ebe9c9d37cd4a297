/**
 * DuckDB-wasm in a Web Worker, self-hosted by Vite (never a CDN). Imported dynamically only: a
 * top-level import of the browser build breaks prerendering, and a donor who only looks at the
 * page should never download the wasm.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { EngineFault, workerFault } from './engine-fault';
import { ENGINE_SETUP, columnsToIPC, ident, numericIPC, toRows, type Columns, type Engine } from './engine';

/**
 * A starting engine that gives no sign of life for this long (no byte of its wasm arrives, no step
 * answers) has failed: a page says so within 10 s. Counted from the last sign, not from the start,
 * so a slow connection downloading the wasm bit by bit is not cut off.
 */
export const STALL_MS = 8_000;

/** Rejects with `fault()` once `poke()` has not been called for `ms`. */
function stallWatch(ms: number, fault: () => EngineFault) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let fail: (error: EngineFault) => void = () => {};
	const stalled = new Promise<never>((_, reject) => (fail = reject));
	stalled.catch(() => {}); // observed by each step's race; between steps, no one is waiting
	const poke = () => {
		clearTimeout(timer);
		timer = setTimeout(() => fail(fault()), ms);
	};
	poke();
	return { stalled, poke, stop: () => clearTimeout(timer) };
}

const fileName = (url: string) => url.split('/').pop()?.split('?')[0] ?? url;

/**
 * A wasm that cannot be fetched, or comes with the wrong type, makes instantiate() hang rather
 * than fail: ask the server about it alongside (a HEAD request), to say at once what is wrong.
 * A server that does not answer HEAD (405, 501) is given the benefit of the doubt.
 */
async function checkServed(url: string): Promise<void> {
	const response = await fetch(url, { method: 'HEAD' }).catch(() => null);
	const file = fileName(url);
	if (!response) throw new EngineFault('download', `The database engine (${file}) could not be downloaded: network error`, { file });
	if (!response.ok && response.status !== 405 && response.status !== 501) {
		const detail = `${response.status} ${response.statusText}`.trim();
		throw new EngineFault('download', `The database engine (${file}) could not be downloaded: ${detail}`, { file, detail });
	}
	const type = response.headers.get('content-type');
	if (response.ok && type && !type.includes('wasm'))
		throw new EngineFault('mime', `The database engine (${file}) is served as ${type}, not application/wasm`, { file, detail: type });
}

/**
 * DuckDB's worker, started from a small script that first takes a Web Lock named for it and never
 * gives it back: the browser releases a worker's locks when the worker ends, however it ends
 * (closed, stopped by the browser for memory, crashed), and DuckDB's promises would otherwise wait
 * for an answer forever. DuckDB answers every request, failed or not, except when its wasm cannot
 * be fetched or compiled (a promise nobody catches, and instantiate() waits forever): such a
 * rejection is thrown again, so that it reaches this page as the worker's 'error' event.
 * `ended` rejects with the fault once the worker ends or fails.
 */
function spawnWorker(script: string, wasm: string) {
	const url = new URL(script, location.href).href;
	const lock = `impact-engine-${Date.now()}-${Math.random().toString(36).slice(2)}`;
	const source = [
		`self.navigator.locks && self.navigator.locks.request(${JSON.stringify(lock)}, () => new Promise(() => {}));`,
		`self.addEventListener('unhandledrejection', (event) => { throw event.reason; });`,
		`importScripts(${JSON.stringify(url)});`
	].join('\n');
	const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	const worker = new Worker(blob);
	let closing = false;
	let fail: (fault: EngineFault) => void = () => {};
	const ended = new Promise<never>((_, reject) => (fail = reject));
	ended.catch(() => {}); // observed through race(); unobserved, an intended close is no error
	const end = (fault: EngineFault) => {
		if (closing) return;
		closing = true;
		worker.terminate();
		fail(fault);
	};
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		end(workerFault(event.message ?? '', fileName(script), fileName(wasm)));
	});
	return {
		worker,
		ended,
		/** Once the worker holds its lock, ask for it: granted when the worker ends. */
		async watch(): Promise<void> {
			URL.revokeObjectURL(blob);
			const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
			if (!locks) return; // not a secure context: only the worker's error events and the stall watch of a start are left
			// Asked for before the worker holds it, the lock could be granted to this page first.
			for (let tries = 0; tries < 50; tries++) {
				const { held } = await locks.query();
				if (held?.some((l) => l.name === lock)) {
					void locks.request(lock, () => end(new EngineFault('crashed', 'The database engine stopped: its worker ended')));
					return;
				}
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
		close() {
			closing = true;
			worker.terminate();
		}
	};
}

/** Each engine's end: rejects with the fault once its worker ends (the started engines forget it, pages start anew). */
const endings = new WeakMap<Engine, Promise<never>>();

/** Rejects with the fault once `engine`'s worker has ended (never, for an engine closed on purpose). */
export function engineEnded(engine: Engine): Promise<never> {
	return endings.get(engine) ?? new Promise<never>(() => {});
}

async function start(): Promise<Engine> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const wasm = new URL(bundle.mainModule, location.href).href;
	const spawned = spawnWorker(bundle.mainWorker!, wasm);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), spawned.worker);
	/** Every answer awaited from the worker: a fault, not a hang, once the worker has ended. */
	const alive = <T>(promise: Promise<T>) => Promise.race([promise, spawned.ended]);
	const watch = stallWatch(
		STALL_MS,
		() => new EngineFault('stalled', `The database engine did not start: no sign of it for ${STALL_MS / 1000} s (is ${fileName(wasm)} served as application/wasm?)`, { file: fileName(wasm), detail: String(STALL_MS / 1000) })
	);
	const step = <T>(promise: Promise<T>) => Promise.race([alive(promise), watch.stalled]).finally(watch.poke);
	let conn: duckdb.AsyncDuckDBConnection;
	try {
		// Each chunk of the wasm downloaded is a sign of life.
		await step(Promise.all([checkServed(wasm), db.instantiate(wasm, bundle.pthreadWorker, watch.poke)]));
		await spawned.watch();
		await step(db.open({ query: { castBigIntToDouble: true } }));
		conn = await step(db.connect());
		for (const sql of ENGINE_SETUP) await step(conn.query(sql));
	} catch (error) {
		spawned.close();
		throw error;
	} finally {
		watch.stop();
	}
	// Each statement is prepared once: a filter change then costs one round trip per query, not three.
	const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();

	const engine: Engine = {
		async query<T>(sql: string, params: unknown[] = []) {
			if (params.length === 0) return toRows<T>(await alive(conn.query(sql)));
			let statement = prepared.get(sql);
			if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
			return toRows<T>(await alive((await alive(statement)).query(...params)));
		},
		async exec(sql) {
			// A changed schema invalidates prepared statements.
			prepared.clear();
			await alive(conn.query(sql));
		},
		async registerText(name, text) {
			await alive(db.registerFileText(name, text));
		},
		async registerBuffer(name, bytes, give = false) {
			// The worker takes the buffer it is given (transferred, so detached here): unless the
			// caller gives it away, give it a copy, as the Node engine does.
			await alive(db.registerFileBuffer(name, give ? bytes : bytes.slice()));
		},
		async dropFile(name) {
			await alive(db.dropFile(name));
		},
		async insertColumns(table: string, columns: Columns) {
			prepared.clear();
			await alive(conn.query(`DROP TABLE IF EXISTS ${ident(table)}`));
			await alive(conn.insertArrowFromIPCStream(columnsToIPC(columns), { name: table, create: true }));
		},
		async queryIPC(sql) {
			return numericIPC(await alive(conn.query(sql)));
		},
		async appendIPC(table, ipc) {
			await alive(conn.insertArrowFromIPCStream(ipc, { name: table, create: false }));
		},
		async close() {
			// An ended worker would never answer: do not wait for it.
			await Promise.race([conn.close(), spawned.ended, new Promise((resolve) => setTimeout(resolve, 1_000))]).catch(() => {});
			spawned.close();
			await db.terminate();
		}
	};
	endings.set(engine, spawned.ended);
	return engine;
}

const started = new Map<number, Promise<Engine>>();

function startOne(k: number): Promise<Engine> {
	let engine = started.get(k);
	if (!engine) {
		const starting = start();
		engine = starting.catch((error) => {
			if (started.get(k) === engine) started.delete(k);
			throw error;
		});
		// An engine whose worker ended is forgotten: the next use starts a new one.
		starting.then((e) => engineEnded(e).catch(() => started.get(k) === engine && started.delete(k)), () => {});
		started.set(k, engine);
	}
	return engine;
}

/** The page's engine, started on first use; a failure to start is an error, never a hang. */
export const browserEngine = (): Promise<Engine> => startOne(0);

/**
 * One engine per core, up to four (the first is browserEngine()): DuckDB-wasm runs one thread per
 * worker, so a large export is read in parts, one per engine. Measured on 2 cores: two bare workers
 * read and group the halves of a 1M-row export in ~55% of the time one takes; in the upload page,
 * where they share the cores with it, a 1M-row drop takes ~10% less.
 */
export async function browserEngines(count = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1))): Promise<Engine[]> {
	// Helpers that cannot start (memory) are done without: only the first one is needed.
	const [first, ...helpers] = await Promise.allSettled(Array.from({ length: count }, (_, k) => startOne(k)));
	if (first.status === 'rejected') throw first.reason;
	return [first.value, ...helpers.flatMap((h) => (h.status === 'fulfilled' ? [h.value] : []))];
}

/** Stop the engines' workers (a cancelled load must not keep the CPU busy); the next use starts anew. */
export async function resetBrowserEngine(): Promise<void> {
	const current = [...started.values()];
	started.clear();
	await Promise.all(current.map((engine) => engine.then((e) => e.close()).catch(() => {})));
}
