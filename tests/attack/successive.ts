/**
 * An attack on successive releases, written apart from the release and its audit: the truth is
 * counted here from the people, every published row of every file becomes an equation over the
 * finest cells (year × organisation × category), and HiGHS (CPLEX LP text, its plain `solve`)
 * finds each changed cell's largest and smallest values consistent with all of them. A changed
 * cell of 1..k−1 people is exposed when its largest value is below k.
 */
import type { PersonRow, ReleaseRow } from '$lib/types';

const ALL = '~all';
const OTHER = '~other';
const WITHHELD = '~withheld';
const CHILD = ['0-4', '5-11', '12-17'];
const ADULT = ['18-59', '60+'];

const categoryOf: Record<string, (p: PersonRow) => string> = {
	total: () => '',
	nationality: (p) => p.nationality,
	disability: (p) => p.disability,
	sex_age: (p) => `${p.sex}|${p.age}`,
	group: (p) => p.group,
	region: (p) => p.region
};

type Cells = Map<string, number>;
const cell = (year: number, org: string, category: string) => `${year}\u0000${org}\u0000${category}`;

function truth(people: PersonRow[], view: string): Cells {
	const out: Cells = new Map();
	for (const p of people) {
		const key = cell(p.year, p.organisation, categoryOf[view](p));
		out.set(key, (out.get(key) ?? 0) + p.n);
	}
	return out;
}

function yearsOf(key: string, span: { from: number; to: number }): number[] {
	const m = /^(\d{4})(?:-(\d{4}))?$/.exec(key);
	// A key reaching past the file's years ("2023-2025" published in 2024) holds the people of its file.
	const [from, to] = m ? [Math.max(Number(m[1]), span.from), Math.min(Number(m[2] ?? m[1]), span.to)] : [span.from, span.to];
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export interface Exposure {
	view: string;
	cell: string;
	n: number;
	largest: number;
}

/**
 * `files`: every release published so far (rows and whole span); `people`: the population the
 * last one describes, `changed`: the people that one added (the cells to attack).
 */
export async function attackSuccessive(files: { rows: ReleaseRow[]; span: { from: number; to: number } }[], people: PersonRow[], changed: PersonRow[], k: number, views = ['nationality', 'disability', 'sex_age', 'group', 'region']): Promise<{ exposures: Exposure[]; attacked: number }> {
	const highs = await (await import('highs')).default();
	const exposures: Exposure[] = [];
	let attacked = 0;
	for (const view of views) {
		const all = truth(people, view);
		const added = truth(changed, view);
		const orgs = [...new Set(people.map((p) => p.organisation))];
		const categories = [...new Set([...all.keys()].map((c) => c.split('\u0000')[2]))];
		const years = [...new Set(people.map((p) => p.year))];
		const vars = new Map<string, string>();
		for (const y of years) for (const o of orgs) for (const c of categories) vars.set(cell(y, o, c), `x${vars.size}`);
		const constraints: string[] = [];
		for (const { rows, span } of files) {
			const groups = new Map<string, ReleaseRow[]>();
			for (const r of rows) if (r.view === view || r.view === 'total') {
				const key = `${r.year}\u0000${r.organisation}`;
				groups.set(key, [...(groups.get(key) ?? []), r]);
			}
			for (const [key, group] of groups) {
				const [year, org] = key.split('\u0000');
				const inYears = yearsOf(year, span);
				const inOrgs = org === ALL ? orgs : [org];
				const sum = (members: string[], n: number) => {
					const terms = inYears.flatMap((y) => inOrgs.flatMap((o) => members.flatMap((c) => vars.get(cell(y, o, c)) ?? [])));
					if (terms.length) constraints.push(`${terms.join(' + ')} = ${n}`);
					else if (n !== 0) throw new Error(`a row of ${n} people with no cell: ${key}`);
				};
				const total = group.find((r) => r.view === 'total');
				if (!total) continue;
				sum(categories, total.n);
				if (view === 'total') continue;
				const shown = new Set(group.map((r) => r.category));
				const trueIn = (c: string) => inYears.reduce((s, y) => s + inOrgs.reduce((t, o) => t + (all.get(cell(y, o, c)) ?? 0), 0), 0);
				for (const r of group) {
					if (r.view === 'total' || r.category === WITHHELD) continue;
					let members = [r.category];
					// The attacker is given what was folded: the small countries not shown, the age bands not shown.
					if (r.category === OTHER) {
						members = categories.filter((c) => !shown.has(c) && !['stateless', '~unknown'].includes(c) && trueIn(c) > 0 && trueIn(c) < k);
						// A whole period grown from an earlier one keeps that one's "Other" (a country may have
						// grown past k inside it): not told which, the attacker has "Other" and "Withheld" together.
						if (members.reduce((s, c) => s + trueIn(c), 0) !== r.n) continue;
					}
					else if (view === 'sex_age') {
						const [sex, age] = r.category.split('|');
						const bands = age === 'child' ? CHILD : age === 'adult' ? ADULT : [];
						members.push(...bands.map((b) => `${sex}|${b}`).filter((c) => !shown.has(c)));
					}
					sum(members, r.n);
				}
			}
		}
		const bounds = [...vars.values()].map((v) => ` ${v} >= 0`).join('\n');
		const solve = (sense: 'Maximize' | 'Minimize', v: string) => {
			const lp = `${sense}\n obj: ${v}\nSubject To\n${constraints.map((c, i) => ` c${i}: ${c}`).join('\n')}\nBounds\n${bounds}\nEnd\n`;
			const result = highs.solve(lp);
			// A cell in no published row: nothing bounds it.
			if (result.Status === 'Unbounded') return Infinity;
			if (result.Status !== 'Optimal') throw new Error(`${view}: the published rows have no solution (${result.Status})`);
			return result.ObjectiveValue;
		};
		for (const [key, n] of added) {
			if (n < 1 || n >= k || !vars.has(key)) continue;
			attacked++;
			// The largest value of all the people of the cell, old and new: below k, the new ones are fewer than k and known to be there.
			const largest = solve('Maximize', vars.get(key)!);
			if (largest < k - 1e-6) exposures.push({ view, cell: key.replaceAll('\u0000', ' · '), n, largest });
		}
	}
	return { exposures, attacked };
}

/** The first step of the attack: rows of the same key in two files whose counts differ by 1..k−1 (the people who changed). */
export function differences(before: ReleaseRow[], after: ReleaseRow[], k: number): { row: string; change: number }[] {
	const key = (r: ReleaseRow) => [r.view, r.year, r.organisation, r.programme, r.group, r.category].join(' · ');
	const old = new Map(before.map((r) => [key(r), r.n]));
	return after.flatMap((r) => {
		const change = Math.abs(r.n - (old.get(key(r)) ?? r.n));
		return change >= 1 && change < k ? [{ row: key(r), change }] : [];
	});
}
