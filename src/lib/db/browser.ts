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
import { ENGINE_SETUP, columnsToIPC, ident, numericIPC, toRows, type Columns, type Engine } from './engine';

/** A wasm served with the wrong MIME type makes instantiate() hang forever: never wait that long. */
export const START_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(message)), ms);
		promise.then(
			(value) => (clearTimeout(timer), resolve(value)),
			(error) => (clearTimeout(timer), reject(error))
		);
	});
}

/**
 * A wasm that cannot be fetched, or comes with the wrong type, makes instantiate() hang rather
 * than fail: ask the server about it alongside (a HEAD request), to say at once what is wrong.
 * A server that does not answer HEAD (405, 501) is given the benefit of the doubt.
 */
async function checkServed(url: string): Promise<void> {
	const response = await fetch(url, { method: 'HEAD' }).catch(() => null);
	const file = url.split('/').pop();
	if (!response) throw new Error(`The database engine (${file}) could not be downloaded: network error`);
	if (!response.ok && response.status !== 405 && response.status !== 501)
		throw new Error(`The database engine (${file}) could not be downloaded: ${response.status} ${response.statusText}`);
	const type = response.headers.get('content-type');
	if (response.ok && type && !type.includes('wasm')) throw new Error(`The database engine (${file}) is served as ${type}, not application/wasm: the site's host must serve .wasm files as application/wasm`);
}

async function start(): Promise<Engine> {
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	try {
		await Promise.all([checkServed(bundle.mainModule), db.instantiate(bundle.mainModule, bundle.pthreadWorker)]);
	} catch (error) {
		worker.terminate();
		throw error;
	}
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	for (const sql of ENGINE_SETUP) await conn.query(sql);
	// Each statement is prepared once: a filter change then costs one round trip per query, not three.
	const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();

	return {
		async query<T>(sql: string, params: unknown[] = []) {
			if (params.length === 0) return toRows<T>(await conn.query(sql));
			let statement = prepared.get(sql);
			if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
			return toRows<T>(await (await statement).query(...params));
		},
		async exec(sql) {
			// A changed schema invalidates prepared statements.
			prepared.clear();
			await conn.query(sql);
		},
		async registerText(name, text) {
			await db.registerFileText(name, text);
		},
		async registerBuffer(name, bytes, give = false) {
			// The worker takes the buffer it is given (transferred, so detached here): unless the
			// caller gives it away, give it a copy, as the Node engine does.
			await db.registerFileBuffer(name, give ? bytes : bytes.slice());
		},
		async dropFile(name) {
			await db.dropFile(name);
		},
		async insertColumns(table: string, columns: Columns) {
			prepared.clear();
			await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			await conn.insertArrowFromIPCStream(columnsToIPC(columns), { name: table, create: true });
		},
		async queryIPC(sql) {
			return numericIPC(await conn.query(sql));
		},
		async appendIPC(table, ipc) {
			await conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}

const started = new Map<number, Promise<Engine>>();

function startOne(k: number): Promise<Engine> {
	let engine = started.get(k);
	if (!engine) {
		engine = withTimeout(
			start(),
			START_TIMEOUT_MS,
			`The database engine did not start within ${START_TIMEOUT_MS / 1000} s (is duckdb-*.wasm served as application/wasm?)`
		).catch((error) => {
			started.delete(k);
			throw error;
		});
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
