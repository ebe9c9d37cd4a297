/**
 * The check report's problem kinds in another language. The normalisers and the reader name them
 * in English ("unrecognised country", "more fields than the header has (3)"); a table gives each in
 * the page's language, keeping a trailing detail in brackets. A kind not in the table stays English.
 */
export function kindIn(table: Record<string, string>, kind: string): string {
	if (table[kind]) return table[kind];
	const detailed = /^(.*?) (\([^()]*\))$/.exec(kind);
	return detailed && table[detailed[1]] ? `${table[detailed[1]]} ${detailed[2]}` : kind;
}

/** How a language says why a column was refused or ignored (see refusalReason and mapHeaders). */
export interface ReasonWords {
	/** "a phone number" → the language's words for such a column. */
	kinds: Record<string, string>;
	looksLike: (column: string, byValues: boolean) => string;
	duplicate: (column: string) => string;
	notRecognised: string;
	/** A survey tool's own column (KoboToolbox, ODK: `_id`, `_uuid`, `start`), and a row's serial number («№ п/п»). */
	surveyMetadata: string;
	rowNumber: string;
}

/** A column's reason ("looks like a phone number column (by its values)") in another language. */
export function reasonIn(words: ReasonWords, reason: string): string {
	const looks = /^looks like (.+?) column( \(by its values\))?$/.exec(reason);
	if (looks && words.kinds[looks[1]]) return words.looksLike(words.kinds[looks[1]], looks[2] !== undefined);
	const duplicate = /^duplicate of column (\d+)$/.exec(reason);
	if (duplicate) return words.duplicate(duplicate[1]);
	if (reason === 'survey tool metadata (which submission, when)') return words.surveyMetadata;
	if (reason === 'row number') return words.rowNumber;
	return reason === 'not a recognised field' ? words.notRecognised : reason;
}
