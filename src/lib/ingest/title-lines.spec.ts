import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { sniff } from './sniff';
import { loadExports } from './load-export';
import { buildErrors } from '$lib/server/release-exports';

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

// A report's title can hold the delimiter: its second line was read as the header (DuckDB's
// corpus, auto/multiple_skip_row.csv, has this shape), the file refused for "no year column" and
// the title's text printed as a column name.
const TITLED = 'Case register export\nOrganisation: Zhenskaya Pomosh, period 2024\ncase_id,registration_date,sex\nA1,2024-03-01,F\nA2,2024-04-11,M\nA3,2023-12-30,F\n';

describe('title lines that hold the delimiter', () => {
	it('are skipped: the header is the line whose field count the records keep', () => {
		expect(sniff(TITLED)).toMatchObject({ delimiter: ',', headers: ['case_id', 'registration_date', 'sex'], headerLine: 3, headerLines: 3 });
		expect(sniff('Organisation: X, 2024\n\nyear,sex,age\n2024,F,30\n2023,M,41\n')).toMatchObject({ headers: ['year', 'sex', 'age'], headerLine: 3 });
	});

	it('leave a plain header alone, and one over rows that end with an empty field', () => {
		expect(sniff('year,sex,age\n2024,F,30\n2023,M,41\n')).toMatchObject({ headers: ['year', 'sex', 'age'], headerLine: 1 });
		expect(sniff('year,sex,age\n2024,F,30,\n2023,M,41,\n')).toMatchObject({ headers: ['year', 'sex', 'age'], headerLine: 1 });
		expect(sniff('Clients, 2024\nyear;sex;age\n2024;F;30\n2023;M;41\n')).toMatchObject({ delimiter: ';', headerLine: 2 });
		// Records one field wider than their header are records (rejected by their width), not a header.
		expect(sniff('year,sex\n2024,F,x\n2025,M,y\n')).toMatchObject({ headers: ['year', 'sex'], headerLine: 1 });
	});

	it('the titled register is read and counted, and nothing of its title is said', async () => {
		const result = await loadExports(engine, [{ name: 'titled.csv', bytes: new TextEncoder().encode(TITLED) }], { exportDate: '2025-01-01' });
		const [file] = result.files;
		expect([file.rowsRead, file.rowsLoaded, file.rowsRejected, result.people]).toEqual([3, 3, 0, 3]);
		expect(file.headerLine).toBe(3);
		expect(buildErrors(result.files)).toEqual([]);
	});
});
