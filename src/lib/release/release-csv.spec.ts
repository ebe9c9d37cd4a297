import { expect, it } from 'vitest';
import { ALL } from '$lib/types';
import { releaseCsv } from './release-csv';

it('releaseCsv(rows, k) blanks and flags counts from 1 to k−1, keeps 0 and ≥ k', () => {
	const base = { year: '2020', organisation: 'A, "quoted"', programme: ALL, group: ALL };
	expect(
		releaseCsv([
			{ ...base, view: 'total', category: '', n: 7 },
			{ ...base, view: 'nationality', category: 'KG', n: 12 }
		], 10)
	).toBe(
		'view,year,organisation,programme,group,category,n,suppressed\n' +
			'total,2020,"A, ""quoted""",~all,~all,,,true\n' +
			'nationality,2020,"A, ""quoted""",~all,~all,KG,12,false'
	);
});

it('releaseCsv(rows, k) writes names from an export so that a spreadsheet shows them, never runs them', () => {
	const row = { view: 'total', year: '2020', organisation: '=cmd|" /C calc"!A0', programme: '@SUM(1)', group: ALL, category: '', n: 12 } as const;
	expect(releaseCsv([row], 10).split('\n')[1]).toBe(`total,2020,"'=cmd|"" /C calc""!A0",'@SUM(1),~all,,12,false`);
});
