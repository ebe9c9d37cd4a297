import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AGE_BANDS, UNKNOWN } from '$lib/types';
import {
	normaliseAge, normaliseCount, normaliseDate, normaliseDisability, normaliseNationality, normaliseSex, normaliseText, normaliseWg, normaliseYear, wgDisability
} from './values';
import { alpha3, countryCodes, matchCountry } from './countries';
import { mapHeaders } from './fields';
import { refusalReason } from './pii';

const values = <T>(f: (raw: string) => { value: T; problem?: string }, raws: string[]) => raws.map((r) => f(r).value);

describe('value normalisers', () => {
	it('normaliseYear / normaliseDate give the year, or a problem that says why', () => {
		expect(values(normaliseYear, ['2024', '2024.0', ' 2019 '])).toEqual([2024, 2024, 2019]);
		expect(normaliseYear('20233')).toEqual({ value: null, problem: 'invalid year "20233"' });
		expect(normaliseYear('')).toEqual({ value: null, problem: 'missing year' });
		expect(values(normaliseDate, ['2024-03-15', '2024-03-15 10:22:00', '2024-03-15T10:22', '15.03.2024', '15/03/2024', '03/15/2024', '2024/03/15'])).toEqual(Array(7).fill(2024));
		expect(normaliseDate('31.02.2024').problem).toBe('invalid date "31.02.2024"');
		expect(normaliseDate('15.03.24').problem).toBe('two-digit year in date "15.03.24"');
		expect(normaliseDate('45366').problem).toBe('looks like an Excel serial date "45366"');
		expect(normaliseDate('').problem).toBe('missing date');
	});

	it('normaliseSex reads English, Russian and Kyrgyz; "?" is reported, blank is unknown', () => {
		expect(values(normaliseSex, ['F', 'female', 'girl', 'ж', 'Жен.', 'женский', 'аял', 'кыз'])).toEqual(Array(8).fill('female'));
		expect(values(normaliseSex, ['M', 'male', 'boy', 'м', 'муж', 'мужской', 'эркек'])).toEqual(Array(7).fill('male'));
		expect(normaliseSex('?')).toEqual({ value: UNKNOWN, problem: 'unrecognised sex "?"' });
		expect(normaliseSex('')).toEqual({ value: UNKNOWN });
		expect(normaliseSex('не указано')).toEqual({ value: UNKNOWN });
	});

	it('normaliseAge gives bands from ages and ranges, child/adult when that is all that is known', () => {
		expect(values(normaliseAge, ['0', '4', '5', '11', '12', '17', '18', '59', '60', '97'])).toEqual(['0-4', '0-4', '5-11', '5-11', '12-17', '12-17', '18-59', '18-59', '60+', '60+']);
		expect(values(normaliseAge, ['18-59', '18–59', '0--8', '9--17', 'Age 30-38', '30 to 38', 'от 18 до 59', '60+', '60 и старше', 'under 18', 'child', 'взрослый', 'бала'])).toEqual([
			'18-59', '18-59', 'child', 'child', '18-59', '18-59', '18-59', '60+', '60+', 'child', 'child', 'adult', 'child'
		]);
		expect(normaliseAge('15-20')).toEqual({ value: UNKNOWN, problem: 'age range "15-20" spans child and adult' });
		expect(normaliseAge('130').problem).toBe('age out of range "130"');
	});

	it('normaliseNationality reads codes, names and demonyms in three languages', () => {
		const kg = ['KG', 'kg', 'KGZ', 'Kyrgyzstan', 'Kyrgyz Republic', 'Kirghizia', 'Кыргызстан', 'Киргизия', 'кыргызка', 'Kyrgyz'];
		expect(values(normaliseNationality, kg)).toEqual(Array(kg.length).fill('KG'));
		expect(values(normaliseNationality, ['Afghan', 'афганец', 'Uzbek', 'узбечка', 'Таджикистан', 'Syrian', 'Pakistani', 'India', 'Россия'])).toEqual(['AF', 'AF', 'UZ', 'UZ', 'TJ', 'SY', 'PK', 'IN', 'RU']);
		expect(values(normaliseNationality, ['stateless', 'лицо без гражданства', 'ЛБГ', 'жарандыгы жок'])).toEqual(Array(4).fill('stateless'));
		expect(normaliseNationality('')).toEqual({ value: UNKNOWN });
		expect(normaliseNationality('неизвестно')).toEqual({ value: UNKNOWN });
		expect(normaliseNationality('Atlantis')).toEqual({ value: UNKNOWN, problem: 'unrecognised country "Atlantis"' });
	});

	it('every ISO code round-trips through its alpha-3 and its English and Russian names', () => {
		const en = new Intl.DisplayNames(['en'], { type: 'region' });
		const ru = new Intl.DisplayNames(['ru'], { type: 'region' });
		expect(countryCodes().length).toBe(249);
		for (const code of countryCodes()) {
			expect(matchCountry(alpha3(code)!), code).toBe(code);
			expect(matchCountry(en.of(code)!), code).toBe(code);
			expect(matchCountry(ru.of(code)!), code).toBe(code);
		}
	});

	it('normaliseDisability, normaliseWg and wgDisability (the WG-SS cut-off)', () => {
		expect(values(normaliseDisability, ['yes', 'Y', '1', 'true', 'да', 'есть', 'ооба', 'группа 2', 'II группа'])).toEqual(Array(9).fill('yes'));
		expect(values(normaliseDisability, ['no', '0', 'false', 'нет', 'жок'])).toEqual(Array(5).fill('no'));
		expect(normaliseDisability('maybe')).toEqual({ value: UNKNOWN, problem: 'unrecognised disability value "maybe"' });
		expect(values(normaliseWg, ['1', 'No difficulty', 'some difficulty', 'A lot of difficulty', 'cannot do at all', 'большие затруднения', 'совсем не может', '9', ''])).toEqual([1, 1, 2, 3, 4, 3, 4, null, null]);
		expect(wgDisability([1, 1, 3, 1, 1, 1])).toBe('yes');
		expect(wgDisability([1, 2, 2, 1, 1, 1])).toBe('no');
		expect(wgDisability([1, null, 2, 1, 1, 1])).toBe(UNKNOWN);
		expect(wgDisability([null, null, 4, null, null, null])).toBe('yes');
	});

	it('normaliseCount and normaliseText', () => {
		expect(values(normaliseCount, ['12', '12.0', '1 234', '1,234', '0'])).toEqual([12, 12, 1234, 1234, 0]);
		expect(normaliseCount('-1')).toEqual({ value: null, problem: 'invalid count "-1"' });
		expect(values(normaliseText, ['  Shelter   care ', '', '-'])).toEqual(['Shelter care', UNKNOWN, UNKNOWN]);
	});

	it('never throw, and a value without a problem is a contract value', () => {
		const bands = [...AGE_BANDS, 'child', 'adult', UNKNOWN];
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), (raw) => {
				const age = normaliseAge(raw);
				expect(bands).toContain(age.value);
				expect(['female', 'male', 'other', UNKNOWN]).toContain(normaliseSex(raw).value);
				expect(['yes', 'no', UNKNOWN]).toContain(normaliseDisability(raw).value);
				const nat = normaliseNationality(raw).value;
				expect(nat === UNKNOWN || nat === 'stateless' || countryCodes().includes(nat)).toBe(true);
				const year = normaliseDate(raw);
				expect(year.value === null ? year.problem !== undefined : year.value >= 1950 && year.value <= 2100).toBe(true);
			}),
			{ seed: 7, numRuns: 500 }
		);
	});
});

describe('mapHeaders(headers, hxl)', () => {
	it('recognises headers in English, Russian and Kyrgyz, whatever the case and punctuation', () => {
		const { byField } = mapHeaders(['Case ID', 'Дата регистрации', 'ORGANISATION', 'Долбоор', 'target_group', 'Пол', 'Жашы', 'Гражданство', 'has_disability', 'Облус', 'Количество']);
		expect(byField).toEqual({ id: 0, date: 1, organisation: 2, programme: 3, group: 4, sex: 5, age: 6, nationality: 7, disability: 8, region: 9, count: 10 });
		expect(mapHeaders(['yearOfRegistration', 'ageBroad', 'Жыл']).byField).toEqual({ year: 0, age: 1 });
		expect(mapHeaders(['yearOfRegistration', 'ageBroad', 'Жыл']).columns[2]).toMatchObject({ status: 'ignored', reason: 'duplicate of column 1' });
	});

	it('maps the six Washington Group domains, with prefixes', () => {
		const { byField } = mapHeaders(['wg_seeing', 'WGSS hearing', 'difficulty walking', 'remembering', 'self-care', 'Общение']);
		expect(byField).toEqual({ wg_seeing: 0, wg_hearing: 1, wg_walking: 2, wg_remembering: 3, wg_self_care: 4, wg_communicating: 5 });
	});

	it('honours an HXL row where the header says nothing known', () => {
		expect(mapHeaders(['Когда', 'x'], ['#date+reported', '#affected+id']).byField).toEqual({ date: 0, id: 1 });
	});

	it('refuses identifier columns by header, and by values for unknown headers, naming the kind only', () => {
		const cols = mapHeaders(['ФИО', 'phone', 'Passport No', 'ИНН', 'address', 'e-mail', 'date of birth', 'Примечание', 'case_id', 'registration_date', 'Organisation name']).columns;
		expect(cols.map((c) => c.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'recognised', 'recognised', 'recognised']);
		expect(cols[1].reason).toBe('looks like a phone number column');
		expect(refusalReason('contact', ['+996 555 123 456', '0700 11 22 33'])).toBe('looks like a phone number column (by its values)');
		expect(refusalReason('x', ['a@b.kg', 'c@d.org'])).toBe('looks like an e-mail address column (by its values)');
		expect(refusalReason('code', ['21204199900123', '11505198800456'])).toBe('looks like a personal number (PIN/ИНН) column (by its values)');
		expect(refusalReason('colour', ['red', 'blue'])).toBeNull();
	});
});
