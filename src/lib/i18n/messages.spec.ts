import { describe, expect, it } from 'vitest';
import type { Messages } from './messages';
import en from './messages/en';
import ru from './messages/ru';
import ky from './messages/ky';
import { refusalReason } from '$lib/normalise/pii';
import { mapHeaders } from '$lib/normalise/fields';

/** Every text of a language by key, nested ones as "phases.reading", functions called with 10s. */
function texts(m: Messages): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(m)) {
		if (typeof value === 'function') out[key] = (value as (...args: number[]) => string)(...Array<number>(value.length).fill(10));
		else if (typeof value === 'object') for (const [sub, text] of Object.entries(value)) out[`${key}.${sub}`] = text;
		else out[key] = value;
	}
	return out;
}

/** The same word in both languages, not a fallback. */
const SAME_IN_RUSSIAN = new Set(['navDashboard', 'navMethodology', 'programme', 'mView', 'scopeNames.programme', 'file']);

describe('Kyrgyz messages', () => {
	const kyTexts = texts(ky);
	const ruTexts = texts(ru);

	it('have every key of English, nested ones too (they are typed as Record<string, string>)', () => {
		expect(Object.keys(kyTexts).sort()).toEqual(Object.keys(texts(en)).sort());
	});

	it('are not the Russian text: no fallback has crept back in', () => {
		const copied = Object.keys(ruTexts).filter((key) => /\p{Script=Cyrillic}{2,}/u.test(ruTexts[key]) && kyTexts[key] === ruTexts[key] && !SAME_IN_RUSSIAN.has(key));
		expect(copied).toEqual([]);
	});
});

describe('problem kinds in the check report', () => {
	// Every kind the normalisers and the reader report (load-export.ts, values.ts), with a detail where they give one.
	const kinds = [
		'missing year', 'missing date', 'missing count', 'invalid year', 'invalid date', 'date out of range', 'two-digit year in date',
		'looks like an Excel serial date', 'invalid count', 'unrecognised sex', 'unrecognised age', 'unrecognised adult/minor value', 'age out of range', 'invalid age range',
		'age range spans child and adult', 'unrecognised country', 'unrecognised disability value', 'unrecognised Washington Group answer',
		'more fields than the header has (4)', 'fewer fields than the header has (4)', 'not valid UTF-8 (is this part of the file in another encoding?)',
		'malformed CSV row (unquoted value)', 'empty row (no recognised field filled)', 'contains NUL bytes (is the file damaged?)',
		'repeated header row (two exports joined in one file?)', 'line longer than 32 MB (is a quote left open?)',
		'year after the export date (2026-01-15)', 'date after the export date (2026-01-15)'
	];
	it.each(['ru', 'ky'] as const)('are all written in %s, a detail in brackets kept', (lang) => {
		const m = { ru, ky }[lang];
		for (const kind of kinds) expect(m.problemKind(kind), kind).not.toBe(kind);
		expect(m.problemKind('more fields than the header has (4)')).toMatch(/ \(4\)$/);
		expect(m.problemKind('something new')).toBe('something new');
	});
});

describe('why a column was refused or ignored', () => {
	// Every reason the reader gives: one header of each refused kind, values that give one away, and mapHeaders' own.
	const headers = ['full name', 'phone', 'passport', 'ИНН', 'address', 'email', 'date of birth', 'notes'];
	const reasons = [
		...headers.map((h) => refusalReason(h, [])!),
		refusalReason('contact', ['+996 555 123 456', '+996 700 000 000'])!,
		refusalReason('x', ['x@example.org'])!,
		refusalReason('x', ['21234567890123'])!,
		refusalReason('x', ['a long free text written about the person and what happened, well over sixty characters'])!,
		...mapHeaders(['year', 'colour', 'year']).columns.slice(1).map((c) => c.reason!)
	];
	it.each(['ru', 'ky'] as const)('are all written in %s', (lang) => {
		const m = { ru, ky }[lang];
		expect(new Set(reasons).size).toBe(reasons.length);
		for (const reason of reasons) expect(m.columnReason(reason), reason).toMatch(/^[^a-z]*$/);
		expect(m.columnReason('something new')).toBe('something new');
	});
});
