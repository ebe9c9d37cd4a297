/**
 * Bytes that are not UTF-8: in this region almost always Excel's Windows-1251. Read as 1251 only
 * when the result reads as words of one alphabet (Russian words of Cyrillic letters, names of
 * Latin ones); Shift-JIS when the bytes are that and hold Japanese kana; anything else is said,
 * not read as nonsense (a Shift-JIS file decoded as 1251 is a row of “ЊЃ‹ћ”).
 */

export type LegacyEncoding = 'windows-1251' | 'shift_jis';

/** What the bytes read as: `known` is false for text in an encoding the ingest cannot tell. */
export interface Legacy {
	text: string;
	encoding: LegacyEncoding;
	known: boolean;
}

/** Fewer characters past ASCII than this give nothing to judge by: read as 1251, as before. */
const FEW = 8;
/** Windows-1251's characters past ASCII that are not letters and are common in exports. */
const PUNCTUATION = /[«»№–—…“”„‘’•°±\u00a0€]/u;

/**
 * Whether the 1251 reading is words: its characters past ASCII Cyrillic letters or common
 * punctuation, and its words not mostly Latin with a Cyrillic letter inside ("Cafй", "Protecciуn":
 * Western European text, whose accented letters all fall on Cyrillic ones). A Latin name typed with
 * one Cyrillic letter here and there is no reason: only most such words are.
 */
function readsAs1251(text: string): boolean {
	const high = [...text].filter((c) => c > '\u007f');
	if (high.length < FEW) return true;
	const fitting = high.filter((c) => /\p{Script=Cyrillic}/u.test(c) || PUNCTUATION.test(c)).length;
	const words = (text.match(/\p{L}+/gu) ?? []).filter((w) => /[^\u0000-\u007f]/.test(w));
	const mixed = words.filter((w) => /[a-z]/i.test(w) && /\p{Script=Cyrillic}/u.test(w)).length;
	return fitting / high.length >= 0.9 && !(words.length >= 4 && mixed > 0.5 * words.length);
}

/**
 * UTF-8 with a few damaged bytes (a flipped bit, a stray byte from another program): more of its
 * characters past ASCII are whole UTF-8 sequences than not. Not a legacy encoding: read as before.
 */
function damagedUtf8(bytes: Uint8Array): boolean {
	let whole = 0;
	let broken = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b < 0x80) continue;
		const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		let k = 1;
		while (length && k < length && (bytes[i + k] & 0xc0) === 0x80) k++;
		if (length && k === length) (whole++, (i += length - 1));
		else broken++;
	}
	return whole > 0 && whole >= broken;
}

/** Shift-JIS: decodes without an error and holds full-width kana (Chinese and Korean bytes decode to none). */
function shiftJis(bytes: Uint8Array): string | null {
	let text: string;
	try {
		// A head cut inside a character is not an error (stream: the rest would follow).
		text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes, { stream: true });
	} catch {
		return null;
	}
	const high = [...text].filter((c) => c > '\u007f');
	const kana = high.filter((c) => /[\u3040-\u30ff]/.test(c)).length;
	const japanese = high.filter((c) => /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]/.test(c)).length;
	return kana > 0 && japanese / high.length >= 0.9 ? text : null;
}

/** Bytes that are not UTF-8 (nor UTF-16) as text. */
export function decodeLegacy(bytes: Uint8Array): Legacy {
	const text = new TextDecoder('windows-1251').decode(bytes);
	if (damagedUtf8(bytes) || readsAs1251(text)) return { text, encoding: 'windows-1251', known: true };
	const japanese = shiftJis(bytes);
	if (japanese !== null) return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis', known: true };
	return { text, encoding: 'windows-1251', known: false };
}
