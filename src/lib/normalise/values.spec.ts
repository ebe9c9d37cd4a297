import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AGE_BANDS, OTHER, SEVERAL, SEXES, UNKNOWN } from '$lib/types';
import {
	normaliseAge,
	normaliseCount,
	normaliseDate,
	normaliseDisability,
	normaliseExploitation,
	normaliseFlag,
	exploitationOfFlags,
	normaliseMajority,
	normaliseNationality,
	normaliseSex,
	normaliseText,
	normaliseWg,
	normaliseYear,
	wgDisability,
	type Normalised,
	type WgAnswer
} from './values';
import { countryCodes } from './countries';

/** Every raw value gives exactly this result (value, and problem or none). */
function each<T>(f: (raw: string) => Normalised<T>, cases: [string, T, string?][]) {
	for (const [raw, value, problem] of cases) {
		expect(f(raw), JSON.stringify(raw)).toEqual(problem === undefined ? { value } : { value, problem });
	}
}
/** Every raw value gives this value without a problem. */
function all<T>(f: (raw: string) => Normalised<T>, raws: string[], value: T) {
	for (const raw of raws) expect(f(raw), JSON.stringify(raw)).toEqual({ value });
}

describe('normaliseYear(raw)', () => {
	it('reads a whole year 1950..2100, also as a spreadsheet number or with «г.»', () => {
		each(normaliseYear, [
			['2024', 2024],
			[' 2019 ', 2019],
			['2024.0', 2024],
			['1950', 1950],
			['2100', 2100],
			['2024 г.', 2024],
			['２０２４', 2024]
		]);
	});
	it('reports anything else, and a blank year as missing (the row will be rejected)', () => {
		each(normaliseYear, [
			['20233', null, 'invalid year "20233"'],
			['24', null, 'invalid year "24"'],
			['abc', null, 'invalid year "abc"'],
			['1949', null, 'invalid year "1949"'],
			['2101', null, 'invalid year "2101"'],
			['2024.5', null, 'invalid year "2024.5"'],
			['', null, 'missing year'],
			['   ', null, 'missing year'],
			['-', null, 'missing year'],
			['не указано', null, 'missing year']
		]);
	});
});

describe('normaliseDate(raw)', () => {
	it('gives the year of ISO, European and US dates, with or without a time', () => {
		all(normaliseDate, [
			'2024-03-15', '2024-03-15 10:22:00', '2024-03-15T10:22', '2024-03-15T10:22:00.000Z', '2024-03-15T10:22:00+06:00',
			'15.03.2024', '15/03/2024', '15-03-2024', '03/15/2024', '3/15/2024 12:00:00 AM', '2024/03/15', '15.03.2024 0:00:00',
			'15.03.2024 г.', '20240315', '2024-03', '03.2024', '15 March 2024', '15-Mar-2024', 'March 15, 2024', '15 марта 2024 года', '2024', '2024.0'
		], 2024);
	});
	it('validates the calendar: only a real date gives a year', () => {
		each(normaliseDate, [
			['29.02.2024', 2024],
			['29.02.2023', null, 'invalid date "29.02.2023"'],
			['31.02.2024', null, 'invalid date "31.02.2024"'],
			['2024-02-30', null, 'invalid date "2024-02-30"'],
			['2024-13-01', null, 'invalid date "2024-13-01"'],
			['31.04.2024', null, 'invalid date "31.04.2024"'],
			['00.01.2024', null, 'invalid date "00.01.2024"'],
			['2024-13', null, 'invalid date "2024-13"'],
			['31 February 2024', null, 'invalid date "31 February 2024"'],
			['29.02.1900', null, 'invalid date "29.02.1900"']
		]);
	});
	it('needs only one of dd/mm and mm/dd to be real, since both give the same year', () => {
		each(normaliseDate, [
			['12/31/2023', 2023],
			['31/12/2023', 2023],
			['05/06/2023', 2023],
			['13/13/2023', null, 'invalid date "13/13/2023"'],
			['31/31/2023', null, 'invalid date "31/31/2023"']
		]);
	});
	it('gives the year of a month or a quarter of a year', () => {
		each(normaliseDate, [
			['март 2024', 2024], ['March 2024', 2024], ['Sep. 2023', 2023], ['Q1 2024', 2024], ['I кв. 2024', 2024], ['4 квартал 2023', 2023],
			['Foo 2024', null, 'invalid date "Foo 2024"'], ['Q5 2024', null, 'invalid date "Q5 2024"']
		]);
	});
	it('reports two-digit years, Excel serials, dates outside 1950..2100 and a missing date', () => {
		each(normaliseDate, [
			['15.03.24', null, 'two-digit year in date "15.03.24"'],
			['3/15/24', null, 'two-digit year in date "3/15/24"'],
			['15-Mar-24', null, 'two-digit year in date "15-Mar-24"'],
			['45366', null, 'looks like an Excel serial date "45366"'],
			['45366.4375', null, 'looks like an Excel serial date "45366.4375"'],
			['15.03.1900', null, 'date out of range "15.03.1900"'],
			['1900', null, 'invalid date "1900"'],
			['123', null, 'invalid date "123"'],
			['2024-03-15 garbage', null, 'invalid date "2024-03-15 garbage"'],
			['2024-03/15', null, 'invalid date "2024-03/15"'],
			['yesterday', null, 'invalid date "yesterday"'],
			['', null, 'missing date'],
			['n/a', null, 'missing date']
		]);
	});
});

describe('normaliseSex(raw)', () => {
	it('reads English, Russian and Kyrgyz, whatever the case and punctuation', () => {
		all(normaliseSex, ['female', 'F', 'f', 'Woman', 'women', 'girl', 'ж', 'Ж.', 'жен', 'Жен.', 'женский', 'женщина', 'девочка', 'аял', 'кыз', 'кыз бала', 'Женский пол'], 'female');
		all(normaliseSex, ['male', 'M', 'man', 'boy', 'м', 'М.', 'муж', 'мужской', 'мужчина', 'мальчик', 'эркек', 'эркек бала', 'уул', 'мужской пол', 'парень'], 'male');
		all(normaliseSex, ['other', 'Other', 'non-binary', 'другое', 'башка'], 'other');
	});
	it('gives unknown without a problem for blanks and "not known"', () => {
		all(normaliseSex, ['', '  ', '-', 'unknown', 'не указано', 'не известно', 'неизвестно', 'белгисиз', 'n/a', UNKNOWN], UNKNOWN);
	});
	it('reports what it cannot read, «бала» (a child, of either sex) included', () => {
		each(normaliseSex, [
			['?', UNKNOWN, 'unrecognised sex "?"'],
			['бала', UNKNOWN, 'unrecognised sex "бала"'],
			['FM', UNKNOWN, 'unrecognised sex "FM"'],
			['say "x"', UNKNOWN, `unrecognised sex "say 'x'"`],
			['a'.repeat(100), UNKNOWN, `unrecognised sex "${'a'.repeat(60)}…"`]
		]);
	});
});

describe('normaliseAge(raw)', () => {
	it('puts an age in its band (0-4, 5-11, 12-17, 18-59, 60+)', () => {
		each(normaliseAge, [
			['0', '0-4'], ['4', '0-4'], ['4.9', '0-4'], ['5', '5-11'], ['11', '5-11'], ['12', '12-17'], ['17', '12-17'], ['17,5', '12-17'],
			['18', '18-59'], ['34', '18-59'], ['59', '18-59'], ['60', '60+'], ['97', '60+'], ['120', '60+'], ['34 years', '18-59'], ['34 лет', '18-59'],
			['Age: 7', '5-11']
		]);
	});
	it("reads an infant's age in months, weeks or days", () => {
		each(normaliseAge, [
			['6 мес', '0-4'], ['6 мес.', '0-4'], ['8 месяцев', '0-4'], ['11 months', '0-4'], ['3 ай', '0-4'], ['2 недели', '0-4'], ['10 дней', '0-4'],
			['3 days', '0-4'], ['5 күн', '0-4'], ['70 months', '5-11'], ['30000 days', '60+'],
			['2000 months', UNKNOWN, 'age out of range "2000 months"'],
			['6 parsecs', UNKNOWN, 'unrecognised age "6 parsecs"']
		]);
	});
	it('reads a value followed by a note in brackets as the value', () => {
		expect(normaliseAge('34 (примерно)')).toEqual({ value: '18-59' });
		expect(normaliseDisability('Да (1 гр.)')).toEqual({ value: 'yes' });
		expect(normaliseDisability('нет [не оформлена]')).toEqual({ value: 'no' });
		expect(normaliseSex('Ж (девочка)')).toEqual({ value: 'female' });
		expect(normaliseNationality('Узбекистан (вид на жительство)')).toEqual({ value: 'UZ' });
		expect(normaliseDisability('(?)')).toEqual({ value: UNKNOWN, problem: 'unrecognised disability value "(?)"' });
		expect(normaliseDisability('может быть (уточнить)')).toEqual({ value: UNKNOWN, problem: 'unrecognised disability value "может быть (уточнить)"' });
	});
	it('puts a range in the band that holds it, else child or adult', () => {
		each(normaliseAge, [
			['18-59', '18-59'], ['18–59', '18-59'], ['18 - 59', '18-59'], ['0-4', '0-4'], ['12-17', '12-17'], ['60+', '60+'],
			['Age 30-38', '18-59'], ['30 to 38', '18-59'], ['от 18 до 59', '18-59'], ['18-59 лет', '18-59'], ['60 и старше', '60+'],
			['60 лет и старше', '60+'], ['65 and over', '60+'], ['over 60', '60+'], ['старше 60', '60+'],
			['0--8', 'child'], ['9--17', 'child'], ['18--20', '18-59'], ['48+', 'adult'], ['18+', 'adult'], ['<18', 'child'], ['< 5', '0-4'],
			['<=4', '0-4'], ['under 18', 'child'], ['до 18 лет', 'child'], ['младше 12', 'child'], ['≤ 11', 'child'], ['>= 60', '60+']
		]);
	});
	it('reads child and adult in English, Russian and Kyrgyz', () => {
		all(normaliseAge, ['child', 'Children', 'minor', 'ребенок', 'ребёнок', 'дети', 'несовершеннолетний', 'бала', 'балдар'], 'child');
		all(normaliseAge, ['adult', 'Adults', 'взрослый', 'чоң киши', 'бойго жеткен'], 'adult');
		all(normaliseAge, ['', ' ', '-', 'unknown', 'не указано', 'age: unknown', 'Возраст: -'], UNKNOWN);
	});
	it('reports ranges across 18, reversed ranges, ages out of range and words it does not know', () => {
		each(normaliseAge, [
			['15-20', UNKNOWN, 'age range spans child and adult "15-20"'],
			['0-120', UNKNOWN, 'age range spans child and adult "0-120"'],
			['59-18', UNKNOWN, 'invalid age range "59-18"'],
			['130', UNKNOWN, 'age out of range "130"'],
			['-1', UNKNOWN, 'age out of range "-1"'],
			['18-130', UNKNOWN, 'age out of range "18-130"'],
			['<0', UNKNOWN, 'invalid age range "<0"'],
			['old', UNKNOWN, 'unrecognised age "old"'],
			['1e3', UNKNOWN, 'unrecognised age "1e3"']
		]);
	});
});

describe('normaliseNationality(raw)', () => {
	it('reads Kyrgyzstan in all its spellings', () => {
		all(normaliseNationality, [
			'KG', 'kg', 'KGZ', 'kgz', 'Kyrgyzstan', 'KYRGYZSTAN', 'Kyrgyz Republic', 'Kirghizia', 'Kyrgyz', 'Kyrgyzstani', 'Кыргызстан', 'Киргизия',
			'Кыргызская Республика', 'КР', 'Кыргыз Республикасы', 'кыргыз', 'кыргызка', 'киргизка', ' kyrgyzstan. '
		], 'KG');
	});
	it('reads names and demonyms of the region in English, Russian and Kyrgyz', () => {
		each(normaliseNationality, [
			['Afghan', 'AF'], ['афганец', 'AF'], ['Афганистан', 'AF'], ['Uzbek', 'UZ'], ['узбек', 'UZ'], ['узбечка', 'UZ'], ['Узбекистан', 'UZ'],
			['Өзбекстан', 'UZ'], ['Tajik', 'TJ'], ['таджичка', 'TJ'], ['Таджикистан', 'TJ'], ['Kazakh', 'KZ'], ['Казакстан', 'KZ'],
			['Russian', 'RU'], ['русская', 'RU'], ['Россия', 'RU'], ['РФ', 'RU'], ['Syrian', 'SY'], ['Pakistani', 'PK'], ['Indian', 'IN'],
			['India', 'IN'], ['Turkmen', 'TM'], ['Chinese', 'CN'], ['Кытай', 'CN'], ['Ukrainian', 'UA'], ['Türkiye', 'TR'], ['Turkey', 'TR'],
			['Republic of Uzbekistan', 'UZ'], ['Afghan national', 'AF'], ['Iran, Islamic Republic of', 'IR'], ['Côte d’Ivoire', 'CI'],
			['Cote d Ivoire', 'CI'], ['Bosnia and Herzegovina', 'BA'], ['Saint Kitts and Nevis', 'KN']
		]);
	});
	it('reads «гражданин/гражданка» followed by a country in the genitive', () => {
		each(normaliseNationality, [
			['гражданка Узбекистана', 'UZ'], ['гражданин Таджикистана', 'TJ'], ['гражданин России', 'RU'], ['гражданка Сирии', 'SY'],
			['гражданин Украины', 'UA'], ['гражданка Беларуси', 'BY'], ['гражданин КР', 'KG'],
			['гражданин Атлантиды', UNKNOWN, 'unrecognised country "гражданин Атлантиды"']
		]);
	});
	it('reads stateless in three languages', () => {
		all(normaliseNationality, ['stateless', 'Stateless', 'без гражданства', 'лицо без гражданства', 'ЛБГ', 'жарандыгы жок', 'apatride'], 'stateless');
	});
	it('gives unknown for blanks, and reads "NA" as not available rather than Namibia', () => {
		all(normaliseNationality, ['', 'unknown', 'не известно', 'неизвестно', 'белгисиз', 'n/a', 'NA', '-'], UNKNOWN);
	});
	it('reports what names no country, ethnicities included', () => {
		each(normaliseNationality, [
			['Atlantis', UNKNOWN, 'unrecognised country "Atlantis"'],
			['Uighur', UNKNOWN, 'unrecognised country "Uighur"'],
			['уйгур', UNKNOWN, 'unrecognised country "уйгур"'],
			['USSR', UNKNOWN, 'unrecognised country "USSR"'],
			['No', UNKNOWN, 'unrecognised country "No"']
		]);
	});
});

describe('normaliseDisability(raw)', () => {
	it('reads yes and no in English, Russian and Kyrgyz', () => {
		all(normaliseDisability, ['yes', 'Yes', 'Y', 'y', '1', '1.0', 'true', 'TRUE', 'with disability', 'disabled', 'да', 'Да', 'есть', 'имеется', 'инвалид', 'ребёнок-инвалид', 'ОВЗ', 'ооба', 'бар', 'майып'], 'yes');
		all(normaliseDisability, ['no', 'N', '0', 'false', 'without disability', 'none', 'нет', 'Нет', 'отсутствует', 'без инвалидности', 'жок'], 'no');
	});
	it('reads every Russian disability group as yes', () => {
		all(normaliseDisability, ['группа 1', 'группа 2', 'Группа 3', 'II группа', 'III группа', '2 гр.', 'инвалид 1 гр.', 'инвалидность 2 группы', 'I группа инвалидности'], 'yes');
	});
	it('gives unknown for blanks and non-answers, and reports the rest', () => {
		all(normaliseDisability, ['', 'unknown', 'не указано', 'белгисиз', "don't know", 'не знаю'], UNKNOWN);
		each(normaliseDisability, [
			['maybe', UNKNOWN, 'unrecognised disability value "maybe"'],
			['2', UNKNOWN, 'unrecognised disability value "2"'],
			['группа 4', UNKNOWN, 'unrecognised disability value "группа 4"'],
			['группа', UNKNOWN, 'unrecognised disability value "группа"'],
			['1 2 группа', UNKNOWN, 'unrecognised disability value "1 2 группа"']
		]);
	});
});

describe('normaliseWg(raw)', () => {
	it('reads the four answers as codes and as words in English, Russian and Kyrgyz', () => {
		each<WgAnswer | null>(normaliseWg, [
			['1', 1], ['2', 2], ['3', 3], ['4', 4], ['3.0', 3],
			['No difficulty', 1], ['No - no difficulty', 1], ['some difficulty', 2], ['Yes - some difficulty', 2],
			['A lot of difficulty', 3], ['Cannot do at all', 4], ['unable to do', 4],
			['нет затруднений', 1], ['нет трудностей', 1], ['некоторые затруднения', 2], ['значительные затруднения', 3], ['много затруднений', 3],
			['большие затруднения', 3], ['совсем не может', 4], ['не может совсем', 4],
			['кыйынчылык жок', 1], ['бир аз кыйынчылык', 2], ['көп кыйынчылык', 3], ['такыр кыла албайт', 4]
		]);
	});
	it('gives no answer, without a problem, for WG codes 7/8/9, refusals, "don\'t know" and blanks', () => {
		all(normaliseWg, ['7', '8', '9', 'refused', "Don't know", 'отказ', 'не знаю', 'затрудняюсь ответить', '', '-', 'n/a'], null);
	});
	it('reports anything else', () => {
		each(normaliseWg, [
			['often', null, 'unrecognised Washington Group answer "often"'],
			['0', null, 'unrecognised Washington Group answer "0"'],
			['5', null, 'unrecognised Washington Group answer "5"'],
			['yes', null, 'unrecognised Washington Group answer "yes"']
		]);
	});
});

describe('wgDisability(answers): the WG-SS cut-off', () => {
	it('is yes when any domain is "a lot of difficulty" or "cannot do at all", answered or not elsewhere', () => {
		expect(wgDisability([1, 1, 3, 1, 1, 1])).toBe('yes');
		expect(wgDisability([1, 1, 1, 1, 1, 4])).toBe('yes');
		expect(wgDisability([null, null, 4, null, null, null])).toBe('yes');
		expect(wgDisability([3])).toBe('yes');
	});
	it('is no only when all six domains are answered and none is 3 or 4', () => {
		expect(wgDisability([1, 2, 2, 1, 1, 1])).toBe('no');
		expect(wgDisability([2, 2, 2, 2, 2, 2])).toBe('no');
	});
	it('is unknown when a domain is missing and none is 3 or 4 (the missing one might have been)', () => {
		expect(wgDisability([1, null, 2, 1, 1, 1])).toBe(UNKNOWN);
		expect(wgDisability([1, 1, 1, 1])).toBe(UNKNOWN);
		expect(wgDisability([])).toBe(UNKNOWN);
		expect(wgDisability([null, null, null, null, null, null])).toBe(UNKNOWN);
	});
});

describe('normaliseCount(raw)', () => {
	it('reads whole numbers ≥ 0, with thousands grouped by spaces or commas', () => {
		each(normaliseCount, [
			['12', 12], ['0', 0], ['12.0', 12], ['12,0', 12], ['12.00', 12], ['1 234', 1234], ['1\u00a0234', 1234], ['1\u202f234', 1234], ['1,234', 1234],
			['1,234,567', 1234567], ['1 234 567', 1234567], [' 7 ', 7], ['2147483647', 2147483647]
		]);
	});
	it('reports the rest, and a blank count as missing', () => {
		each(normaliseCount, [
			['-1', null, 'invalid count "-1"'],
			['1.5', null, 'invalid count "1.5"'],
			['1,23', null, 'invalid count "1,23"'],
			['1 2 3', null, 'invalid count "1 2 3"'],
			['1,234 567', null, 'invalid count "1,234 567"'],
			['12 people', null, 'invalid count "12 people"'],
			['1e3', null, 'invalid count "1e3"'],
			['1.000', null, 'invalid count "1.000"'],
			['99999999999999999999', null, 'invalid count "99999999999999999999"'],
			// A phone number under a "number" header is no count (and overflowed the engine's INTEGER codes).
			['9193046161', null, 'invalid count "9193046161"'],
			['2147483648', null, 'invalid count "2147483648"'],
			['', null, 'missing count']
		]);
	});
});

describe('normaliseText(raw)', () => {
	it('trims, collapses inner whitespace, composes (NFC), and keeps the text as the category', () => {
		each(normaliseText, [
			['  Shelter   care ', 'Shelter care'],
			['Чуйская\tобласть', 'Чуйская область'],
			['Cafe\u0301', 'Café'],
			['Ош\u200b', 'Ош'],
			['Other', 'Other']
		]);
	});
	it('gives unknown for blanks and placeholders', () => {
		all(normaliseText, ['', '   ', '-', '—', 'n/a', 'не указано', '\u200b'], UNKNOWN);
	});
});

describe('values of the CTDC data standard', () => {
	it('reads -99 as unknown in every column, and 0 where 0 is no value (sex, country, adult/minor, type)', () => {
		for (const f of [normaliseSex, normaliseAge, normaliseNationality, normaliseDisability, normaliseMajority, normaliseExploitation] as ((raw: string) => Normalised<unknown>)[])
			all(f, ['-99', ' -99 ', '-99.0', 'unknown', 'Unknown'], UNKNOWN);
		for (const f of [normaliseSex, normaliseNationality, normaliseMajority, normaliseExploitation] as ((raw: string) => Normalised<unknown>)[]) all(f, ['0', '0.0'], UNKNOWN);
		// 0 is an age (an infant) and a disability answer (no).
		each(normaliseAge, [['0', '0-4']]);
		each(normaliseDisability, [['0', 'no']]);
		// A year stays required.
		each(normaliseYear, [['-99', null, 'missing year']]);
	});

	it('reads a yes/no column for each type (isSexualExploit, …): yes is 1, anything else not yes; set flags give one type, several, or unknown', () => {
		all(normaliseFlag, ['1', '1.0', 'yes', 'TRUE', 'да', 'Ооба', 'x'], true);
		all(normaliseFlag, ['0', '0.0', 'no', 'false', 'нет', 'жок', '-99', '', 'unknown'], false);
		each(normaliseFlag, [['maybe', false, 'not yes or no "maybe"']]);
		expect(exploitationOfFlags([])).toBe(UNKNOWN);
		expect(exploitationOfFlags(['labour'])).toBe('labour');
		expect(exploitationOfFlags(['other'])).toBe(OTHER);
		expect(exploitationOfFlags(['sex_and_labour'])).toBe(SEVERAL);
		// isSexAndLabour with isSexualExploit set too is still these two types, not a third.
		expect(exploitationOfFlags(['sexual', 'sex_and_labour'])).toBe(SEVERAL);
		expect(exploitationOfFlags(['sexual', 'sexual'])).toBe('sexual');
	});

	it('reads gender, ageBroad and majorityStatus as CTDC writes them', () => {
		each(normaliseSex, [['Female', 'female'], ['Male', 'male'], ['Transgender/NonConforming', 'other']]);
		each(normaliseAge, [['0--8', 'child'], ['9--17', 'child'], ['18--20', '18-59'], ['30--38', '18-59'], ['48+', 'adult']]);
		each(normaliseMajority, [['Minor', 'child'], ['Adult', 'adult'], ['minor', 'child'], ['Несовершеннолетний', 'child'], ['взрослый', 'adult'], ['9--17', 'child'], ['48+', 'adult'], ['maybe', UNKNOWN, 'unrecognised adult/minor value "maybe"']]);
	});

	it('reads a type of exploitation as a code, several types as SEVERAL, any other case type as written', () => {
		each(normaliseExploitation, [
			['Sexual exploitation', 'sexual'],
			['Forced labour', 'labour'],
			['forced labor', 'labour'],
			['Трудовая эксплуатация', 'labour'],
			['Forced marriage', 'marriage'],
			['Other', OTHER],
			['Sexual exploitation;Forced labour', SEVERAL],
			['Forced labour; -99', 'labour'],
			['Forced labour;Forced labour', 'labour'],
			['Сексуальная эксплуатация, трудовая эксплуатация', SEVERAL],
			['Домашнее насилие', 'Домашнее насилие'],
			['Violence, domestic', 'Violence, domestic'],
			['Domestic violence;Forced labour', SEVERAL]
		]);
	});
});

describe('every normaliser', () => {
	const bands: string[] = [...AGE_BANDS, 'child', 'adult', UNKNOWN];
	const codes = new Set(countryCodes());
	// Strings from the characters these parsers care about, besides arbitrary Unicode.
	const near = fc
		.array(fc.constantFrom(...'0123456789 .,-/+<:–TtГг'.split(''), 'от ', ' до ', 'Kyrgyz', 'жен', 'группа ', 'лет', 'mar'), { maxLength: 12 })
		.map((parts) => parts.join(''));
	const raw = fc.oneof(fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ maxLength: 40, unit: 'binary' }), near);

	it('never throws, and a value without a problem is a contract value', () => {
		fc.assert(
			fc.property(raw, (s) => {
				const year = normaliseYear(s);
				const date = normaliseDate(s);
				for (const y of [year, date]) expect(y.value === null ? y.problem !== undefined : Number.isInteger(y.value) && y.value >= 1950 && y.value <= 2100).toBe(true);
				const count = normaliseCount(s);
				expect(count.value === null ? count.problem !== undefined : Number.isSafeInteger(count.value) && count.value >= 0).toBe(true);

				const sex = normaliseSex(s);
				expect([...SEXES, UNKNOWN]).toContain(sex.value);
				const age = normaliseAge(s);
				expect(bands).toContain(age.value);
				const nat = normaliseNationality(s);
				expect(nat.value === UNKNOWN || nat.value === 'stateless' || codes.has(nat.value)).toBe(true);
				const dis = normaliseDisability(s);
				expect(['yes', 'no', UNKNOWN]).toContain(dis.value);
				const wg = normaliseWg(s);
				expect([1, 2, 3, 4, null]).toContain(wg.value);
				const majority = normaliseMajority(s);
				expect(['child', 'adult', UNKNOWN]).toContain(majority.value);
				const exploitation = normaliseExploitation(s);
				expect(exploitation.problem).toBeUndefined();
				expect(exploitation.value === UNKNOWN || (exploitation.value !== '' && exploitation.value === exploitation.value.trim())).toBe(true);
				const text = normaliseText(s);
				expect(text.value === UNKNOWN || (text.value !== '' && text.value === text.value.trim() && !/\s\s/.test(text.value))).toBe(true);

				// A problem names its kind and ends with the value in quotes (the loader groups by kind).
				for (const r of [year, date, count, sex, age, nat, dis, wg, majority, text]) {
					if (r.problem !== undefined) expect(r.problem).toMatch(/^(missing (year|date|count)|[^"]+ "[^"]*")$/);
					// Only year, date and count call a blank a problem; the others fall back to unknown.
					if (r.problem !== undefined && r !== year && r !== date && r !== count) expect(r.value === UNKNOWN || r.value === null).toBe(true);
				}
			}),
			{ seed: 7, numRuns: 2000 }
		);
	});

	it('wgDisability gives a contract value for any answers', () => {
		const answer = fc.constantFrom<WgAnswer | null>(1, 2, 3, 4, null);
		fc.assert(
			fc.property(fc.array(answer, { maxLength: 8 }), (answers) => {
				const d = wgDisability(answers);
				expect(d).toBe(answers.some((a) => a !== null && a >= 3) ? 'yes' : answers.length === 6 && !answers.includes(null) ? 'no' : UNKNOWN);
			}),
			{ seed: 7, numRuns: 500 }
		);
	});
});
