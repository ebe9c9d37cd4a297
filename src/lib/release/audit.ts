/**
 * The disclosure audit (DESIGN.md, "Privacy and accuracy"): for every hidden small cell of a view's
 * finest table, the largest value consistent with everything published must be at least k — the
 * upper bound of sdcTable's `attack()`, computed as a linear programme with HiGHS.
 */
import type { Highs, Model } from 'highs';

export type { Highs };
import type { ViewName } from '$lib/types';

/** One view's published rows as sums of its finest cells (year × finest scope cell × category). */
export interface AuditProblem {
	view: ViewName;
	/** Finest cells with their true counts (a cell left out is a known 0; a listed 0 is an unknown). `label` names the cell for messages, e.g. "2020 · Org A · SY". */
	cells: { label: string; n: number }[];
	/** Every published row as the sum of finest cells: indices into `cells`, and the published count. */
	published: { members: number[]; n: number }[];
}

export interface AuditViolation {
	view: ViewName;
	cell: string;
	n: number;
	largest: number;
}

export interface AuditResult {
	view: ViewName;
	/** Hidden finest cells with a true count of 1..k−1 whose largest consistent value was computed. */
	checked: number;
	/** The smallest of those largest values (null when nothing was checked): ≥ k means the view passes. */
	smallestLargest: number | null;
	violations: AuditViolation[];
	ms: number;
}

/** What a release file keeps of the audit (not how long it took: the same exports, the same bytes). */
export type AuditSummary = Omit<AuditResult, 'ms'>;

/** An LP optimum this close to k (or to a whole number) is that number: simplex round-off. */
const TOLERANCE = 1e-6;

let nodeHighs: Promise<Highs> | undefined;

/** One runtime per process: each load compiles the 3.5 MB wasm again. */
function nodeSolver(): Promise<Highs> {
	nodeHighs ??= import('highs').then((module) => module.default());
	return nodeHighs;
}

/**
 * Audits each view against k. The solver is loaded only when some view needs an LP.
 *
 * Measured (Node 20, one core): the synthetic view of `audit.spec.ts`, 10 years × 6 organisations ×
 * 25 categories at six levels (1,207 cells, 391 rows, 991 small hidden cells, one component), takes
 * ≈ 1.0–1.2 s: ≈ 480 LPs at ≈ 2 ms each, the rest settled by lower bounds. One LP per small cell
 * with HiGHS's default dual simplex took 25 s; with primal simplex warm starts, 1.7 s.
 */
export async function audit(
	problems: AuditProblem[],
	k: number,
	solver: () => Promise<Highs> = nodeSolver
): Promise<AuditResult[]> {
	let highs: Promise<Highs> | undefined;
	const results: AuditResult[] = [];
	for (const problem of problems) results.push(await auditView(problem, k, () => (highs ??= solver())));
	return results;
}

async function auditView(problem: AuditProblem, k: number, solver: () => Promise<Highs>): Promise<AuditResult> {
	const start = performance.now();
	const { view, cells, published } = problem;
	checkConsistent(problem);
	const fixed = presolve(cells.length, published);
	const isSmall = (i: number) => cells[i].n >= 1 && cells[i].n < k;

	// Largest value per small cell: exact, or a lower bound at least the view's smallest value (the
	// cell then changes neither the smallest value nor the verdict, so its LP is skipped).
	const largest = new Map<number, number>();
	let smallest = Infinity;
	const found = (group: number[], value: number) => {
		for (const i of group) if (isSmall(i)) largest.set(i, value);
		smallest = Math.min(smallest, value);
	};
	// A cell pinned by the published rows alone (a single-member row, or differences of rows down
	// to one) is known exactly: its largest value is its true count.
	for (let i = 0; i < cells.length; i++) if (fixed[i] && isSmall(i)) found([i], cells[i].n);

	// Cells linked by no chain of rows bound each other in no way: one LP per component.
	for (const component of components(cells, published, fixed)) {
		const targets = component.groups.flatMap((group, g) => (group.some(isSmall) ? [g] : []));
		if (targets.length === 0) continue;
		await maximise(solver, view, component, targets, {
			threshold: () => Math.max(k, smallest),
			found: (g, value) => found(component.groups[g], value)
		});
	}

	const violations: AuditViolation[] = [];
	const small = cells.flatMap((_, i) => (isSmall(i) ? [i] : []));
	for (const i of small) {
		// In no row at all: nothing published bounds it.
		const value = largest.get(i) ?? Infinity;
		if (value < k - TOLERANCE) violations.push({ view, cell: cells[i].label, n: cells[i].n, largest: value });
	}
	const smallestLargest = small.length ? Math.min(...small.map((i) => largest.get(i) ?? Infinity)) : null;
	return { view, checked: small.length, smallestLargest, violations, ms: performance.now() - start };
}

/**
 * The published rows must be the true sums of their cells (DESIGN.md: the published figures are
 * the true figures). This also makes every LP below feasible: the true counts satisfy it.
 */
function checkConsistent({ view, cells, published }: AuditProblem): void {
	published.forEach(({ members, n }, r) => {
		if (new Set(members).size !== members.length) throw new Error(`audit: ${view} row ${r} lists a cell twice`);
		let sum = 0;
		for (const i of members) {
			if (!(i in cells)) throw new Error(`audit: ${view} row ${r} refers to cell ${i}, which does not exist`);
			sum += cells[i].n;
		}
		if (sum !== n)
			throw new Error(`audit: ${view} is inconsistent: published row ${r} is ${n} but its cells hold ${sum}`);
	});
}

/** Cells the published rows determine by subtraction alone: a row with one unknown cell left fixes it. */
function presolve(cellCount: number, published: AuditProblem['published']): boolean[] {
	const fixed = new Array<boolean>(cellCount).fill(false);
	const rowsOf: number[][] = Array.from({ length: cellCount }, () => []);
	published.forEach(({ members }, r) => members.forEach((i) => rowsOf[i].push(r)));
	const open = published.map(({ members }) => members.length);
	const queue = open.flatMap((count, r) => (count === 1 ? [r] : []));
	for (let r = queue.pop(); r !== undefined; r = queue.pop()) {
		const cell = published[r].members.find((i) => !fixed[i]);
		if (cell === undefined) continue;
		fixed[cell] = true;
		for (const q of rowsOf[cell]) if (--open[q] === 1) queue.push(q);
	}
	return fixed;
}

interface Component {
	/**
	 * Unknown cells grouped by the rows they lie in. Cells of one group appear in every row
	 * together, so the LP cannot tell them apart: one column per group, and any cell of a group
	 * can take the whole group's total (the others 0).
	 */
	groups: number[][];
	/** Each group's true total: the true counts are a feasible point, so a lower bound of its largest value. */
	totals: number[];
	/** Rows over groups (indices into `groups`), with the fixed cells subtracted from the count. */
	rows: { members: number[]; n: number }[];
}

function components(cells: AuditProblem['cells'], published: AuditProblem['published'], fixed: boolean[]): Component[] {
	const rows = published.flatMap(({ members, n }) => {
		const open = members.filter((i) => !fixed[i]);
		const known = members.reduce((sum, i) => sum + (fixed[i] ? cells[i].n : 0), 0);
		return open.length ? [{ members: open, n: n - known }] : [];
	});
	const parent = cells.map((_, i) => i);
	const root = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	const rowsOf: number[][] = cells.map(() => []);
	rows.forEach(({ members }, r) => {
		for (const i of members) {
			rowsOf[i].push(r);
			parent[root(i)] = root(members[0]);
		}
	});
	const bySignature = new Map<string, number[]>();
	rowsOf.forEach((list, i) => {
		if (list.length === 0) return;
		const key = list.join();
		bySignature.set(key, [...(bySignature.get(key) ?? []), i]);
	});

	const byRoot = new Map<number, Component>();
	const of = (i: number): Component => {
		const key = root(i);
		let component = byRoot.get(key);
		if (!component) byRoot.set(key, (component = { groups: [], totals: [], rows: [] }));
		return component;
	};
	const groupOf = new Array<number>(cells.length);
	for (const group of bySignature.values()) {
		const component = of(group[0]);
		for (const i of group) groupOf[i] = component.groups.length;
		component.groups.push(group);
		component.totals.push(group.reduce((sum, i) => sum + cells[i].n, 0));
	}
	for (const { members, n } of rows) of(members[0]).rows.push({ members: [...new Set(members.map((i) => groupOf[i]))], n });
	return [...byRoot.values()];
}

/**
 * The largest value of each target group subject to the component's rows, x ≥ 0 (the LP
 * relaxation, as sdcTable's attack()), or a lower bound of it when that already reaches
 * `threshold()` (max(k, the view's smallest value so far): such a group changes neither).
 * Lower bounds come from feasible points: the true counts, then every LP optimum met. Groups go
 * in order of their smallest row, so the view's smallest value is found early and more LPs are
 * skipped (measured: about half). One model per component, built at its first LP; only the
 * objective changes between targets, so primal simplex starts each solve from the previous
 * optimal basis (dual simplex, HiGHS's default, starts over: 70× the iterations).
 */
async function maximise(
	solver: () => Promise<Highs>,
	view: ViewName,
	{ groups, totals, rows }: Component,
	targets: number[],
	{ threshold, found }: { threshold: () => number; found: (group: number, value: number) => void }
): Promise<void> {
	const lowerBound = [...totals];
	const upperBound = groups.map(() => Infinity);
	for (const { members, n } of rows) for (const g of members) upperBound[g] = Math.min(upperBound[g], n);
	const order = [...targets].sort((a, b) => upperBound[a] - upperBound[b]);

	let highs: Highs | undefined;
	let model: Model | undefined;
	try {
		let previous: number | undefined;
		for (const g of order) {
			if (lowerBound[g] < threshold() - TOLERANCE) {
				highs ??= await solver();
				model ??= createModel(highs, groups.length, rows);
				if (previous !== undefined) model.changeColCost(previous, 0);
				model.changeColCost(g, 1);
				previous = g;
				const x = solve(highs, view, model);
				for (let j = 0; j < groups.length; j++) lowerBound[j] = Math.max(lowerBound[j], x[j]);
				lowerBound[g] = x[g];
			}
			found(g, lowerBound[g]);
		}
	} finally {
		model?.dispose();
	}
}

/** The optimal point, whole numbers within round-off snapped to them. */
function solve(highs: Highs, view: ViewName, model: Model): Float64Array {
	model.run();
	const status = model.getModelStatus();
	const { optimal, infeasible } = highs.constants.modelStatus;
	if (status === infeasible) throw new Error(`audit: ${view} is inconsistent: its published rows have no solution`);
	if (status !== optimal) throw new Error(`audit: ${view}: HiGHS stopped with model status ${status}`);
	return model.getSolution().colValue.map((x) => (Math.abs(x - Math.round(x)) < TOLERANCE ? Math.round(x) : x));
}

/** x ≥ 0 with every row at its published count; the objective is set per target. */
function createModel(highs: Highs, numCols: number, rows: Component['rows']): Model {
	const starts = [0];
	const indices: number[] = [];
	for (const { members } of rows) starts.push(indices.push(...members));
	const rhs = rows.map(({ n }) => n);
	const model = highs.createModel({
		numCols,
		numRows: rows.length,
		sense: highs.constants.objectiveSense.maximize,
		colCost: new Float64Array(numCols),
		colLower: new Float64Array(numCols),
		colUpper: new Float64Array(numCols).fill(highs.infinity),
		rowLower: rhs,
		rowUpper: rhs,
		matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values: indices.map(() => 1) }
	});
	model.options.set({ output_flag: false, simplex_strategy: 4 }); // 4: primal simplex, see maximise
	return model;
}

/**
 * The published rows that hold a cell's largest value down (their dual values are not 0): what
 * the release must stop publishing, one of them, for the cell to be protected. One plain LP over
 * the whole view: asked only for a violation.
 */
export async function bindingRows(problem: AuditProblem, cell: number, solver: () => Promise<Highs> = nodeSolver): Promise<number[]> {
	const highs = await solver();
	const model = createModel(highs, problem.cells.length, problem.published);
	try {
		model.changeColCost(cell, 1);
		model.run();
		const duals = model.getSolution().rowDual;
		return problem.published.flatMap((_, r) => (Math.abs(duals[r]) > TOLERANCE ? [r] : []));
	} finally {
		model.dispose();
	}
}

/** Lines for the build log: one per view, then one per violation. */
export function formatAudit(results: AuditSummary[], k: number): string {
	const number = (value: number): string =>
		value === Infinity ? '∞' : Number.isInteger(value) ? String(value) : value.toFixed(2);
	return results
		.flatMap(({ view, checked, smallestLargest, violations }) => {
			const bound =
				smallestLargest === null
					? ''
					: `, smallest largest value ${number(smallestLargest)} ${violations.length ? '<' : '≥'} ${k}`;
			const verdict = violations.length
				? `${violations.length} violation${violations.length === 1 ? '' : 's'}`
				: 'no violation';
			return [
				`audit: ${view} ${checked} small hidden cells checked${bound}: ${verdict}`,
				...violations.map(
					(v) => `audit: ${v.view} · ${v.cell}: true n ${v.n} can be worked out to at most ${number(v.largest)} < ${k}`
				)
			];
		})
		.join('\n');
}
