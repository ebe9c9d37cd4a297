/** DuckDB-wasm's blocking build for Node: the build and the tests run the browser's SQL engine. */
import { createDuckDB, NODE_RUNTIME, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ENGINE_SETUP, columnsToIPC, ident, toRows, type Columns, type Engine } from '$lib/db/engine';

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

	return {
		async query<T>(sql: string, params: unknown[] = []) {
			if (params.length === 0) return toRows<T>(conn.query(sql));
			const statement = conn.prepare(sql);
			try {
				return toRows<T>(statement.query(...params));
			} finally {
				statement.close();
			}
		},
		async exec(sql) {
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
			conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			conn.insertArrowFromIPCStream(columnsToIPC(columns), { name: table, create: true });
		},
		async close() {
			conn.close();
			db.reset();
		}
	};
}
