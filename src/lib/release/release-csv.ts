/** Count tables as CSV for download: a count from 1 to k−1 is written empty, with `suppressed` set. */
import Papa from 'papaparse';
import type { ReleaseRow } from '$lib/types';

export const RELEASE_COLUMNS = ['view', 'year', 'organisation', 'programme', 'group', 'category', 'n', 'suppressed'] as const;

export function releaseCsv(rows: ReleaseRow[], k: number): string {
	return Papa.unparse({
		fields: [...RELEASE_COLUMNS],
		data: rows.map((r) => {
			const small = r.n > 0 && r.n < k;
			return [r.view, r.year, r.organisation, r.programme, r.group, r.category, small ? '' : r.n, small ? 'true' : 'false'];
		})
	}, { newline: '\n' });
}
