/** Unique people across engines: each id's records gathered in one engine, counted there, the engines' counts merged. */
import type { Engine } from '$lib/db/engine';
import type { PackedRow } from './attribute-codes';

/**
 * With several engines, each gathers the records of the ids it counts (an id's hash modulo the
 * number of engines) from the others, as table `people`: every record of an id is then in one
 * engine. Rows without an id stay where they are. 64-bit values cross as two 32-bit halves (the
 * browser's engine hands BIGINTs to JavaScript as doubles). Returns what to count people from.
 */
export async function gatherPeople(engines: Engine[]): Promise<string> {
	const m = engines.length;
	if (m === 1) return 'records';
	const sent = (d: number) =>
		`SELECT file, rec, (key >> 32)::UINTEGER AS key_hi, (key & 4294967295)::UINTEGER AS key_lo, year,
			(a >> 30)::INTEGER AS a_hi, (a & 1073741823)::INTEGER AS a_lo, b::INTEGER AS b
		FROM records WHERE key % ${m} = ${d} AND year IS NOT NULL AND n IS NOT NULL`;
	await Promise.all(
		engines.map(async (to, d) => {
			const from = engines.map((engine, e) => [engine, e] as const).filter(([, e]) => e !== d);
			// Valid records only (no NULLs to cross; a record with an id is one person, whatever its
			// count); the table is made here, from the same query.
			await Promise.all(
				from.map(async ([engine, e]) => {
					await to.exec(`CREATE OR REPLACE TABLE moved_${e} AS ${sent(d)} LIMIT 0`);
					const rows = await engine.queryIPC(sent(d));
					if (rows) await to.appendIPC(`moved_${e}`, rows);
				})
			);
			const moved = from.map(
				([, e]) => `SELECT file, rec, (key_hi::UBIGINT << 32) | key_lo AS key, year, 1::DOUBLE AS n, (a_hi::BIGINT << 30) | a_lo AS a, b FROM moved_${e}`
			);
			// A table, scanned three times by uniquePeopleSql (~40 ms less than a view, 1M rows on 2 workers).
			const own = `SELECT * FROM records WHERE key IS NULL OR key % ${m} = ${d}`;
			await to.exec(`CREATE OR REPLACE TABLE people AS ${[own, ...moved].join(' UNION ALL ')}`);
		})
	);
	return 'people';
}

/**
 * People from `records`: rows with the same id are one person, counted once in the year of their
 * first record (ties: file order, then line), with that record's attributes.
 * Most ids occur once. Finding the few that recur is a cheap aggregate (a count per id); only
 * their records go through the costly one (first record per id): ~40% less time for 1M rows.
 * A row without an id is its own person, and so is an id's only record. (`valid` is a filter,
 * not a table: materialised, as DuckDB does a CTE used three times, it cost ~100 ms more.)
 * `a` has 60 bits: it crosses to JavaScript in two halves (a double holds only 53).
 */
export function uniquePeopleSql(records: string): string {
	const first = '(year::BIGINT << 40) | (file::BIGINT << 32) | rec::BIGINT';
	return `WITH valid AS NOT MATERIALIZED (SELECT * FROM ${records} WHERE year IS NOT NULL AND n IS NOT NULL),
		recurring AS (SELECT key FROM valid WHERE key IS NOT NULL GROUP BY key HAVING count(*) > 1)
		SELECT year::INTEGER AS year, (a >> 30)::INTEGER AS hi, (a & 1073741823)::INTEGER AS lo, b::INTEGER AS b, sum(n)::DOUBLE AS n FROM (
			SELECT year, a, b, CASE WHEN key IS NULL THEN n ELSE 1 END AS n FROM valid
			WHERE key IS NULL OR key NOT IN (SELECT key FROM recurring)
			UNION ALL
			SELECT min(year), arg_min(a, ${first}), arg_min(b, ${first}), 1 FROM valid
			WHERE key IN (SELECT key FROM recurring) GROUP BY key
		) GROUP BY year, a, b ORDER BY ALL`;
}

/** The engines' people as one list, in the order one engine gives: each list is sorted (ORDER BY ALL), its keys distinct. */
export function mergePacked(lists: PackedRow[][]): PackedRow[] {
	const order = (x: PackedRow, y: PackedRow) => x.year - y.year || x.hi - y.hi || x.lo - y.lo || x.b - y.b;
	return lists.reduce((xs, ys) => {
		const out: PackedRow[] = [];
		let i = 0;
		let j = 0;
		while (i < xs.length || j < ys.length) {
			const c = i === xs.length ? 1 : j === ys.length ? -1 : order(xs[i], ys[j]);
			if (c < 0) out.push(xs[i++]);
			else if (c > 0) out.push(ys[j++]);
			else out.push({ ...xs[i], n: xs[i++].n + ys[j++].n });
		}
		return out;
	});
}
