/**
 * A mutation fuzzer for the ingest: real exports (the sample's head, the test fixtures, the
 * csv-spectrum corpus, a Russian Windows-1251 one) are re-encoded, given other line endings, and
 * mutated — bytes flipped, the file cut short, quotes, delimiters, NULs, BOMs and line breaks
 * inserted, a stretch in another encoding spliced in, lines repeated or dropped, a field longer
 * than DuckDB's default line — then read by loadExports on the Node engine, the code /upload runs
 * (on one engine, or on two as the browser does, the file cut into parts).
 *
 * Every case must finish in under 10 s without an exception, and account for every row: read =
 * loaded + rejected, loaded ≤ read, each rejected row with a reason, every line named in the
 * report inside the file; and nothing printed of it may hold a value of its rows. `npm test` runs
 * FUZZ_RUNS (300) cases; `npm run fuzz` 10,000. A run prints its seed: FUZZ_SEED=<seed> replays it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports, type ExportFile, type IngestResult, type LoadOptions } from '$lib/ingest/load-export';
import { decode } from '$lib/ingest/decode';
import { fileErrorKey } from '$lib/i18n/file-errors';
import { sniff } from '$lib/ingest/sniff';
import { buildErrors, formatCheck } from '$lib/server/release-exports';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const CASE_LIMIT_MS = 10_000;

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1251 from the platform's own decoder (a character it lacks becomes "?"). */
const CP1251 = new Map([...new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i))].map((ch, i) => [ch, i]));
const cp1251 = (text: string) => Uint8Array.from(text, (ch) => CP1251.get(ch) ?? 63);
const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
	const s = (bom ? '\ufeff' : '') + text;
	const out = new Uint8Array(s.length * 2);
	const view = new DataView(out.buffer);
	for (let i = 0; i < s.length; i++) view.setUint16(2 * i, s.charCodeAt(i), littleEndian);
	return out;
};

const ENCODINGS: Record<string, (text: string) => Uint8Array> = {
	'utf-8': utf8,
	'utf-8 BOM': (t) => utf8('\ufeff' + t),
	'utf-16le BOM': (t) => utf16(t, true, true),
	'utf-16be BOM': (t) => utf16(t, false, true),
	'utf-16le': (t) => utf16(t, true, false),
	'windows-1251': cp1251
};

/** The real inputs the mutations start from, as text. */
function seeds(): { name: string; text: string }[] {
	const sample = readFileSync('data/sample-export.csv', 'utf8').split('\n').slice(0, 40).join('\n') + '\n';
	const fixtures = ['known.csv', 'data-case-level/export.csv', 'data-with-pii/export.csv', 'data-with-pii/damaged.csv'].map((f) => ({
		name: f,
		text: readFileSync(`tests/fixtures/${f}`, 'utf8')
	}));
	const spectrum = readdirSync('node_modules/csv-spectrum/csvs').map((f) => ({ name: `csv-spectrum/${f}`, text: decode(new Uint8Array(readFileSync(`node_modules/csv-spectrum/csvs/${f}`))).text }));
	const russian = {
		name: 'russian.csv',
		text: 'Отчёт по клиентам за 2024 год\r\n\r\nКод клиента;Дата регистрации;Пол;Возраст;Гражданство;Инвалидность\r\nA1;01.02.2022;жен;34;Кыргызстан;да\r\nA2;03.04.2023;муж;12;Узбекистан;нет\r\nA1;«15 марта 2024»;Ж;6 мес.;KG;Да (1 гр.)\r\n'
	};
	const excel = { name: 'excel.csv', text: 'sep=;\r\nid;date;sex;nationality;notes\r\nA1;01.02.2024;F;KG;\r\nA2;;M;KG;"a ""quoted""\r\nnote"\r\n;;;;\r\n' };
	const hxl = { name: 'hxl.csv', text: 'date,sex,age,count\n#date,#sex,#age,#affected\n2024-01-01,F,30,3\n2024-02-01,M,0--8,2\n' };
	return [{ name: 'sample-export.csv', text: sample }, ...fixtures, ...spectrum, russian, excel, hxl];
}

const INSERTS = ['"', '""', ',', ';', '\t', '|', '\0', '\0\0\0\0', '\ufeff', '\n', '\r\n', '\r', '\n\n', 'sep=;\n', '#date,#sex\n', 'Ж', '€', '\ud83d\ude00', '2099-01-01', '1850'];

type Mutation =
	| { kind: 'flip'; at: number; byte: number }
	| { kind: 'truncate'; at: number }
	| { kind: 'insert'; at: number; text: string; encoding: string }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'repeat'; at: number; length: number; times: number }
	| { kind: 'long field'; at: number; bytes: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	{ weight: 40, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }) },
	{ weight: 10, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
	{ weight: 60, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS), encoding: fc.constantFrom(...Object.keys(ENCODINGS)) }) },
	{ weight: 20, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
	{ weight: 20, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 3 }) }) },
	// Rare (each costs DuckDB a read with a raised line limit): a field longer than its default line.
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('long field' as const), at: fc.nat(), bytes: fc.constantFrom(2_100_000, 3_000_000) }) }
);

function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) out.set(p, at), (at += p.length);
	return out;
}

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
	const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
	switch (m.kind) {
		case 'flip': {
			if (bytes.length === 0) return bytes;
			const out = bytes.slice();
			out[at % bytes.length] = m.byte;
			return out;
		}
		case 'truncate':
			return bytes.subarray(0, at);
		case 'insert':
			// In the file's encoding or another one: an encoding mixed into the file.
			return concat(bytes.subarray(0, at), ENCODINGS[m.encoding](m.text), bytes.subarray(at));
		case 'delete':
			return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
		case 'repeat': {
			const piece = bytes.subarray(at, at + m.length);
			return concat(bytes.subarray(0, at), ...Array.from({ length: m.times + 1 }, () => piece), bytes.subarray(at + m.length));
		}
		case 'long field':
			return concat(bytes.subarray(0, at), new Uint8Array(m.bytes).fill(120 /* x */), bytes.subarray(at));
	}
}

const NEWLINES: Record<string, string> = { LF: '\n', CRLF: '\r\n', CR: '\r' };

const input = fc.record({
	seed: fc.nat(),
	encoding: fc.constantFrom(...Object.keys(ENCODINGS)),
	newline: fc.constantFrom('as is', ...Object.keys(NEWLINES)),
	mutations: fc.array(mutation, { minLength: 0, maxLength: 5 }),
	engines: fc.constantFrom(1, 2),
	// A staff member's answer to "which column is the year" (the first column), or none.
	chooseYear: fc.boolean(),
	exportDate: fc.constantFrom(undefined, '2024-06-30', '2026-01-15')
});

let engines: Engine[];
beforeAll(async () => {
	engines = await Promise.all([createNodeEngine(), createNodeEngine()]);
	// A first load compiles and builds what every later one reuses (the country index, DuckDB's
	// code paths): timed apart from the cases, whose limit is about a hang, not a cold start.
	await loadExports(engines, [{ name: 'warm-up.csv', bytes: new Uint8Array(readFileSync('data/sample-export.csv')) }], { partBytes: 0 });
}, 60_000);
afterAll(() => Promise.all(engines.map((e) => e.close())));

/** Physical lines in a file as the report counts them (LF, CRLF or a lone CR end a line). */
function linesIn(bytes: Uint8Array): number {
	const text = decode(bytes).text;
	return (text.match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
}

/** The values of a seed's data rows that are words (names, places, notes): what no message may print. */
function valuesOf(text: string): string[] {
	try {
		const { headers, preview } = sniff(text);
		return [...new Set(preview.flat().map((v) => v.trim()))].filter((v) => v.length >= 4 && /\p{L}/u.test(v) && !headers.includes(v));
	} catch {
		return [];
	}
}

/**
 * What the build and `npm run release` print of the file names kinds and places, never a value.
 * A refused column is named by its header, which a mutation can have run into a value: only the
 * rest of the message is looked at.
 */
function checkMessages(result: IngestResult, values: string[]) {
	const refused = result.files.flatMap((f) => f.columns.filter((c) => c.status === 'refused').map((c) => `"${c.header}"`));
	const printed = refused.reduce((text, header) => text.replaceAll(header, '""'), [...buildErrors(result.files), formatCheck(result.files)].join('\n'));
	for (const value of values) expect(printed, `a value of the file printed: ${value}`).not.toContain(value);
}

function checkAccounting(result: IngestResult, bytes: Uint8Array) {
	const [file] = result.files;
	expect(file.rowsRead, 'rows read = loaded + rejected').toBe(file.rowsLoaded + file.rowsRejected);
	expect(file.rowsLoaded).toBeGreaterThanOrEqual(0);
	expect(file.rowsRejected).toBeGreaterThanOrEqual(0);
	expect(file.rowsLoaded).toBeLessThanOrEqual(file.rowsRead);
	expect([result.rowsRead, result.rowsLoaded, result.rowsRejected]).toEqual([file.rowsRead, file.rowsLoaded, file.rowsRejected]);
	if (file.error || file.needsMapping) expect(file.rowsRead).toBe(0);
	if (file.error) expect(fileErrorKey(file.error), `a refusal said in Russian and Kyrgyz too: ${file.error}`).not.toBeNull();
	// Each rejected row has a reason in the report (a row can have two: a missing date and an invalid count).
	const reasons = file.problems.filter((p) => p.rejected).reduce((n, p) => n + p.rows, 0);
	expect(reasons, 'every rejected row has a reason').toBeGreaterThanOrEqual(file.rowsRejected);
	const lines = linesIn(bytes);
	for (const p of file.problems) {
		expect(p.rows).toBeGreaterThan(0);
		expect(p.lines.length, `${p.kind}: its lines`).toBeGreaterThan(0);
		for (const line of p.lines) expect(line, `${p.kind}: line ${line} of ${lines}`).toBeGreaterThanOrEqual(1);
		for (const line of p.lines) expect(line, `${p.kind}: line ${line} of ${lines}`).toBeLessThanOrEqual(lines);
	}
	expect(result.rows.reduce((n, r) => n + r.n, 0)).toBe(result.people);
	// Each row loaded is counted: one person per row without an id or a count column, at most one with an id.
	const fields = file.fieldColumns ?? {};
	if (!fields.count) expect(result.people, 'people counted from the rows loaded')[fields.id ? 'toBeLessThanOrEqual' : 'toBe'](file.rowsLoaded);
}

it(`survives ${RUNS} mutated exports, accounting for every row (FUZZ_SEED=${SEED})`, async () => {
	const corpus = seeds().map((seed) => ({ ...seed, values: valuesOf(seed.text) }));
	console.log(`fuzz: ${RUNS} cases, FUZZ_SEED=${SEED} (${corpus.length} seed exports)`);
	const started = Date.now();
	let slowest = { ms: 0, name: '' };
	const outcomes = { loaded: 0, 'some rejected': 0, 'file refused': 0, 'needs mapping': 0 };
	const refusals = new Map<string, number>();
	await fc.assert(
		fc.asyncProperty(input, async (c) => {
			const source = corpus[c.seed % corpus.length];
			const text = c.newline === 'as is' ? source.text : source.text.replace(/\r\n|\n|\r/g, NEWLINES[c.newline]);
			const bytes = c.mutations.reduce(mutate, ENCODINGS[c.encoding](text));
			const name = source.name.replace(/.*\//, '');
			const file: ExportFile = { name, bytes };
			const options: LoadOptions = { exportDate: c.exportDate, partBytes: 0, ...(c.chooseYear ? { choices: { [name]: { year: 0 } } } : {}) };
			const t0 = performance.now();
			const result = await loadExports(engines.slice(0, c.engines), [file], options);
			const ms = performance.now() - t0;
			if (ms > slowest.ms) slowest = { ms, name: `${source.name} (${bytes.length} bytes, ${c.mutations.map((m) => m.kind).join(', ') || 'unmutated'})` };
			expect(ms, `${source.name}: ${Math.round(ms)} ms`).toBeLessThan(CASE_LIMIT_MS);
			checkAccounting(result, bytes);
			checkMessages(result, source.values);
			const [report] = result.files;
			outcomes[report.error ? 'file refused' : report.needsMapping ? 'needs mapping' : report.rowsRejected ? 'some rejected' : 'loaded']++;
			const why = report.error?.replace(/^[^:]*: /, '').replace(/ \(.*/s, '').slice(0, 60);
			if (why) refusals.set(why, (refusals.get(why) ?? 0) + 1);
			// FUZZ_SHOW=<regex>: print the cases refused for a matching reason, to look into them;
			// FUZZ_DUMP=<folder>: and write their bytes there.
			if (process.env.FUZZ_SHOW && report.error && new RegExp(process.env.FUZZ_SHOW).test(report.error)) {
				console.log(report.error, JSON.stringify(c), JSON.stringify(decode(bytes.subarray(0, 400)).text));
				if (process.env.FUZZ_DUMP) writeFileSync(`${process.env.FUZZ_DUMP}/${c.seed}-${name}`, bytes);
			}
		}),
		{ seed: SEED, numRuns: RUNS }
	);
	const seconds = (Date.now() - started) / 1000;
	console.log(`fuzz: ${RUNS} cases in ${seconds.toFixed(1)} s, FUZZ_SEED=${SEED}; slowest ${Math.round(slowest.ms)} ms: ${slowest.name}; outcomes ${JSON.stringify(outcomes)}; refused as ${JSON.stringify(Object.fromEntries(refusals))}`);
	expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(RUNS);
}, Math.max(120_000, RUNS * 1_500));
