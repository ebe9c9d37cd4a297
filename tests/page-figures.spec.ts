/**
 * Every figure of every page model against the truth (#22): the tiles, every chart's table and the
 * grant report's table, for each published level (the whole period, each year, each organisation,
 * organisation × year, the grant period and its previous period, all and each organisation) and
 * 20 seeded random selections, on the sample and on two generated registers (one big country and
 * a long tail; one small organisation). The truth is counted naively (tests/figures/naive-people.ts);
 * each figure must be it, or carry a mark whose bound holds (tests/figures/truth.ts). The built
 * pages' DOM is held to the same checker in tests/e2e/page-figures.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadExports } from '$lib/ingest/load-export';
import { release } from '$lib/release';
import { computeIndicators, loadCounts, scopeOptions } from '$lib/indicators';
import type { StackBy } from '$lib/indicators/beneficiaries';
import { headlineTiles } from '$lib/components/tiles';
import { dashboardCharts } from '$lib/charts/dashboard';
import { chartOptions } from '$lib/charts/labels';
import { buildReport } from '$lib/report';
import { shown } from '$lib/report/report-table';
import en from '$lib/i18n/messages/en';
import type { Filters } from '$lib/types';
import { naivePeople, selected, type NaivePerson } from './figures/naive-people';
import { truthOf, wrongFigure, type ShownFigure } from './figures/truth';
import { random } from '../scripts/random.mjs';
import { generateRegister, SKEWED, SMALL_ORGANISATION } from './figures/registers';

const K = 10;
const ctx = { lang: 'en' as const, k: K };
const SEED = Number(process.env.FIGURES_SEED ?? Date.now() % 1_000_000);

interface State {
	filters: Filters;
	stackBy: StackBy;
}

/** Figures of a dashboard state: tiles and chart tables, as data-kpi / data-chart cells. */
async function dashboardFigures(engine: Engine, state: State): Promise<ShownFigure[]> {
	const ind = await computeIndicators(engine, state.filters, { stackBy: state.stackBy });
	const tiles = headlineTiles(ind, ctx, en).map((t) => ({ where: `tile:${t.kpi}`, key: '', value: t.value, bound: t.bound }));
	const charts = Object.entries(dashboardCharts(ind, { ...chartOptions(ctx), stackField: state.stackBy === 'none' ? undefined : state.stackBy }, en));
	const cells = charts.flatMap(([id, chart]) =>
		chart!.table.rows.flatMap((row) => row.filter((c) => typeof c !== 'string').map((c) => ({ where: `chart:${id}`, key: c.key, value: c.value, bound: c.bound })))
	);
	return [...tiles, ...cells];
}

const REGISTERS: [string, () => string][] = [
	['the sample', () => readFileSync('data/sample-export.csv', 'utf8')],
	['a register with one big country and a long tail', () => generateRegister(SKEWED)],
	['a register with one small organisation', () => generateRegister(SMALL_ORGANISATION)]
];

describe.each(REGISTERS)('every figure of the pages, %s', (name, csv) => {
	let counts: Engine;
	let people: NaivePerson[];
	let years: number[];
	let organisations: string[];

	beforeAll(async () => {
		const text = csv();
		people = naivePeople(text);
		const engine = await createNodeEngine();
		const rows = (await loadExports(engine, [{ name: 'register.csv', bytes: new TextEncoder().encode(text) }], { exportDate: '2026-01-15' })).rows;
		await engine.close();
		const published = await release(rows, { k: K, scope: ['organisation'], periods: [{ from: 2023, to: 2025 }] });
		counts = await createNodeEngine();
		await loadCounts(counts, published.rows, published.otherCountries);
		const options = await scopeOptions(counts);
		[years, organisations] = [options.years, options.organisation];
	}, 120_000);
	afterAll(() => counts?.close());

	function states(): State[] {
		const first = years[0];
		const last = years.at(-1)!;
		const all: State[] = [{ filters: {}, stackBy: 'none' }, { filters: {}, stackBy: 'organisation' }, { filters: {}, stackBy: 'group' }];
		const periods = [{ from: 2023, to: 2025 }, { from: 2020, to: 2022 }, ...years.map((y) => ({ from: y, to: y }))];
		for (const period of periods) all.push({ filters: period, stackBy: 'none' });
		for (const organisation of organisations) {
			all.push({ filters: { organisation }, stackBy: 'none' });
			for (const period of periods) all.push({ filters: { organisation, ...period }, stackBy: 'none' });
		}
		const next = random(SEED);
		for (let i = 0; i < 20; i++) {
			const a = first + Math.floor(next() * (last - first + 1));
			const b = first + Math.floor(next() * (last - first + 1));
			const organisation = next() < 0.5 ? organisations[Math.floor(next() * organisations.length)] : undefined;
			const stackBy = (['none', 'none', 'organisation', 'group'] as const)[Math.floor(next() * 4)];
			all.push({ filters: { from: Math.min(a, b), to: Math.max(a, b), ...(organisation ? { organisation } : {}) }, stackBy: organisation && stackBy === 'organisation' ? 'none' : stackBy });
		}
		return all;
	}

	it(`each tile and each cell of each chart's table is the truth or a bound that holds (seed ${SEED})`, async () => {
		console.log(`${name}: random selections from seed ${SEED} (FIGURES_SEED=${SEED} repeats them)`);
		const failures: string[] = [];
		const tally: Record<string, number> = {};
		for (const state of states()) {
			const from = state.filters.from ?? years[0];
			const to = state.filters.to ?? years.at(-1)!;
			const ps = selected(people, { from, to, organisation: state.filters.organisation });
			for (const f of await dashboardFigures(counts, state)) {
				tally[f.bound] = (tally[f.bound] ?? 0) + 1;
				const wrong = wrongFigure(f, truthOf(f, ps, state.stackBy), K);
				if (wrong) failures.push(`${JSON.stringify(state)}: ${wrong}`);
			}
		}
		console.log(`${name}: figures ${JSON.stringify(tally)}`);
		expect(failures).toEqual([]);
		expect(tally.exact).toBeGreaterThan(500);
	}, 120_000);

	it('each cell of the grant report 2023–2025 and its previous period, all and each organisation, is the truth or a bound that holds', async () => {
		const failures: string[] = [];
		let checked = 0;
		for (const organisation of [undefined, ...organisations]) {
			const report = await buildReport(counts, { from: 2023, to: 2025, ...(organisation ? { organisation } : {}) }, 'KG');
			const of = (from: number, to: number) => selected(people, { from, to, organisation });
			for (const row of report.rows) {
				const cells: ['value' | 'previous' | number, string, NaivePerson[]][] = [
					['value', '2023-2025', of(2023, 2025)],
					['previous', '2020-2022', of(2020, 2022)],
					...report.current.years.map((y, i) => [i, String(y.year), of(y.year, y.year)] as ['value' | 'previous' | number, string, NaivePerson[]])
				];
				for (const [which, key, ps] of cells) {
					const cell = shown(row, which, ctx);
					const f = { where: `report:${row.id}`, key: `${organisation ?? 'all'} ${key}`, value: cell.data, bound: cell.bound };
					checked++;
					const wrong = wrongFigure(f, truthOf(f, ps), K);
					if (wrong) failures.push(wrong);
				}
			}
		}
		expect(failures).toEqual([]);
		expect(checked).toBeGreaterThan(40);
	}, 60_000);
});

describe('the checker itself', () => {
	const people = naivePeople(readFileSync('data/sample-export.csv', 'utf8'));
	const stateless = selected(people, { from: 2023, to: 2023 }).filter((p) => p.nationality === 'stateless').length;

	it('fails a hidden count turned to 0 and shown as exact, and a bound above the truth', () => {
		const ps = selected(people, { from: 2023, to: 2023 });
		const f = (value: string, bound: ShownFigure['bound']): ShownFigure => ({ where: 'chart:nationalities', key: 'stateless', value, bound });
		expect(stateless).toBeGreaterThan(0);
		expect(stateless).toBeLessThan(K);
		expect(wrongFigure(f('', 'hidden'), truthOf(f('', 'hidden'), ps), K)).toBeNull();
		expect(wrongFigure(f('0', 'exact'), truthOf(f('0', 'exact'), ps), K)).toMatch(/shows exact 0, truth \d/);
		expect(wrongFigure(f(String(stateless + 1), 'lower'), truthOf(f('', 'lower'), ps), K)).toMatch(/truth/);
		expect(wrongFigure(f(String(stateless), 'lower'), truthOf(f('', 'lower'), ps), K)).toBeNull();
	});
});
