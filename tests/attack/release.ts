/**
 * An attack on one published release, written apart from the release and its audit: the truth is
 * counted here from the people, every published row becomes an equation over the finest cells
 * (year × organisation × category), and HiGHS finds each small cell's largest value consistent
 * with all of them. A cell of 1..k−1 people is exposed when its largest value is below k.
 *
 * The attacker is given what the release says and more: which countries make up "Other" (the
 * small ones not shown in that row group), which age bands a sex's children or adults hold. Unlike
 * successive.ts it solves with one model per view and changes only the objective between cells
 * (primal simplex from the last basis), so a register of 8,000 people is attacked in seconds.
 */
import type { PersonRow, ReleaseRow } from '$lib/types';

const ALL = '~all';
const OTHER = '~other';
const WITHHELD = '~withheld';
const CHILD = ['0-4', '5-11', '12-17'];
const ADULT = ['18-59', '60+'];
const NOT_FOLDED = ['stateless', '~unknown', '~several'];

const categoryOf: Record<string, (p: PersonRow) => string> = {
	nationality: (p) => p.nationality,
	disability: (p) => p.disability,
	sex_age: (p) => `${p.sex}|${p.age}`,
	group: (p) => p.group,
	region: (p) => p.region
};

export interface Exposure {
	view: string;
	cell: string;
	n: number;
	largest: number;
}

function yearsOf(key: string, years: number[]): number[] {
	const m = /^(\d{4})(?:-(\d{4}))?$/.exec(key);
	if (!m) return years;
	const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
	return years.filter((y) => y >= from && y <= to);
}

/** Every small cell of each view attacked; `rows`: the release (scope: organisation, or none). */
export async function attackRelease(rows: ReleaseRow[], people: PersonRow[], k: number, views = Object.keys(categoryOf)): Promise<{ exposures: Exposure[]; attacked: number }> {
	const highs = await (await import('highs')).default();
	const years = [...new Set(people.map((p) => p.year))].sort();
	const orgs = [...new Set(people.map((p) => p.organisation))].sort();
	const exposures: Exposure[] = [];
	let attacked = 0;
	for (const view of views) {
		const truth = new Map<string, number>();
		const cell = (y: number, o: string, c: string) => `${y}\u0000${o}\u0000${c}`;
		for (const p of people) truth.set(cell(p.year, p.organisation, categoryOf[view](p)), (truth.get(cell(p.year, p.organisation, categoryOf[view](p))) ?? 0) + p.n);
		const categories = [...new Set(people.map(categoryOf[view]))].sort();
		const index = new Map<string, number>();
		for (const y of years) for (const o of orgs) for (const c of categories) index.set(cell(y, o, c), index.size);

		const equations: { cells: number[]; n: number }[] = [];
		const groups = new Map<string, ReleaseRow[]>();
		for (const r of rows)
			if (r.view === view || r.view === 'total') {
				const key = `${r.year}\u0000${r.organisation}`;
				groups.set(key, [...(groups.get(key) ?? []), r]);
			}
		for (const [key, group] of groups) {
			const [year, org] = key.split('\u0000');
			const inYears = yearsOf(year, years);
			const inOrgs = org === ALL ? orgs : [org];
			const cellsOf = (of: string[]) => inYears.flatMap((y) => inOrgs.flatMap((o) => of.map((c) => index.get(cell(y, o, c))!)));
			const trueIn = (c: string) => inYears.reduce((s, y) => s + inOrgs.reduce((t, o) => t + (truth.get(cell(y, o, c)) ?? 0), 0), 0);
			const total = group.find((r) => r.view === 'total');
			if (!total) continue;
			equations.push({ cells: cellsOf(categories), n: total.n });
			const shown = new Set(group.map((r) => r.category));
			for (const r of group) {
				if (r.view === 'total' || r.category === WITHHELD) continue;
				let members = [r.category];
				if (r.category === OTHER) members = categories.filter((c) => !shown.has(c) && !NOT_FOLDED.includes(c) && trueIn(c) > 0 && trueIn(c) < k);
				else if (view === 'sex_age') {
					const [sex, age] = r.category.split('|');
					const bands = age === 'child' ? CHILD : age === 'adult' ? ADULT : [];
					members.push(...bands.map((b) => `${sex}|${b}`).filter((c) => !shown.has(c) && categories.includes(c)));
				}
				equations.push({ cells: cellsOf(members.filter((c) => categories.includes(c))), n: r.n });
			}
		}

		const numCols = index.size;
		const starts = [0];
		const indices: number[] = [];
		for (const e of equations) starts.push(indices.push(...e.cells));
		const rhs = equations.map((e) => e.n);
		const model = highs.createModel({
			numCols,
			numRows: equations.length,
			sense: highs.constants.objectiveSense.maximize,
			colCost: new Float64Array(numCols),
			colLower: new Float64Array(numCols),
			colUpper: new Float64Array(numCols).fill(highs.infinity),
			rowLower: rhs,
			rowUpper: rhs,
			matrix: { format: 'csr', numRows: equations.length, numCols, starts, indices, values: indices.map(() => 1) }
		});
		model.options.set({ output_flag: false, simplex_strategy: 4 });
		const inSomeRow = new Set(indices);
		try {
			let previous: number | undefined;
			for (const [key, n] of truth) {
				if (n < 1 || n >= k) continue;
				attacked++;
				const col = index.get(key)!;
				// In no published row: nothing bounds it.
				if (!inSomeRow.has(col)) continue;
				if (previous !== undefined) model.changeColCost(previous, 0);
				model.changeColCost(col, 1);
				previous = col;
				model.run();
				const status = model.getModelStatus();
				if (status === highs.constants.modelStatus.unbounded) continue;
				if (status !== highs.constants.modelStatus.optimal) throw new Error(`${view}: the published rows have no solution (status ${status})`);
				const largest = model.getSolution().colValue[col];
				if (largest < k - 1e-6) exposures.push({ view, cell: key.replaceAll('\u0000', ' · '), n, largest });
			}
		} finally {
			model.dispose();
		}
	}
	return { exposures, attacked };
}
