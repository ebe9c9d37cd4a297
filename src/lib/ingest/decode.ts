/**
 * Bytes → text. Case registers export UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
 * text") or Windows-1251 (Excel in a Russian locale); DuckDB's reader only takes UTF-8, so the
 * decoding happens here. Other legacy encodings are told apart from 1251 (legacy-encodings.ts).
 */

import { decodeLegacy, type LegacyEncoding } from './legacy-encodings';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A clear message when the file is not a CSV export at all; null when it may be one. */
export function checkFile(name: string, bytes: Uint8Array): string | null {
	if (bytes.length === 0) return `${name}: the file is empty`;
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
		return `${name}: this is an Excel or OpenDocument workbook, not CSV. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.`;
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
		return `${name}: this is an old Excel workbook (.xls), not CSV. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.`;
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return `${name}: this is a PDF, not CSV. Export the register as CSV instead.`;
	if (!utf16Order(bytes) && looksBinary(bytes.subarray(0, 4096))) return `${name}: this is a binary file, not CSV text.`;
	const head = bytes.subarray(0, 1 << 16);
	const { text, encoding } = decode(head);
	if (text.trim() === '') return `${name}: the file is empty`;
	if (encoding === 'windows-1251' && !decodeLegacy(head).known) return `${name}: the text is in an encoding other than UTF-8, UTF-16 or Windows-1251. Save it as CSV (File → Save as → CSV UTF-8) and drop that file.`;
	return null;
}

/** Images, archives, executables, databases: what else gets dropped by mistake. */
const MAGIC = [
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x47, 0x49, 0x46, 0x38], // GIF
	[0x1f, 0x8b], // gzip
	[0x37, 0x7a, 0xbc, 0xaf], // 7-Zip
	[0x52, 0x61, 0x72, 0x21], // RAR
	[0x7f, 0x45, 0x4c, 0x46], // ELF
	[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] // SQLite
];

/**
 * Binary rather than text with a few stray bytes: a known magic number, or more than 1% of the
 * head (and more than 4 in all) control bytes — other than tab, line breaks, vertical tab
 * (FileMaker's line break in a cell), form feed and ESC — and runs of NULs. A text export that a
 * crash padded with NULs (one run), or with a NUL or two in a cell, is still text: its rows with
 * NULs are rejected, each with its line, and the rest read. Compressed data is ~9% such bytes.
 */
function looksBinary(head: Uint8Array): boolean {
	if (MAGIC.some((magic) => startsWith(head, magic))) return true;
	let odd = 0;
	for (let i = 0; i < head.length; i++) {
		const b = head[i];
		if (b === 0 ? head[i - 1] !== 0 : (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 0x1b) || b === 0x7f) odd++;
	}
	return odd > Math.max(4, head.length / 100);
}

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
	if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
	// Without a BOM, ASCII text in UTF-16 has a NUL in every other byte; Cyrillic a 4 (U+04xx),
	// which UTF-8 and Windows-1251 text never hold.
	const n = Math.min(bytes.length, 512) & ~1;
	if (n < 4) return null;
	let evenZero = 0;
	let oddZero = 0;
	let evenHigh = 0;
	let oddHigh = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZero++;
		if (bytes[i + 1] === 0) oddZero++;
		if (bytes[i] === 0 || bytes[i] === 4) evenHigh++;
		if (bytes[i + 1] === 0 || bytes[i + 1] === 4) oddHigh++;
	}
	if ((oddZero > n / 4 && evenZero === 0) || (oddHigh > 0.45 * n && oddZero > 0 && evenZero <= n / 64)) return 'utf-16le';
	if ((evenZero > n / 4 && oddZero === 0) || (evenHigh > 0.45 * n && evenZero > 0 && oddZero <= n / 64)) return 'utf-16be';
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
		const { text, encoding } = decodeLegacy(bytes);
		return { text, encoding, bom: false };
	}
}

/** Lines a head must hold when it can: a title of up to 10 lines, the header and a first record (sniff.ts). */
const HEAD_LINES = 12;
/** The most a head grows to take in long first lines. */
const MAX_HEAD = 64 << 20;

/**
 * The encoding and the text of the first `max` bytes, cut after a line break (never inside a
 * character): enough to sniff a large export without decoding all of it. A head whose first
 * records are longer than `max` (a notes cell of megabytes) runs on to their end, up to MAX_HEAD;
 * `whole` says whether it is the whole file.
 */
export function decodeHead(bytes: Uint8Array, max = 1 << 20): { text: string; encoding: Encoding; bom: boolean; whole: boolean } {
	if (bytes.length <= max || utf16Order(bytes)) return { ...decode(bytes.length <= max ? bytes : bytes.subarray(0, max & ~1)), whole: bytes.length <= max };
	let lines = -1;
	for (let n = 0; n < HEAD_LINES && lines < MAX_HEAD; n++) {
		const next = bytes.indexOf(10, lines + 1);
		if (next === -1) break;
		lines = next;
	}
	// Old Mac exports end lines with a lone CR: a cut there is between characters too.
	const cut = Math.max(bytes.lastIndexOf(10, max), bytes.lastIndexOf(13, max), lines <= MAX_HEAD ? lines : -1);
	let end = cut > 0 ? cut + 1 : max;
	// No line break at all: at least never inside a UTF-8 character (a cut one would read as Windows-1251).
	if (cut <= 0) while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
	return { ...decode(bytes.subarray(0, end)), whole: end >= bytes.length };
}
