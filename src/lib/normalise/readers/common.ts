/**
 * What every value reader shares: the result type, the lookup key, blanks and placeholders, the
 * quoting of a value in a problem. Each field's reader is a file of its own beside this one
 * (readers/<field>.ts), as Plot keeps one mark per file; values.ts re-exports them all.
 *
 * A blank cell (or a placeholder such as "-", "n/a", «не указано») is unknown, not a problem —
 * except for the year or date, without which a row cannot be counted.
 * Every problem reads `<kind> "<value>"`: the loader groups problems by the text before the
 * quoted value, so the value always comes last.
 */
import { UNKNOWN } from '$lib/types';

export type Normalised<T> = { value: T; problem?: string };

/** Longest value quoted back in a problem: a free-text cell in a coded column is not repeated whole. */
const MAX_SHOWN = 60;

/** Lower case, no accents (ё = е, й = и on both sides of a lookup), punctuation as single spaces. */
export function key(raw: string): string {
	return raw
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export function table<T>(entries: [T, string[]][]): Map<string, T> {
	const map = new Map<string, T>();
	for (const [value, words] of entries) for (const w of words) map.set(key(w), value);
	return map;
}

/** The raw value as quoted in a problem: one line, no double quotes (they delimit it), bounded. */
export function shown(raw: string): string {
	const text = raw.normalize('NFC').trim().replace(/\s+/g, ' ').replaceAll('"', "'");
	return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

export const problem = <T>(value: T, kind: string, raw: string): Normalised<T> => ({ value, problem: `${kind} "${shown(raw)}"` });

const PLACEHOLDERS = new Set(
	[
		UNKNOWN, 'unknown', 'unk', 'not known', 'not stated', 'not specified', 'not recorded', 'missing', 'n/a', 'na', 'null',
		'не указано', 'не указан', 'не указана', 'не известно', 'неизвестно', 'нет данных', 'н/д', 'нет сведений',
		'белгисиз', 'көрсөтүлгөн эмес', 'маалымат жок'
	].map(key)
);

/**
 * Empty, only dashes/dots/slashes ("-", "—", "..."), a word for "not known", or -99: the CTDC
 * data standard's (and many statistical packages') code for a missing value.
 */
export function isBlank(raw: string): boolean {
	const text = raw.trim();
	return /^[-‐‑‒–—―_./\\]*$/.test(text) || /^-99(?:\.0+)?$/.test(text) || PLACEHOLDERS.has(key(text));
}

/**
 * In coded columns that have no value 0 (sex, nationality, adult/minor, type of exploitation),
 * CTDC-style exports write 0 for "not known". Not so for an age (0 is an infant) or a disability
 * (0 is no).
 */
export const isBlankOrZero = (raw: string) => isBlank(raw) || /^0+(?:\.0+)?$/.test(raw.trim());

/** Digits and separators as typed: full-width digits and dash look-alikes made plain. */
export function plain(raw: string): string {
	return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[‐‑‒–—―−]/g, '-').toLowerCase();
}

/** A note in brackets after a value: «Да (1 гр.)», "Uzbekistan (residence permit)". */
export const NOTE = /\s*[([][^()[\]]*[)\]]\s*$/;

/** An unrecognised value with a note in brackets is read once more without it; else undefined. */
export function withoutNote<T>(raw: string, normalise: (raw: string) => Normalised<T>): Normalised<T> | undefined {
	const bare = raw.replace(NOTE, '');
	if (bare === raw || isBlank(bare)) return undefined;
	const result = normalise(bare);
	return result.problem ? undefined : result;
}
