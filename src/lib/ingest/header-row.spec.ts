import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { mapHeaders } from '$lib/normalise/fields';
import { buildErrors, formatCheck } from '$lib/server/release-exports';
import { firstRowIsData } from './header-row';
import { loadExports } from './load-export';

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const columns = (header: string) => mapHeaders(header.split(',')).columns;

describe('firstRowIsData(columns, record): a first row shaped like the record below it', () => {
	it('is data when every cell has the shape of the cell below, one more than a plain word', () => {
		// DuckDB's corpus, auto/varchar_multi_line.csv: "StreetA" was read as an address column's header.
		expect(firstRowIsData(columns('Ainura,StreetA,TEST5'), ['Bolot', 'StreetB', 'TEST5'])).toBe(true);
		expect(firstRowIsData(columns('Ainura,Kv12,P-0001'), ['Bolot', 'Kv7', 'P-0002'])).toBe(true);
	});

	it('is a header over records of other shapes, and over plain words alone', () => {
		expect(firstRowIsData(columns('name,Date,height'), ['bob', '2024/12/12', '163'])).toBe(false);
		expect(firstRowIsData(columns('case_id,year,sex'), ['A1', '2024', 'F'])).toBe(false);
		// Words over words say nothing either way: the header stays a header (its name column refused as such).
		expect(firstRowIsData(columns('Name,City'), ['Bob', 'Paris'])).toBe(false);
		expect(firstRowIsData(columns('Q1,Q2'), [])).toBe(false);
	});
});

it('loadExports refuses two records without a header as such, and prints none of their values', async () => {
	const text = 'Ainura,StreetA,TEST5\nBolot,StreetB,TEST5\n';
	const { files } = await loadExports(engine, [{ name: 'nohead.csv', bytes: new TextEncoder().encode(text) }]);
	expect(files[0].error).toBe('nohead.csv: the first row looks like data: add the header row');
	const out = [...buildErrors(files), formatCheck(files), JSON.stringify(files)].join('\n');
	for (const value of ['Ainura', 'StreetA', 'Bolot', 'StreetB', 'TEST5']) expect(out).not.toContain(value);
});
