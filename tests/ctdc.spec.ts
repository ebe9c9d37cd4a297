/**
 * An export in the CTDC data standard (tests/fixtures/ctdc.csv, 79 rows): yearOfRegistration and
 * no date, gender, ageBroad, majorityStatus, citizenship as ISO codes, typeOfExploitConcatenated,
 * "-99" and "0" for unknown. Its groups, and so every figure below, are known:
 *   24 × 2021 Female 9--17   Minor KG Sexual exploitation
 *   20 × 2022 Male   30--38  Adult UZ Forced labour
 *   12 × 2021 Female -99     Adult KG Sexual exploitation;Forced labour
 *   10 × 2022 Female -99     -99   0  -99
 *    5 × 2022 0      48+     Adult TJ Forced marriage
 *    1 × 2021 Male   18--20  Adult UA Forced labour
 *    6 × 2021 Female 0--8    -99   KG Forced begging
 *    1 × -99 (line 42): rejected, no year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports, type IngestResult } from '$lib/ingest/load-export';
import { UNKNOWN, type PersonRow } from '$lib/types';

const bytes = new Uint8Array(readFileSync('tests/fixtures/ctdc.csv'));
let engine: Engine;
let result: IngestResult;
beforeAll(async () => {
	engine = await createNodeEngine();
	result = await loadExports(engine, [{ name: 'ctdc.csv', bytes }]);
}, 30_000);
afterAll(() => engine.close());

/** People by one attribute, as a plain object. */
function by(rows: PersonRow[], of: (p: PersonRow) => string | number): Record<string, number> {
	const out: Record<string, number> = {};
	for (const p of rows) out[of(p)] = (out[of(p)] ?? 0) + p.n;
	return out;
}

describe('a CTDC-standard export, read in Node', () => {
	it('recognises every column, the year without a date column', () => {
		const [file] = result.files;
		expect(file.needsMapping).toBeUndefined();
		expect(file.columns.map((c) => [c.status, c.field])).toEqual([
			['recognised', 'year'], ['recognised', 'sex'], ['recognised', 'age'], ['recognised', 'majority'], ['recognised', 'nationality'], ['recognised', 'exploitation']
		]);
	});

	it('rejects the row without a year, and reports no problem for -99 and 0', () => {
		expect([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.people]).toEqual([79, 78, 1, 78]);
		expect(result.files[0].problems.map((p) => [p.field, p.kind, p.rows, p.lines, p.rejected])).toEqual([['year', 'missing year', 1, [42], true]]);
	});

	it('counts people by year of registration, sex × age (adult/minor where no age), nationality and type', () => {
		expect(by(result.rows, (p) => p.year)).toEqual({ 2021: 43, 2022: 35 });
		expect(by(result.rows, (p) => `${p.sex}|${p.age}`)).toEqual({ 'female|child': 30, 'male|18-59': 21, 'female|adult': 12, [`female|${UNKNOWN}`]: 10, [`${UNKNOWN}|adult`]: 5 });
		expect(by(result.rows, (p) => p.nationality)).toEqual({ KG: 42, UZ: 20, [UNKNOWN]: 10, TJ: 5, UA: 1 });
		expect(by(result.rows, (p) => p.disability)).toEqual({ [UNKNOWN]: 78 });
		expect(by(result.rows, (p) => p.exploitation ?? UNKNOWN)).toEqual({ sexual: 24, labour: 21, '~several': 12, [UNKNOWN]: 10, marriage: 5, begging: 6 });
	});
});
