import { describe, expect, it } from 'vitest';
import { alpha3, countryCodes, matchCountry } from './countries';

const names = (lang: string) => new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });

describe('countryCodes() and alpha3(code)', () => {
	it('list all 249 ISO 3166-1 codes once, each with a distinct alpha-3', () => {
		const codes = countryCodes();
		expect(codes.length).toBe(249);
		expect(new Set(codes).size).toBe(249);
		expect(codes.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
		expect(new Set(codes.map((c) => alpha3(c))).size).toBe(249);
	});

	it('alpha3(code) knows the region, in any case, and nothing else', () => {
		expect(['KG', 'UZ', 'TJ', 'KZ', 'TM', 'AF', 'RU', 'CN'].map((c) => alpha3(c))).toEqual(['KGZ', 'UZB', 'TJK', 'KAZ', 'TKM', 'AFG', 'RUS', 'CHN']);
		expect(alpha3('kg')).toBe('KGZ');
		expect(alpha3('XK')).toBeUndefined();
		expect(alpha3('UK')).toBeUndefined();
		expect(alpha3('')).toBeUndefined();
	});
});

describe('matchCountry(raw)', () => {
	it('round-trips every ISO code through itself, its alpha-3 and its English, Russian and Kyrgyz names', () => {
		const [en, ru, ky] = [names('en'), names('ru'), names('ky')];
		for (const code of countryCodes()) {
			expect(matchCountry(code), code).toBe(code);
			expect(matchCountry(code.toLowerCase()), code).toBe(code);
			expect(matchCountry(alpha3(code)!), code).toBe(code);
			expect(matchCountry(alpha3(code)!.toLowerCase()), code).toBe(code);
			expect(matchCountry(en.of(code)!), `${code} ${en.of(code)}`).toBe(code);
			expect(matchCountry(ru.of(code)!), `${code} ${ru.of(code)}`).toBe(code);
			expect(matchCountry(ky.of(code)!), `${code} ${ky.of(code)}`).toBe(code);
		}
	});

	it('reads Kyrgyzstan in all its spellings', () => {
		const spellings = [
			'KG', 'kg', 'KGZ', 'Kyrgyzstan', 'kyrgyzstan', 'KYRGYZSTAN', 'Kyrgyz Republic', 'the Kyrgyz Republic', 'Kirghizia', 'Kirgizia', 'Kirgizstan',
			'Kyrgystan', 'Kyrgyz', 'Kirghiz', 'Kyrgyzstani', 'Кыргызстан', 'КЫРГЫЗСТАН', 'Киргизия', 'Киргизстан', 'Кыргызская Республика',
			'Киргизская Республика', 'КР', 'Кыргыз Республикасы', 'кыргыз', 'кыргызка', 'киргиз', 'киргизка', 'кыргызстанец', 'кыргызстанка',
			'Kyrgyz citizen', 'citizen of Kyrgyzstan'
		];
		for (const s of spellings) expect(matchCountry(s), s).toBe('KG');
	});

	it('reads demonyms as citizenship, in English and Russian (both genders) and Kyrgyz', () => {
		const cases: [string, string][] = [
			['Afghan', 'AF'], ['афганец', 'AF'], ['афганка', 'AF'], ['Uzbek', 'UZ'], ['узбек', 'UZ'], ['узбечка', 'UZ'], ['өзбек', 'UZ'],
			['Tajik', 'TJ'], ['таджик', 'TJ'], ['таджичка', 'TJ'], ['Kazakh', 'KZ'], ['казах', 'KZ'], ['казашка', 'KZ'], ['Turkmen', 'TM'],
			['Russian', 'RU'], ['русский', 'RU'], ['русская', 'RU'], ['россиянка', 'RU'], ['орус', 'RU'], ['Syrian', 'SY'], ['сирийка', 'SY'],
			['Pakistani', 'PK'], ['Indian', 'IN'], ['Iranian', 'IR'], ['Chinese', 'CN'], ['китаянка', 'CN'], ['Turkish', 'TR'], ['Ukrainian', 'UA'],
			['украинка', 'UA'], ['Belarusian', 'BY'], ['Azerbaijani', 'AZ'], ['Armenian', 'AM'], ['Georgian', 'GE'], ['Moldovan', 'MD'],
			['Mongolian', 'MN'], ['Bangladeshi', 'BD'], ['Yemeni', 'YE'], ['Iraqi', 'IQ'], ['Somali', 'SO'], ['Sudanese', 'SD'], ['Eritrean', 'ER']
		];
		for (const [raw, code] of cases) expect(matchCountry(raw), raw).toBe(code);
	});

	it('reads formal and older names, and ignores case, accents, punctuation and ё', () => {
		const cases: [string, string][] = [
			['Russian Federation', 'RU'], ['Российская Федерация', 'RU'], ['РФ', 'RU'], ['Республика Узбекистан', 'UZ'], ['Republic of Tajikistan', 'TJ'],
			['Islamic Republic of Afghanistan', 'AF'], ['Syrian Arab Republic', 'SY'], ["People's Republic of China", 'CN'], ['КНР', 'CN'],
			['Turkey', 'TR'], ['Turkiye', 'TR'], ['Türkiye', 'TR'], ['Белоруссия', 'BY'], ['Молдавия', 'MD'], ['Moldova, Republic of', 'MD'],
			['Korea, Republic of', 'KR'], ['Viet Nam', 'VN'], ['Czech Republic', 'CZ'], ['Swaziland', 'SZ'], ['Ivory Coast', 'CI'],
			['COTE D’IVOIRE', 'CI'], ['United States of America', 'US'], ['USA', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'], ['Myanmar', 'MM'],
			['Bosnia and Herzegovina', 'BA'], ['Сент-Китс и Невис', 'KN'], ['острова Херд и Макдональд', 'HM'], ['  afghanistan!  ', 'AF'],
			['Côte d’Ivoire', 'CI'], ['Cote-d-Ivoire', 'CI'], ['Объединённые Арабские Эмираты', 'AE']
		];
		for (const [raw, code] of cases) expect(matchCountry(raw), raw).toBe(code);
	});

	it('reads statelessness in English, French, Russian and Kyrgyz', () => {
		for (const s of ['stateless', 'STATELESS', 'Stateless person', 'apatride', 'без гражданства', 'лицо без гражданства', 'ЛБГ', 'апатрид', 'жарандыгы жок']) {
			expect(matchCountry(s), s).toBe('stateless');
		}
	});

	it('gives null for what names no current country, an ethnicity, or a title-case word that only looks like a code', () => {
		for (const s of ['', ' ', '-', 'Atlantis', 'Uighur', 'уйгур', 'Dungan', 'USSR', 'СССР', 'Congo', 'Kurdistan', 'No', 'In', 'Kg', 'XK', 'ZZ', 'ZZZ', 'Republic of']) {
			expect(matchCountry(s), s).toBeNull();
		}
	});
});
