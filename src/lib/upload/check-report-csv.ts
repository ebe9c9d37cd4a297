/**
 * The check report as a spreadsheet in the page's language: one line per file summary, problem
 * and ignored or refused column, each column named as the file names it.
 */
import type { FileReport } from '$lib/ingest/load-export';
import type { Messages } from '$lib/i18n/messages';
import { spreadsheetCsv } from '$lib/charts/spreadsheet-csv';
import { cellOf, placesOf } from '$lib/ingest/sheet-text';
import { countedByRow } from '$lib/ingest/person-id';
import type { Lang } from '$lib/types';
import { formatPercent } from '$lib/i18n/format';

export function checkReportCsv(files: FileReport[], m: Messages, lang: Lang): string {
	const rows: (string | number)[][] = [];
	for (const f of files) {
		rows.push([f.file, m.summary, '', f.error !== undefined ? m.fileError(f.error) : m.rowsSummary(String(f.rowsRead), String(f.rowsLoaded), String(f.rowsRejected)), f.rowsRead, '', '']);
		if (countedByRow(f)) rows.push([f.file, m.summary, '', m.noPersonId, '', '', '']);
		// A key field no header names: the column its values propose, or none (key-fields.ts).
		for (const k of f.keyFields ?? []) {
			if (k.field === 'id' && k.status === 'recognised' && k.confirmed === false) rows.push([f.file, m.summary, k.column ?? '', m.idDoubt(k.column ?? ''), '', '', '']);
			if (k.status === 'recognised' || (k.field === 'id' && k.status === 'missing')) continue;
			const text = k.field === 'id' ? m.idGuessed(k.candidate ?? '') : k.candidate !== undefined ? m.dateGuessed(k.candidate) : m.dateMissing;
			rows.push([f.file, m.summary, k.candidate ?? '', text, '', k.candidateIndex === undefined ? '' : cellOf(f, f.headerLine ?? 1, k.candidateIndex), '']);
		}
		// A header its column's values do not confirm: the column by header and place, the share, never a value (field-doubts.ts).
		for (const d of f.fieldDoubts ?? []) {
			const text = m.fieldDoubt(d.column, m.columnNumber(d.index + 1), m.fieldNames[d.field] ?? d.field, formatPercent(d.notReading / d.read, lang));
			rows.push([f.file, m.summary, d.column, d.candidate !== undefined ? `${text} ${m.fieldDoubtCandidate(d.candidate)}` : text, '', cellOf(f, f.headerLine ?? 1, d.index), '']);
		}
		for (const p of f.problems)
			rows.push([f.file, p.rejected ? m.rejectedRow : m.keptUnknown, f.fieldColumns?.[p.field] ?? p.field, m.problemKind(p.kind), p.rows, placesOf(f, p).join(' '), p.values.join(' | ')]);
		// A column's line is the header's (below a title, not line 1).
		for (const c of f.columns.filter((c) => c.status !== 'recognised'))
			rows.push([f.file, c.status === 'refused' ? m.columnRefused : m.columnIgnored, c.header, m.columnReason(c.reason ?? ''), '', cellOf(f, f.headerLine ?? 1, c.index), '']);
	}
	return spreadsheetCsv([m.file, m.outcome, m.column, m.problem, m.rows, m.lines, m.values], rows, lang);
}
