/**
 * A header as the words it is made of: "CancellationCode" → cancellation, code; "mail_city" → mail,
 * city; "clientphone" → client, phone (a run of letters is cut into known words only when all of it
 * is known words). Identifiers are then found by word, never as a string inside another word:
 * "Cancelled" holds "cell" and "page_namespace" holds "name", and neither is one.
 */

/** Lower case, ё→е, Kyrgyz ү/ө as у/о: "Туулган күнү" and "Туулган куну" are one header. */
export function wordKey(text: string): string {
	return text.normalize('NFKC').toLowerCase().replaceAll('ё', 'е').replaceAll('ү', 'у').replaceAll('ө', 'о');
}

/** Words split at punctuation and spaces, at camelCase humps ("FlightDate", "IDNumber") and between letters and digits. */
export function splitWords(header: string): string[] {
	const humps = header
		.normalize('NFKC')
		.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
		.replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
		.replace(/(\p{L})(\p{N})/gu, '$1 $2')
		.replace(/(\p{N})(\p{L})/gu, '$1 $2');
	return wordKey(humps)
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w !== '');
}

/**
 * `word` cut into words of `vocabulary`, longest first, or null when some of it is no known word:
 * "dateofbirth" → date, of, birth; "cancelled" → null (only "cell" of it is known).
 */
export function segment(word: string, vocabulary: Set<string>): string[] | null {
	const memo = new Map<number, string[] | null>();
	const from = (start: number): string[] | null => {
		if (start === word.length) return [];
		if (memo.has(start)) return memo.get(start)!;
		let found: string[] | null = null;
		for (let end = word.length; end > start && !found; end--) {
			const piece = word.slice(start, end);
			if (!vocabulary.has(piece)) continue;
			const rest = from(end);
			if (rest) found = [piece, ...rest];
		}
		memo.set(start, found);
		return found;
	};
	return from(0);
}

/** A header's words, each run of letters that is no word of `vocabulary` cut into its words when it can be. */
export function headerWords(header: string, vocabulary: Set<string>): string[] {
	return splitWords(header).flatMap((w) => (vocabulary.has(w) ? [w] : (segment(w, vocabulary) ?? [w])));
}
