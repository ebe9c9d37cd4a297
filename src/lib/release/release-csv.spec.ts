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
