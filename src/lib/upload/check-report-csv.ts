/** The check report as CSV: one line per file summary, problem and ignored/refused column. */
import Papa from 'papaparse';
import type { FileReport } from '$lib/ingest/load-export';

export function checkReportCsv(files: FileReport[]): string {
	const data: (string | number)[][] = [];
	for (const f of files) {
		data.push([f.file, 'summary', '', f.error ?? `${f.rowsRead} rows read = ${f.rowsLoaded} loaded + ${f.rowsRejected} rejected`, f.rowsRead, '', '']);
		for (const p of f.problems)
			data.push([f.file, p.rejected ? 'row rejected' : 'kept as unknown', p.field, p.kind, p.rows, p.lines.join(' '), p.values.join(' | ')]);
		for (const c of f.columns.filter((c) => c.status !== 'recognised'))
			data.push([f.file, c.status === 'refused' ? 'column refused' : 'column ignored', c.header, c.reason ?? '', '', '1', '']);
	}
	return Papa.unparse({ fields: ['file', 'outcome', 'field or column', 'problem', 'rows', 'lines', 'values'], data }, { newline: '\n' });
}
