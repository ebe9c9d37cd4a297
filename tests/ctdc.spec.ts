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
import { ALL, OTHER, SEVERAL, UNKNOWN, WITHHELD, type PersonRow } from '$lib/types';
import { countTables, release } from '$lib/release';
import { computeIndicators, loadCounts } from '$lib/indicators';
import { chartOptions } from '$lib/charts/labels';
import { exploitationTable } from '$lib/charts/exploitation';
import { cellText } from '$lib/charts/common';
import { ctdcWithFlags } from './fixtures/ctdc-flags';

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

describe('its type of exploitation, one more protected view', () => {
	it('is in the exact tables /upload reads, and its chart table names the types (small ones as "<k")', async () => {
		await loadCounts(engine, countTables(result.rows, ['organisation']));
		const { exploitation, beneficiaries, nationalityCount } = await computeIndicators(engine, {});
		expect([beneficiaries, nationalityCount]).toEqual([78, 4]);
		expect(exploitation).toEqual([
			{ category: 'sexual', n: 24 }, { category: 'labour', n: 21 }, { category: SEVERAL, n: 12 }, { category: UNKNOWN, n: 10 }, { category: 'begging', n: 6 }, { category: 'marriage', n: 5 }
		]);
		expect(exploitationTable(exploitation!, chartOptions({ lang: 'en', k: 10 })).rows.map((row) => row.map(cellText))).toEqual([
			['Sexual exploitation', '24'], ['Forced labour', '21'], ['Forced begging', '<10'], ['Forced marriage', '<10'], ['Several types', '12'], ['Unknown', '10']
		]);
		expect(exploitationTable(exploitation!, chartOptions({ lang: 'ru', k: 10 })).rows.map((r) => r[0])).toEqual([
			'Сексуальная эксплуатация', 'Принудительный труд', 'Принудительное попрошайничество', 'Принудительный брак', 'Несколько видов', 'Не указано'
		]);
	});

	it('is released at every level, folded, withheld and audited like the others: the whole period exact but for the two small types, in Other types', async () => {
		const { rows, audit, loss } = await release(result.rows, { k: 10, scope: ['organisation'], periods: [{ from: 2023, to: 2025 }] });
		const at = (view: string, year = ALL) => rows.filter((r) => r.view === view && r.year === year && r.organisation === ALL).map((r) => [r.category, r.n]);
		expect(at('total')).toEqual([['', 78]]);
		expect(at('exploitation')).toEqual([['labour', 21], ['sexual', 24], [OTHER, 11], [SEVERAL, 12], [UNKNOWN, 10]]);
		expect(audit.find((a) => a.view === 'exploitation')).toMatchObject({ violations: [] });
		expect(audit.every((a) => a.violations.length === 0)).toBe(true);
		expect(loss.views.find((v) => v.view === 'exploitation')).toMatchObject({ people: 78, folded: 11, withheld: 0 });
		for (const r of rows) expect(r.n).toBeGreaterThanOrEqual(10);
		// Each year: what is small there is withheld, and every row group still adds up to its total.
		// Each year: 2021 shows its 24 sexual exploitation (its 12 several types, 6 begging and 1 forced
		// labour withheld together); 2022 its 10 unknown, with its 20 forced labour and 5 marriages
		// withheld together (shown, the 20 would give 2021's 1 away). Until the suppression chose by what
		// it loses (withhold-cost.ts), 2022 showed no breakdown at all.
		expect([at('total', '2021'), at('exploitation', '2021')]).toEqual([[['', 43]], [['sexual', 24], [WITHHELD, 19]]]);
		expect([at('total', '2022'), at('exploitation', '2022')]).toEqual([[['', 35]], [[UNKNOWN, 10], [WITHHELD, 25]]]);
		await loadCounts(engine, rows);
		expect((await computeIndicators(engine, {})).exploitation).toEqual([
			{ category: SEVERAL, n: 12 }, { category: 'sexual', n: 24 }, { category: 'labour', n: 21 }, { category: OTHER, n: 11 }, { category: UNKNOWN, n: 10 }
		].sort((a, b) => b.n - a.n || (a.category < b.category ? -1 : 1)));
	});
});

describe('the same export with CTDC’s yes/no column for each type instead of typeOfExploitConcatenated', () => {
	it('reads the flags as one type per person: the same people by type, begging under Other types, "maybe" reported with its line', async () => {
		const flagged = await loadExports(engine, [{ name: 'ctdc-flags.csv', bytes: new TextEncoder().encode(ctdcWithFlags()) }]);
		const [file] = flagged.files;
		expect(file.columns.map((c) => c.field)).toEqual(['year', 'sex', 'age', 'majority', 'nationality', 'exploit_sexual', 'exploit_labour', 'exploit_sex_and_labour', 'exploit_marriage', 'exploit_other']);
		expect([flagged.rowsRead, flagged.rowsLoaded, flagged.rowsRejected, flagged.people]).toEqual([79, 78, 1, 78]);
		expect(by(flagged.rows, (p) => p.exploitation ?? UNKNOWN)).toEqual({ sexual: 24, labour: 21, [SEVERAL]: 12, [UNKNOWN]: 10, marriage: 5, [OTHER]: 6 });
		expect(file.problems.map((p) => [p.field, p.kind, p.rows, p.lines, p.rejected])).toEqual([
			['year', 'missing year', 1, [42], true],
			['exploit_other', 'not yes or no', 1, [7], false]
		]);
		// Everything else as read from the concatenated column.
		const rest = (r: IngestResult) => by(r.rows, (p) => `${p.year}|${p.sex}|${p.age}|${p.nationality}`);
		expect(rest(flagged)).toEqual(rest(result));
	});
});
