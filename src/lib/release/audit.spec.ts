import { describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { audit, formatAudit, type AuditProblem } from './audit';
import { random } from '../../../scripts/random.mjs';

const cells = (...counts: [string, number][]) => counts.map(([label, n]) => ({ label, n }));
const notNeeded = () => Promise.reject<Highs>(new Error('no LP should be needed'));

describe('audit(problems, k) by example', () => {
	it('audit(problems, k) computes the largest value of a small cell behind all four margins of a 2×2 table', async () => {
		// a b | 23     a = 3 is small, so all four cells are hidden; the margins alone allow a up to
		// c d | 45     min(23, 18) = 18 (b = 5, c = 0, d = 45 keeps every margin).
		// 18 50 | 68
		const problem: AuditProblem = {
			view: 'nationality',
			cells: cells(['a', 3], ['b', 20], ['c', 15], ['d', 30]),
			published: [
				{ members: [0, 1], n: 23 },
				{ members: [2, 3], n: 45 },
				{ members: [0, 2], n: 18 },
				{ members: [1, 3], n: 50 },
				{ members: [0, 1, 2, 3], n: 68 }
			]
		};
		const [result] = await audit([problem], 10);
		expect(result).toMatchObject({ view: 'nationality', checked: 1, smallestLargest: 18, violations: [] });
	});

	it('audit(problems, k) reports a small cell published alone as a violation at its true count', async () => {
		const problem: AuditProblem = {
			view: 'disability',
			cells: cells(['2020 · A · yes', 4], ['2020 · A · no', 30]),
			published: [
				{ members: [0], n: 4 },
				{ members: [0, 1], n: 34 }
			]
		};
		const [result] = await audit([problem], 10, notNeeded);
		expect(result).toMatchObject({
			checked: 1,
			smallestLargest: 4,
			violations: [{ view: 'disability', cell: '2020 · A · yes', n: 4, largest: 4 }]
		});
	});

	it('audit(problems, k) reports a small cell revealed by subtraction (total − the other cell) at its true count', async () => {
		const problem: AuditProblem = {
			view: 'disability',
			cells: cells(['yes', 4], ['no', 30]),
			published: [
				{ members: [1], n: 30 },
				{ members: [0, 1], n: 34 }
			]
		};
		const [result] = await audit([problem], 10, notNeeded);
		expect(result.violations).toEqual([{ view: 'disability', cell: 'yes', n: 4, largest: 4 }]);
	});

	it('audit(problems, k) names both small cells of a withheld sum below k', async () => {
		const problem: AuditProblem = {
			view: 'nationality',
			cells: cells(['2020 · SY', 3], ['2020 · AF', 4], ['2020 · KG', 40]),
			published: [
				{ members: [2], n: 40 },
				{ members: [0, 1], n: 7 }
			]
		};
		const [result] = await audit([problem], 10);
		expect(result).toMatchObject({
			checked: 2,
			smallestLargest: 7,
			violations: [
				{ view: 'nationality', cell: '2020 · SY', n: 3, largest: 7 },
				{ view: 'nationality', cell: '2020 · AF', n: 4, largest: 7 }
			]
		});
	});

	// Two years × categories A, B, C. Each year publishes C and withholds A + B; the whole period
	// publishes C and withholds A + B too (years 1 and 2 both hide A and B).
	//        A   B   C
	// 2020   3   8  40    withheld 11
	// 2021   5  20  25    withheld 25
	const twoYears = (): AuditProblem => ({
		view: 'nationality',
		cells: cells(['2020 · A', 3], ['2020 · B', 8], ['2020 · C', 40], ['2021 · A', 5], ['2021 · B', 20], ['2021 · C', 25]),
		published: [
			{ members: [2], n: 40 },
			{ members: [0, 1], n: 11 },
			{ members: [0, 1, 2], n: 51 },
			{ members: [5], n: 25 },
			{ members: [3, 4], n: 25 },
			{ members: [3, 4, 5], n: 50 },
			{ members: [2, 5], n: 65 },
			{ members: [0, 1, 3, 4], n: 36 },
			{ members: [0, 1, 2, 3, 4, 5], n: 101 }
		]
	});

	it('audit(problems, k) passes withheld sums of two cells each ≥ k, with the exact smallest largest value', async () => {
		// 2020 · A and 2020 · B can each be all of their withheld 11; 2021 · A all of its 25.
		const [result] = await audit([twoYears()], 10);
		expect(result).toMatchObject({ checked: 3, smallestLargest: 11, violations: [] });
	});

	it('audit(problems, k) finds cells bounded only by a combination of rows', async () => {
		// Publishing B over the whole period (28) gives A over the whole period: 36 − 28 = 8, so
		// neither year's A can exceed 8; 2020 · B can still reach 11 (A = 0 in 2020, 8 in 2021).
		const problem = twoYears();
		problem.published.push({ members: [1, 4], n: 28 });
		const [result] = await audit([problem], 10);
		expect(result).toMatchObject({
			checked: 3,
			smallestLargest: 8,
			violations: [
				{ cell: '2020 · A', n: 3, largest: 8 },
				{ cell: '2021 · A', n: 5, largest: 8 }
			]
		});
	});

	it('audit(problems, k) gives a small cell in no published row an unbounded largest value, without loading HiGHS', async () => {
		const problem: AuditProblem = {
			view: 'region',
			cells: cells(['2020 · Chuy', 40], ['2020 · Osh', 2]),
			published: [{ members: [0], n: 40 }]
		};
		const [result] = await audit([problem], 10, notNeeded);
		expect(result).toMatchObject({ checked: 1, smallestLargest: Infinity, violations: [] });
	});

	it('audit(problems, k) throws, naming the view, when a published row is not the sum of its cells', async () => {
		const problem: AuditProblem = {
			view: 'sex_age',
			cells: cells(['a', 3], ['b', 20]),
			published: [{ members: [0, 1], n: 24 }]
		};
		await expect(audit([problem], 10)).rejects.toThrow('audit: sex_age is inconsistent: published row 0 is 24 but its cells hold 23');
	});

	it('audit(problems, k) checks nothing in a view without small cells', async () => {
		const problem: AuditProblem = { view: 'total', cells: cells(['2020', 40]), published: [{ members: [0], n: 40 }] };
		const [result] = await audit([problem], 10, notNeeded);
		expect(result).toMatchObject({ checked: 0, smallestLargest: null, violations: [] });
	});
});

describe('formatAudit(results, k)', () => {
	it('formatAudit(results, k) writes one line per view and one per violation', () => {
		const text = formatAudit(
			[
				{ view: 'total', checked: 0, smallestLargest: null, violations: [] },
				{ view: 'nationality', checked: 123, smallestLargest: 14, violations: [] },
				{
					view: 'region',
					checked: 2,
					smallestLargest: 7.5,
					violations: [{ view: 'region', cell: '2020 · A · Osh', n: 3, largest: 7.5 }]
				}
			],
			10
		);
		expect(text).toBe(
			[
				'audit: total 0 small hidden cells checked: no violation',
				'audit: nationality 123 small hidden cells checked, smallest largest value 14 ≥ 10: no violation',
				'audit: region 2 small hidden cells checked, smallest largest value 7.50 < 10: 1 violation',
				'audit: region · 2020 · A · Osh: true n 3 can be worked out to at most 7.50 < 10'
			].join('\n')
		);
	});
});

/**
 * A view shaped like a release: years × organisations × categories, published at six levels
 * (year × organisation, year, grant period × organisation, grant period, whole period ×
 * organisation, whole period), each with the crude rule of DESIGN.md: a category small anywhere in
 * a level is withheld in every row group of that level, the withheld categories in one sum per group.
 */
function syntheticView(years: number, organisations: number, categories: number, k: number): AuditProblem {
	const next = random(years * 1000 + organisations * 100 + categories);
	const cellsList: AuditProblem['cells'] = [];
	const at: { y: number; o: number; c: number; i: number }[] = [];
	for (let y = 0; y < years; y++)
		for (let o = 0; o < organisations; o++)
			for (let c = 0; c < categories; c++) {
				const n = Math.floor(((60 * (o + 1)) / organisations / (c + 1) ** 0.9) * 2 * next());
				if (n >= 1) at.push({ y, o, c, i: cellsList.push({ label: `${2015 + y} · org ${o} · cat ${c}`, n }) - 1 });
			}
	const published: AuditProblem['published'] = [];
	const grant = (y: number) => (y < years / 2 ? 'first' : 'second');
	const levels: ((cell: { y: number; o: number }) => string)[] = [
		({ y, o }) => `${y}|${o}`,
		({ y }) => `${y}`,
		({ y, o }) => `${grant(y)}|${o}`,
		({ y }) => grant(y),
		({ o }) => `${o}`,
		() => 'all'
	];
	for (const group of levels) {
		const rows = new Map<string, number[]>();
		for (const cell of at) {
			const key = `${group(cell)}#${cell.c}`;
			rows.set(key, [...(rows.get(key) ?? []), cell.i]);
		}
		const sum = (members: number[]) => members.reduce((s, i) => s + cellsList[i].n, 0);
		const hidden = new Set([...rows].filter(([, m]) => sum(m) < k).map(([key]) => key.split('#')[1]));
		const withheld = new Map<string, number[]>();
		for (const [key, members] of rows) {
			const [g, c] = key.split('#');
			if (hidden.has(c)) withheld.set(g, [...(withheld.get(g) ?? []), ...members]);
			else published.push({ members, n: sum(members) });
		}
		for (const members of withheld.values()) published.push({ members, n: sum(members) });
	}
	return { view: 'nationality', cells: cellsList, published };
}

/** The plain method the audit must agree with: one LP over all rows per small cell, no presolve. */
async function naiveLargest(problem: AuditProblem, k: number): Promise<number[]> {
	const highs = await (await import('highs')).default();
	const constraints = problem.published
		.filter(({ members }) => members.length > 0)
		.map(({ members, n }, r) => ` r${r}: ${members.map((i) => `x${i}`).join(' + ')} = ${n}`)
		.join('\n');
	return problem.cells.flatMap(({ n }, i) => {
		if (n >= k) return [];
		const solution = highs.solve(`Maximize\n obj: x${i}\nSubject To\n${constraints}\nEnd`);
		return [solution.Status === 'Unbounded' ? Infinity : solution.ObjectiveValue];
	});
}

describe('audit(problems, k) on synthetic views', () => {
	it('audit(problems, k) agrees with one plain LP per small cell (3 years × 3 organisations × 8 categories)', async () => {
		const problem = syntheticView(3, 3, 8, 10);
		const naive = await naiveLargest(problem, 10);
		const [result] = await audit([problem], 10);
		expect(result.checked).toBe(naive.length);
		expect(result.smallestLargest).toBeCloseTo(Math.min(...naive), 6);
		const failing = naive.filter((value) => value < 10 - 1e-6);
		expect(result.violations.map((v) => v.largest)).toEqual(failing.map((value) => expect.closeTo(value, 6)));
	});

	it('audit(problems, k) audits a release-sized view (10 years × 6 organisations × 25 categories) in about a second', async () => {
		const problem = syntheticView(10, 6, 25, 10);
		await audit([syntheticView(3, 3, 8, 10)], 10); // loads HiGHS outside the measurement
		const start = performance.now();
		const [result] = await audit([problem], 10);
		const ms = performance.now() - start;
		expect(result.checked).toBeGreaterThan(300);
		expect(ms).toBeLessThan(5000); // measured ≈ 1,000 ms; a generous bound for slow CI machines
	});
});
