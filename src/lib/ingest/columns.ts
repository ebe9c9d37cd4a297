/** Which columns of a file are loaded, and as which field: the recognised ones, the user's choices, never an identifier. */
import type { Field } from '$lib/types';
import type { ColumnMapping } from '$lib/normalise/fields';
import { refusalReason } from '$lib/normalise/pii';
import type { Sniffed } from './sniff';
import type { ColumnChoice } from './types';

/** A file's recognised, non-refused columns by field, with the user's choices applied. */
export function chooseColumns(columns: ColumnMapping[], choice: ColumnChoice = {}): Map<Field, number> {
	const chosen = new Map<Field, number>();
	for (const c of columns) if (c.status === 'recognised' && c.field) chosen.set(c.field, c.index);
	for (const [field, index] of Object.entries(choice) as [Field, number][]) {
		if (columns[index]?.status === 'refused') continue; // an identifier is never loaded, whatever is chosen
		for (const [f, i] of chosen) if (i === index) chosen.delete(f);
		chosen.set(field, index);
	}
	return chosen;
}

/**
 * Refuse identifier-looking columns by their values too: a phone column with an innocent header,
 * or under "number", which names a count (a count never has the shape of a phone number; other
 * fields' readers reject such values one by one).
 */
export function refuseByValues(columns: ColumnMapping[], sniffed: Sniffed): ColumnMapping[] {
	return columns.map((c) => {
		if (c.status !== 'ignored' && c.field !== 'count') return c;
		const reason = refusalReason(c.header, sniffed.preview.map((r) => r[c.index] ?? ''));
		return reason ? { ...c, status: 'refused', field: undefined, reason } : c;
	});
}
