/**
 * The sample's grant report against the truth (#22, the report table): every cell of the table —
 * each year, the total, the previous period and the change — is the true figure counted naively
 * from data/ (tests/e2e/oracle.ts: PapaParse and a Map of ids), or carries a mark whose bound holds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/server/engine-node';
import { loadExports } from '$lib/ingest/load-export';
import { release } from '$lib/release';
import { loadCounts } from '$lib/indicators';
import { buildReport, type Report } from '$lib/report';
import { change, shown, type ReportRow } from '$lib/report/report-table';
import type { ReportIndicator } from '$lib/report/report-sql';
import { people, type OraclePerson } from './e2e/oracle';

const K = 10;
const ctx = { lang: 'en' as const, k: K };

/** The truth of one indicator over some years, from the oracle's people. */
function truth(id: ReportIndicator, all: OraclePerson[], years: number[]): number | null {
	const ps = all.filter((p) => years.includes(p.year));
	const count = (f: (p: OraclePerson) => boolean) => ps.filter(f).length;
	switch (id) {
		case 'beneficiaries': return ps.length;
		case 'women-girls': return count((p) => p.sex === 'F');
		case 'children': return count((p) => p.age < 18);
		case 'disability-unknown': return count((p) => p.disability === '');
		case 'disability-share': {
			const known = count((p) => p.disability !== '');
			return known ? count((p) => p.disability === 'yes') / known : null;
		}
		case 'nationalities': return new Set(ps.map((p) => p.nationality).filter((n) => n !== '' && n !== 'stateless')).size;
		case 'foreign': return count((p) => !['', 'stateless', 'KG'].includes(p.nationality));
		case 'stateless': return count((p) => p.nationality === 'stateless');
	}
}

/** Why a shown cell is not the truth nor a bound that holds (null: it is). */
export function wrongCell(row: ReportRow, which: 'value' | 'previous' | number, real: number | null): string | null {
	const cell = shown(row, which, ctx);
	if (cell.bound === 'none') return null;
	if (real === null) return `shows ${cell.text} where there is nothing to show`;
	if (row.kind === 'share') {
		if (cell.bound === 'hidden') return null; // too few people with a known status to show a share
		return cell.data === real.toFixed(4) ? null : `shows ${cell.text} (${cell.data}), truth ${real.toFixed(4)}`;
	}
	if (cell.bound === 'hidden') return real >= 1 && real < K ? null : `shows ${cell.text}, truth ${real}`;
	if (cell.bound === 'lower') return Number(cell.data) <= real ? null : `shows ${cell.text}, truth ${real}`;
	return Number(cell.data) === real ? null : `shows ${cell.text} as exact, truth ${real}`;
}

let report: Report;
let oracle: OraclePerson[];

beforeAll(async () => {
	const engine = await createNodeEngine();
	const rows = (await loadExports(engine, [{ name: 'sample-export.csv', bytes: new Uint8Array(readFileSync('data/sample-export.csv')) }], { exportDate: '2026-01-15' })).rows;
	const published = await release(rows, { k: K, scope: ['organisation'], periods: [{ from: 2023, to: 2025 }] });
	await engine.close();
	const counts = await createNodeEngine();
	await loadCounts(counts, published.rows, published.otherCountries);
	report = await buildReport(counts, { from: 2023, to: 2025 }, 'KG');
	await counts.close();
	oracle = people();
}, 120_000);

describe("the sample's grant report 2023–2025, every cell against the truth", () => {
	it('each year, the total, the previous period (2020–2022) and the change is true or marked with a bound that holds', () => {
		const years = report.current.years.map((y) => y.year);
		const failures: string[] = [];
		const marked: string[] = [];
		for (const row of report.rows) {
			const cells: [string, 'value' | 'previous' | number, number[]][] = [
				...years.map((y, i) => [String(y), i, [y]] as [string, number, number[]]),
				['total', 'value', [2023, 2024, 2025]],
				['previous', 'previous', [2020, 2021, 2022]]
			];
			for (const [label, which, span] of cells) {
				const wrong = wrongCell(row, which, truth(row.id, oracle, span));
				if (wrong) failures.push(`${row.id} ${label}: ${wrong}`);
				const bound = shown(row, which, ctx).bound;
				if (bound !== 'exact') marked.push(`${row.id} ${label} ${bound}`);
			}
			const c = change(row, ctx);
			if (c !== null) {
				const now = truth(row.id, oracle, [2023, 2024, 2025])!;
				const before = truth(row.id, oracle, [2020, 2021, 2022])!;
				const real = row.kind === 'share' ? now - before : (now - before) / before;
				if (Math.abs(c - real) > 1e-9) failures.push(`${row.id} change: ${c}, truth ${real}`);
			}
		}
		console.log(`report 2023–2025: ${marked.length} cells marked (${marked.join('; ')})`);
		expect(failures).toEqual([]);
		// The cells the grant report got wrong before (2026-12-05): never a hidden count as 0.
		const stateless = report.rows.find((r) => r.id === 'stateless')!;
		expect(shown(stateless, 0, ctx).text).not.toBe('0');
		const foreign = report.rows.find((r) => r.id === 'foreign')!;
		// Foreign nationals of 2024: the people of the year minus Kyrgyzstan, stateless and unknown, all published.
		expect(shown(foreign, 1, ctx)).toMatchObject({ text: '122', bound: 'exact' });
	});

	it('the checker itself fails a hidden count turned to 0 and shown as exact', () => {
		const stateless = report.rows.find((r) => r.id === 'stateless')!;
		const forged: ReportRow = { ...stateless, perYear: stateless.perYear.map(() => 0), bounds: { ...stateless.bounds, perYear: stateless.bounds.perYear.map(() => 'exact') } };
		const year = report.current.years.findIndex((y) => truth('stateless', oracle, [y.year])! > 0);
		expect(wrongCell(forged, year, truth('stateless', oracle, [report.current.years[year].year]))).toMatch(/shows 0 as exact, truth \d+/);
	});
});
