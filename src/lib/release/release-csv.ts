/** Count tables as CSV for download: a count from 1 to k−1 is written empty, with `suppressed` set; no cell runs as a formula. */
import Papa from 'papaparse';
import { csvCell } from '$lib/csv-cell';
import type { ReleaseRow } from '$lib/types';

export const RELEASE_COLUMNS = ['view', 'year', 'organisation', 'programme', 'group', 'category', 'n', 'suppressed'] as const;

export function releaseCsv(rows: ReleaseRow[], k: number): string {
	return Papa.unparse({
		fields: [...RELEASE_COLUMNS],
		data: rows.map((r) => {
			const small = r.n > 0 && r.n < k;
			// Names come from the exports: nothing in them may run when the file is opened in a spreadsheet.
			return [r.view, r.year, r.organisation, r.programme, r.group, r.category, small ? '' : r.n, small ? 'true' : 'false'].map(csvCell);
		})
	}, { newline: '\n' });
}
