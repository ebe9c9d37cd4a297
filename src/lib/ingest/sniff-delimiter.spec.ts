import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { sniff } from './sniff';
import { loadExports } from './load-export';

let engine: Engine;
beforeAll(async () => (engine = await createNodeEngine()), 30_000);
afterAll(() => engine.close());

const json = '{"a": 1, "b": 2, "c": [3, 4], "d": "x, y", "e": null}';
const TSV = `case_id\tyear\tsex\tmeta\nA1\t2024\tF\t${json}\nA2\t2024\tM\t${json}\nA3\t2023\tF\t${json}\n`;

describe('sniff(text): the delimiter that keeps one field count across the records', () => {
	it('a tab file with commas inside its JSON column stays a tab file, its header the header', () => {
		expect(sniff(TSV)).toMatchObject({ delimiter: '\t', headers: ['case_id', 'year', 'sex', 'meta'], headerLine: 1 });
	});

	it('a semicolon file with decimal commas in every row, and one under a title holding a comma', () => {
		expect(sniff('year;sex;amount\n2024;F;12,5\n2024;M;3,25\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex', 'amount'] });
		expect(sniff('Clients, 2024\nyear;sex;age\n2024;F;30\n2023;M;41\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex', 'age'], headerLine: 2 });
	});

	it('one column of numbers written with commas is one column, not a header only', () => {
		expect(sniff('Value\n68,527.00\n')).toMatchObject({ headers: ['Value'], headerLine: 1, preview: [['68,527.00']] });
		expect(sniff('Value\n68,527.00\n1,200.50\n')).toMatchObject({ headers: ['Value'], preview: [['68,527.00'], ['1,200.50']] });
		// A title above a header with no rows is still a header only.
		expect(() => sniff('Report\nyear,sex\n')).toThrow('header only: no data rows');
	});

	it('a comma file whose notes hold a semicolon in every row stays a comma file', () => {
		expect(sniff('year,sex,remark\n2024,F,a;b\n2024,M,c;d\n')).toMatchObject({ delimiter: ',', headers: ['year', 'sex', 'remark'] });
	});
});

// DuckDB's corpus, comments/simple_comma.csv, has this shape: a semicolon file whose comment lines
// start with a comma. Counted at the commas it made two-field records, and the comment was read as
// the header and named as a column.
const COMMENTED = ', Case register export\n, Organisation X\ncase_id;year;sex\n, checked by hand\nA1;2024;F\nA2;2023;M\n, end of export\n';

describe('sniff(text): comment and title lines do not decide the delimiter', () => {
	it('a semicolon file whose comment lines start with a comma stays a semicolon file', () => {
		expect(sniff(COMMENTED)).toMatchObject({ delimiter: ';', headers: ['case_id', 'year', 'sex'], headerLine: 3 });
		expect(sniff(', A few comments\n, more\n, and more\n, and more\nyear;sex\n2024;F\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex'], headerLine: 5 });
	});

	it('comment lines with "#" holding commas, above and between the records', () => {
		expect(sniff('# Case register export, 2024\n# Organisation X, Bishkek\ncase_id;year;sex\nA1;2024;F\nA2;2023;M\n')).toMatchObject({ delimiter: ';', headers: ['case_id', 'year', 'sex'], headerLine: 3 });
		expect(sniff('# note, see below\nyear;sex\n2024;F\n# other, thing\n2023;M\n# x, y\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex'], headerLine: 2 });
		// A comma file with a comment holding a semicolon at its end stays a comma file.
		expect(sniff('year,sex,age\n2024,F,30\n2023,M,41\n# note; see below\n')).toMatchObject({ delimiter: ',', headers: ['year', 'sex', 'age'] });
	});

	it('title lines with as many commas as the records below them have semicolons', () => {
		expect(sniff('Report, 2024, Bishkek\nOrg: X, Y, Z\nPeriod: a, b, c\nyear;sex\n2024;F\n2023;M\n')).toMatchObject({ delimiter: ';', headers: ['year', 'sex'], headerLine: 4 });
	});
});

it('loadExports reads the commented semicolon file: its header, its two records, its comments rejected', async () => {
	const result = await loadExports(engine, [{ name: 'commented.csv', bytes: new TextEncoder().encode(COMMENTED) }]);
	const [file] = result.files;
	expect(file.headerLine).toBe(3);
	expect(result.rows.map((r) => [r.year, r.sex, r.n]).sort()).toEqual([[2023, 'male', 1], [2024, 'female', 1]]);
	// The comments between and below the records are rows of one field, rejected on their own lines.
	expect([file.rowsRead, file.rowsLoaded, file.rowsRejected]).toEqual([4, 2, 2]);
	expect(file.problems.flatMap((p) => p.lines)).toEqual([4, 7]);
});

it('loadExports reads the tab file with a JSON column: every row, its year and sex', async () => {
	const result = await loadExports(engine, [{ name: 'json.tsv', bytes: new TextEncoder().encode(TSV) }]);
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.people]).toEqual([3, 3, 0, 3]);
	expect(result.rows.map((r) => [r.year, r.sex, r.n]).sort()).toEqual([[2023, 'female', 1], [2024, 'female', 1], [2024, 'male', 1]]);
});
