/**
 * The sample as real registers extend it: a second date column, a "Cancelled" flag, the
 * nationality under "country_name". None of them is an identifier; a phone column still is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports } from './load-export';

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const sample = Papa.parse<string[]>(readFileSync('data/sample-export.csv', 'utf8').trim()).data.slice(0, 301);
const [header, ...records] = sample;

/** The sample's first 300 records with extra columns (name → value of the record's index). */
function extended(extra: Record<string, (r: number) => string>, rename: Record<string, string> = {}): Uint8Array {
	const head = [...header.map((h) => rename[h] ?? h), ...Object.keys(extra)];
	const rows = records.map((rec, r) => [...rec, ...Object.values(extra).map((value) => value(r))]);
	return new TextEncoder().encode(Papa.unparse([head, ...rows]));
}

const day = (r: number) => `2024-${String((r % 12) + 1).padStart(2, '0')}-${String((r % 28) + 1).padStart(2, '0')}`;
const european = (r: number) => `${String((r % 28) + 1).padStart(2, '0')}-${String((r % 12) + 1).padStart(2, '0')}-2000`;

describe('loadExports(engine, [a register with more columns])', () => {
	it('loads a register with a second date column, a Cancelled flag and country_name, the nationality read from it', async () => {
		const bytes = extended({ closed_on: day, referral_date: european, Cancelled: (r) => String(r % 2), CancellationCode: (r) => (r % 3 ? '' : 'B') }, { nationality: 'country_name' });
		const { files, rows, rowsLoaded } = await loadExports(engine, [{ name: 'register.csv', bytes }]);
		const [file] = files;
		expect(file.error).toBeUndefined();
		expect(file.columns.filter((c) => c.status === 'refused')).toEqual([]);
		expect(file.fieldColumns?.nationality).toBe('country_name');
		expect(rowsLoaded).toBe(records.length);
		const plain = await loadExports(engine, [{ name: 'sample.csv', bytes: extended({}) }]);
		const byNationality = (rows: typeof plain.rows) => rows.reduce<Record<string, number>>((n, r) => ({ ...n, [r.nationality]: (n[r.nationality] ?? 0) + r.n }), {});
		expect(byNationality(rows)).toEqual(byNationality(plain.rows));
	});

	it('still refuses a phone column under an innocent header, by its values, and a name column by its header', async () => {
		const bytes = extended({ contact: (r) => `+996 555 ${String(100000 + r).slice(0, 3)} ${String(r).padStart(3, '0')}`, client_name: () => 'x' });
		const [file] = (await loadExports(engine, [{ name: 'register.csv', bytes }])).files;
		expect(file.columns.filter((c) => c.status === 'refused').map((c) => [c.header, c.reason])).toEqual([
			['contact', 'looks like a phone number column (by its values)'],
			['client_name', 'looks like a name column']
		]);
	});

	it('refuses phone numbers under "number" (a count by its header: DuckDB corpus, dates.csv), and reads the register without it', async () => {
		const phone = (r: number) => `+1 919 ${String(300 + (r % 700))} ${String(1000 + r)}`;
		const [file] = (await loadExports(engine, [{ name: 'register.csv', bytes: extended({ number: phone }) }])).files;
		expect(file.columns.filter((c) => c.status === 'refused').map((c) => [c.header, c.reason])).toEqual([['number', 'looks like a phone number column (by its values)']]);
		const plain = await loadExports(engine, [{ name: 'register.csv', bytes: extended({}) }]);
		expect(file.rowsLoaded).toBe(plain.files[0].rowsLoaded);
		// A real count under the same header is still a count.
		const [counted] = (await loadExports(engine, [{ name: 'counts.csv', bytes: new TextEncoder().encode('year,sex,number\n2024,F,12\n2024,M,9\n2025,F,30\n') }])).files;
		expect(counted.columns.find((c) => c.header === 'number')).toMatchObject({ status: 'recognised', field: 'count' });
	});
});
