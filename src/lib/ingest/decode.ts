/**
 * Bytes → text. Case registers export UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
 * text") or Windows-1251 (Excel in a Russian locale); DuckDB's reader only takes UTF-8, so the
 * decoding happens here.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A clear message when the file is not a CSV export at all; null when it may be one. */
export function checkFile(name: string, bytes: Uint8Array): string | null {
	if (bytes.length === 0) return `${name}: the file is empty`;
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
		return `${name}: this is an Excel or OpenDocument workbook, not CSV. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.`;
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
		return `${name}: this is an old Excel workbook (.xls), not CSV. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.`;
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return `${name}: this is a PDF, not CSV. Export the register as CSV instead.`;
	const utf16 = utf16Order(bytes);
	const head = bytes.subarray(0, 4096);
	if (!utf16 && head.includes(0)) return `${name}: this is a binary file, not CSV text.`;
	const { text } = decode(bytes.subarray(0, 1 << 16));
	if (text.trim() === '') return `${name}: the file is empty`;
	return null;
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
	if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
	// Without a BOM, ASCII text in UTF-16 has a NUL in every other byte.
	const n = Math.min(bytes.length, 512) & ~1;
	if (n < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
	}
	if (oddZero > n / 4 && evenZero === 0) return 'utf-16le';
	if (evenZero > n / 4 && oddZero === 0) return 'utf-16be';
	return null;
}

export function decode(bytes: Uint8Array): { text: string; encoding: Encoding; bom: boolean } {
	const utf16 = utf16Order(bytes);
	if (utf16) {
		const bom = startsWith(bytes, utf16 === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
		return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom }; // TextDecoder drops the BOM
	}
	const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom };
	} catch {
		// Not valid UTF-8: in this region that is almost always Excel's Windows-1251.
		return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251', bom: false };
	}
}

/**
 * The encoding and the text of the first `max` bytes, cut after a line break (never inside a
 * character): enough to sniff a large export without decoding all of it.
 */
export function decodeHead(bytes: Uint8Array, max = 1 << 20): { text: string; encoding: Encoding; bom: boolean } {
	if (bytes.length <= max || utf16Order(bytes)) return decode(bytes.length <= max ? bytes : bytes.subarray(0, max & ~1));
	const cut = bytes.lastIndexOf(10, max);
	return decode(bytes.subarray(0, cut > 0 ? cut + 1 : max));
}
