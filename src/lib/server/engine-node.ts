/** DuckDB-wasm's blocking build for Node: the build and the tests run the browser's SQL engine. */
import { createDuckDB, NODE_RUNTIME, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ENGINE_SETUP, columnsToIPC, ident, numericIPC, toRows, type Columns, type Engine } from '$lib/db/engine';

const require = createRequire(import.meta.url);

export async function createNodeEngine(): Promise<Engine> {
	const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm'));
	const bundle = (name: 'mvp' | 'eh') => ({
		mainModule: path.join(dist, `duckdb-${name}.wasm`),
		mainWorker: path.join(dist, `duckdb-node-${name}.worker.cjs`)
	});
	const db: DuckDBBindings = await createDuckDB({ mvp: bundle('mvp'), eh: bundle('eh') }, { log() {} }, NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({ query: { castBigIntToDouble: true } });
	const conn = db.connect();
	for (const sql of ENGINE_SETUP) conn.query(sql);
	// Prepared once, as in the browser: the build asks the same few statements for every view.
	const prepared = new Map<string, ReturnType<typeof conn.prepare>>();
	const forget = () => {
		for (const statement of prepared.values()) statement.close();
		prepared.clear();
	};

	return {
		async query<T>(sql: string, params: unknown[] = []) {
			if (params.length === 0) return toRows<T>(conn.query(sql));
			let statement = prepared.get(sql);
			if (!statement) prepared.set(sql, (statement = conn.prepare(sql)));
			return toRows<T>(statement.query(...params));
		},
		async exec(sql) {
			// A changed schema invalidates prepared statements.
			forget();
			conn.query(sql);
		},
		async registerText(name, text) {
			db.registerFileText(name, text);
		},
		async registerBuffer(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async insertColumns(table: string, columns: Columns) {
			forget();
			conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			conn.insertArrowFromIPCStream(columnsToIPC(columns), { name: table, create: true });
		},
		async queryIPC(sql) {
			return numericIPC(conn.query(sql));
		},
		async appendIPC(table, ipc) {
			conn.insertArrowFromIPCStream(ipc, { name: table, create: false });
		},
		async close() {
			forget();
			conn.close();
			db.reset();
		}
	};
}
