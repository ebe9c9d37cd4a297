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
