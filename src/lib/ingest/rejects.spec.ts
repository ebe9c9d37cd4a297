import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports } from './load-export';
import { rejectedRows } from './rejects';

let engines: Engine[];
beforeAll(async () => (engines = await Promise.all([createNodeEngine(), createNodeEngine()])), 30_000);
afterAll(() => Promise.all(engines.map((e) => e.close())));

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('rejectedRows(entries)', () => {
	it('gives one row per line, with each kind of error once, in line order', () => {
		const entries = [
			{ line: 4, error_type: 'TOO MANY COLUMNS' },
			{ line: 3, error_type: 'MISSING COLUMNS' },
			{ line: 3, error_type: 'MISSING COLUMNS' },
			{ line: 4, error_type: 'TOO MANY COLUMNS' },
			{ line: 3, error_type: 'INVALID UNICODE' }
		];
		expect(rejectedRows(entries)).toEqual([
			{ line: 3, errors: ['MISSING COLUMNS', 'INVALID UNICODE'] },
			{ line: 4, errors: ['TOO MANY COLUMNS'] }
		]);
	});
});

describe('loadExports(engine, [a ragged file]): rows, not rejects', () => {
	it('counts a row two fields short and a row two fields over once each, and lists each line once', async () => {
		const text = 'year,sex,nationality,age\n2024,F,KG,30\n2024,M\n2023,F,KG,30,x,y\n2024,F,Atlantis,40\n';
		const [file] = (await loadExports(engines[0], [{ name: 'ragged.csv', bytes: utf8(text) }])).files;
		expect([file.rowsRead, file.rowsLoaded, file.rowsRejected]).toEqual([4, 2, 2]);
		expect(file.problems.map((p) => [p.kind, p.rows, p.lines, p.rejected])).toEqual([
			// The line after the rejected rows is its own: each rejected row moves it on once.
			['unrecognised country', 1, [5], false],
			['fewer fields than the header has (4)', 1, [3], true],
			['more fields than the header has (4)', 1, [4], true]
		]);
	});

	it('the issue’s three rows: 3 read = 1 loaded + 2 rejected', async () => {
		const text = 'year,sex,nationality,age\n2024,F,KG,30\n2024,M\n2023,F,KG,30,x,y\n';
		const [file] = (await loadExports(engines[0], [{ name: 'ragged.csv', bytes: utf8(text) }])).files;
		expect([file.rowsRead, file.rowsLoaded, file.rowsRejected]).toEqual([3, 1, 2]);
		expect(file.problems.flatMap((p) => p.lines)).toEqual([3, 4]);
	});

	it('read = the records of the file, rejected = those of another width, however many fields each lacks or adds (on one engine and in parts)', async () => {
		const WIDTH = 5;
		// A record's change of width: up to WIDTH − 1 fields missing (it keeps its year), or up to 6 extra.
		const record = fc.record({ delta: fc.integer({ min: -(WIDTH - 1), max: 6 }), sex: fc.constantFrom('F', 'M', 'ж', '') });
		await fc.assert(
			fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 30 }), fc.constantFrom(',', ';'), fc.boolean(), async (records, delimiter, inParts) => {
				const full = (r: { sex: string }, i: number) => [`2024`, r.sex, 'KG', String(20 + (i % 50)), `P${i}`];
				const lines = records.map((r, i) => {
					const fields = full(r, i);
					return (r.delta < 0 ? fields.slice(0, WIDTH + r.delta) : [...fields, ...Array.from({ length: r.delta }, (_, k) => `x${k}`)]).join(delimiter);
				});
				const text = [['year', 'sex', 'nationality', 'age', 'case_id'].join(delimiter), ...lines].join('\n') + '\n';
				const file = { name: 'ragged.csv', bytes: utf8(text) };
				const result = inParts ? await loadExports(engines, [file], { partBytes: 0 }) : await loadExports(engines[0], [file]);
				const [report] = result.files;
				const ragged = records.filter((r) => r.delta !== 0).length;
				expect(report.error).toBeUndefined();
				expect([report.rowsRead, report.rowsLoaded, report.rowsRejected]).toEqual([records.length, records.length - ragged, ragged]);
				// Each rejected line listed once, and only lines that are rejected.
				const listed = report.problems.filter((p) => p.rejected).flatMap((p) => p.lines);
				expect(new Set(listed).size).toBe(listed.length);
				for (const line of listed) expect(records[line - 2].delta).not.toBe(0);
			}),
			{ seed: 24, numRuns: 40 }
		);
	}, 120_000);
});
