import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OTHER, UNKNOWN, WITHHELD } from '$lib/types';
import { categoryLabel, countryName, displayCount, displayShare, formatDate, formatNumber, pluralForm } from './format';

const ctx = { lang: 'en' as const, k: 10 };

describe('display rules', () => {
	it('displayCount shows 1..k−1 as "<k", zero as zero, rounds only when asked', () => {
		expect(displayCount(0, ctx)).toEqual({ text: '0', value: 0, suppressed: false });
		expect(displayCount(3, ctx)).toEqual({ text: '<10', value: null, suppressed: true });
		expect(displayCount(3, { ...ctx, exact: true })).toEqual({ text: '3', value: 3, suppressed: false });
		expect(displayCount(1234, ctx).text).toBe('1,234');
		expect(displayCount(1234, { ...ctx, round: 5 }).text).toBe('1,235');
	});

	it('displayShare needs k people, and gives bounds near 0% and 100%', () => {
		expect(displayShare(3, 100, ctx)).toMatchObject({ text: '<10%', value: null, bound: '<' });
		expect(displayShare(95, 100, ctx)).toMatchObject({ text: '>90%', value: null, bound: '>' });
		expect(displayShare(40, 100, ctx)).toEqual({ text: '40%', value: 0.4, suppressed: false, bound: null });
		expect(displayShare(4, 9, ctx)).toMatchObject({ text: 'not shown', suppressed: true });
		expect(displayShare(0, 40, ctx)).toMatchObject({ text: '<25%', bound: '<' });
		expect(displayShare(12, 37, ctx).value).toBe(0.3243);
	});

	it('never shows a count from 1 to k−1 unless exact', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 5, max: 30 }), (n, k) => {
				const shown = displayCount(n, { lang: 'ru', k });
				const digits = Number(shown.text.replace(/\D/g, ''));
				if (n > 0 && n < k) expect(shown.text).toBe(`<${k}`);
				else expect(digits).toBe(n);
			}),
			{ seed: 3 }
		);
	});
});

describe('Intl in three languages', () => {
	it('formats numbers and names countries with local usage', () => {
		expect(formatNumber(12345, 'ru')).toBe('12\u00a0345');
		expect(countryName('KG', 'ru')).toBe('Кыргызстан');
		expect(countryName('KG', 'ky')).toBe('Кыргызстан');
		expect(countryName('KG', 'en')).toBe('Kyrgyzstan');
		expect(countryName('AF', 'ru')).toBe('Афганистан');
	});

	it('labels reserved tokens per field', () => {
		expect(categoryLabel('nationality', OTHER, 'en')).toBe('Other nationalities');
		expect(categoryLabel('programme', OTHER, 'ru')).toBe('Другие программы');
		expect(categoryLabel('sex', WITHHELD, 'ky')).toBe('Жашырылган');
		expect(categoryLabel('region', UNKNOWN, 'ru')).toBe('Не указано');
		expect(categoryLabel('nationality', 'stateless', 'en')).toBe('Stateless');
		expect(categoryLabel('age', 'child', 'ru')).toBe('Дети');
		expect(categoryLabel('group', 'Refugee', 'ru')).toBe('Refugee');
	});

	it('pluralForm follows Intl.PluralRules (Russian: 1 человек, 2 человека, 5 человек)', () => {
		const forms = { one: 'человек', few: 'человека', many: 'человек' };
		expect([1, 2, 5, 21, 111].map((n) => `${n} ${pluralForm(n, 'ru', forms)}`)).toEqual(['1 человек', '2 человека', '5 человек', '21 человек', '111 человек']);
	});
});

describe('formatDate(iso, lang)', () => {
	it('writes the day first in English, in Russian words, and in Kyrgyz as ICU does (Chromium has no Kyrgyz dates)', () => {
		expect(formatDate('2026-01-15', 'en')).toBe('15 January 2026');
		expect(formatDate('2026-02-26', 'ru')).toBe('26 февраля 2026 г.');
		expect(formatDate('2026-01-15', 'ky')).toBe(new Intl.DateTimeFormat('ky', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-01-15T00:00:00Z')));
		expect(formatDate('2026-12-01', 'ky')).toBe('2026-ж., 1-декабрь');
	});
});
