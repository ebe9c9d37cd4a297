/**
 * The disclosure audit (DESIGN.md, "Privacy and accuracy"): for every hidden small cell of a view's
 * finest table, the largest value consistent with everything published must be at least k — the
 * upper bound of sdcTable's `attack()`, computed as a linear programme with HiGHS.
 */
import type { Highs } from 'highs';

export type { Highs };
import type { ViewName } from '$lib/types';

/** One view's published rows as sums of its finest cells (year × finest scope cell × category). */
export interface AuditProblem {
	view: ViewName;
	/** Finest cells with their true counts (only cells with n ≥ 1 are listed; every other cell is a known 0). `label` names the cell for messages, e.g. "2020 · Org A · SY". */
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
 * Measured (Node 20, one core; synthetic view of 10 years × 6 organisations × 25 categories:
 * 1,500 cells, ~2,000 published rows, ~600 small hidden cells): see `audit.spec.ts`.
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

	const largest = new Map<number, number>();
	const small = cells.flatMap((cell, i) => (cell.n >= 1 && cell.n < k ? [i] : []));
	// A cell pinned by the published rows alone (a single-member row, or differences of rows down
	// to one) is known exactly: its largest value is its true count, no LP needed.
	for (const i of small) if (fixed[i]) largest.set(i, cells[i].n);

	// After presolve each row holds ≥ 2 unknown cells; cells linked by no chain of rows bound each
	// other in no way, so each target needs only the LP of its own component.
	for (const component of components(cells, published, fixed)) {
		const targets = component.cells.filter((i) => cells[i].n >= 1 && cells[i].n < k);
		if (targets.length === 0) continue;
		const optima = maximise(await solver(), view, component, targets);
		targets.forEach((i, t) => largest.set(i, optima[t]));
	}
	// In no row at all: nothing published bounds it.
	for (const i of small) if (!largest.has(i)) largest.set(i, Infinity);

	const violations: AuditViolation[] = [];
	let smallestLargest: number | null = null;
	for (const i of small) {
		const value = largest.get(i) ?? Infinity;
		smallestLargest = Math.min(smallestLargest ?? Infinity, value);
		if (value < k - TOLERANCE) violations.push({ view, cell: cells[i].label, n: cells[i].n, largest: value });
	}
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
	/** Unknown cells, as indices into the problem's cells. */
	cells: number[];
	/** Rows over those cells, the fixed cells subtracted. */
	rows: { members: number[]; n: number }[];
}

function components(cells: AuditProblem['cells'], published: AuditProblem['published'], fixed: boolean[]): Component[] {
	const parent = cells.map((_, i) => i);
	const root = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	const rows = published.flatMap(({ members, n }) => {
		const open = members.filter((i) => !fixed[i]);
		if (open.length === 0) return [];
		for (const i of open.slice(1)) parent[root(i)] = root(open[0]);
		return [{ members: open, n: n - members.reduce((sum, i) => sum + (fixed[i] ? cells[i].n : 0), 0) }];
	});
	const byRoot = new Map<number, Component>();
	const of = (i: number): Component => {
		const key = root(i);
		let component = byRoot.get(key);
		if (!component) byRoot.set(key, (component = { cells: [], rows: [] }));
		return component;
	};
	for (const row of rows) of(row.members[0]).rows.push(row);
	const inRow = new Array<boolean>(cells.length).fill(false);
	for (const row of rows) for (const i of row.members) inRow[i] = true;
	for (let i = 0; i < cells.length; i++) if (inRow[i]) of(i).cells.push(i);
	return [...byRoot.values()];
}

/**
 * The largest value of each target subject to the component's rows, x ≥ 0 (the LP relaxation:
 * an attacker who knows counts are whole numbers could do better only by rounding down).
 * One model per component; only the objective changes between targets, so HiGHS starts each
 * solve from the previous optimal basis.
 */
function maximise(highs: Highs, view: ViewName, component: Component, targets: number[]): number[] {
	const column = new Map(component.cells.map((cell, j) => [cell, j]));
	const starts = [0];
	const indices: number[] = [];
	for (const row of component.rows) {
		for (const cell of row.members) indices.push(column.get(cell) ?? -1);
		starts.push(indices.length);
	}
	const numCols = component.cells.length;
	const numRows = component.rows.length;
	const rhs = component.rows.map((row) => row.n);
	const model = highs.createModel({
		numCols,
		numRows,
		sense: highs.constants.objectiveSense.maximize,
		colCost: new Float64Array(numCols),
		colLower: new Float64Array(numCols),
		colUpper: new Float64Array(numCols).fill(highs.infinity),
		rowLower: rhs,
		rowUpper: rhs,
		matrix: { format: 'csr', numRows, numCols, starts, indices, values: indices.map(() => 1) }
	});
	try {
		model.options.set({ output_flag: false });
		const { optimal, unbounded, infeasible } = highs.constants.modelStatus;
		let previous: number | undefined;
		return targets.map((cell) => {
			const j = column.get(cell) ?? -1;
			if (previous !== undefined) model.changeColCost(previous, 0);
			model.changeColCost(j, 1);
			previous = j;
			model.run();
			const status = model.getModelStatus();
			if (status === unbounded) return Infinity;
			if (status === infeasible) throw new Error(`audit: ${view} is inconsistent: its published rows have no solution`);
			if (status !== optimal) throw new Error(`audit: ${view}: HiGHS stopped with model status ${status}`);
			const value = model.getObjectiveValue();
			return Math.abs(value - Math.round(value)) < TOLERANCE ? Math.round(value) : value;
		});
	} finally {
		model.dispose();
	}
}

/** Lines for the build log: one per view, then one per violation. */
export function formatAudit(results: AuditResult[], k: number): string {
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
