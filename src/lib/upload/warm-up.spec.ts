import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports } from '$lib/ingest/load-export';
import { startWarmUp, warmUp, warmUpCsv } from './warm-up';

let engines: Engine[];
beforeAll(async () => {
	engines = await Promise.all([createNodeEngine(), createNodeEngine()]);
}, 30_000);
afterAll(() => Promise.all(engines.map((e) => e.close())));

const tables = (engine: Engine) => engine.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal');

describe('the warm-up export', () => {
	it('is read like a real one: every row loaded, ids that recur counted once', async () => {
		const result = await loadExports(engines, [{ name: 'warm-up.csv', bytes: new TextEncoder().encode(warmUpCsv(1000)) }], { partBytes: 0 });
		expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([1000, 1000, 0]);
		expect(result.people).toBe(900);
		expect(new Set(result.rows.map((r) => r.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
		// Unknown values are read too (their problems are listed, as for a real export).
		expect(result.files[0].problems.map((p) => p.field)).toContain('nationality');
	});

	it('leaves every engine empty, also when a drop stops it', async () => {
		await warmUp(engines, { rows: 2000 });
		for (const engine of engines) expect(await tables(engine)).toEqual([]);
		const stop = new AbortController();
		stop.abort();
		await expect(warmUp(engines, { signal: stop.signal, rows: 2000 })).rejects.toThrow(/cancelled/);
		for (const engine of engines) expect(await tables(engine)).toEqual([]);
		// As the page does: a drop stops it (it did not read to its end), and waits for the engines to be emptied.
		const warming = startWarmUp(engines);
		expect(await warming.stop()).toBe(false);
		for (const engine of engines) expect(await tables(engine)).toEqual([]);
	});
});
