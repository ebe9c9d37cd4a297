import { describe, expect, it } from 'vitest';
import { regionName } from './region-names';

describe('regionName(value, lang)', () => {
	it('names the sample’s oblasts and cities as Kyrgyzstan names them, in three languages', () => {
		const sample = ['Batken', 'Bishkek', 'Chuy', 'Issyk-Kul', 'Jalal-Abad', 'Naryn', 'Osh', 'Osh city', 'Talas'];
		expect(sample.map((v) => regionName(v, 'en'))).toEqual(['Batken', 'Bishkek city', 'Chuy', 'Issyk-Kul', 'Jalal-Abad', 'Naryn', 'Osh region', 'Osh city', 'Talas']);
		expect(sample.map((v) => regionName(v, 'ru'))).toEqual([
			'Баткенская область', 'город Бишкек', 'Чуйская область', 'Иссык-Кульская область', 'Джалал-Абадская область', 'Нарынская область', 'Ошская область', 'город Ош', 'Таласская область'
		]);
		expect(sample.map((v) => regionName(v, 'ky'))).toEqual([
			'Баткен облусу', 'Бишкек шаары', 'Чүй облусу', 'Ысык-Көл облусу', 'Жалал-Абад облусу', 'Нарын облусу', 'Ош облусу', 'Ош шаары', 'Талас облусу'
		]);
	});

	it('reads a region written in Russian or Kyrgyz, with or without "oblast" or "city"', () => {
		expect(regionName('Чуйская область', 'en')).toBe('Chuy');
		expect(regionName('Чүй облусу', 'ru')).toBe('Чуйская область');
		expect(regionName('Chui oblast', 'ky')).toBe('Чүй облусу');
		expect(regionName('г. Бишкек', 'en')).toBe('Bishkek city');
		expect(regionName('Ош шаары', 'en')).toBe('Osh city');
		expect(regionName('город Ош', 'ky')).toBe('Ош шаары');
		expect(regionName('Ошская область', 'en')).toBe('Osh region');
		expect(regionName('Osh oblast', 'en')).toBe('Osh region');
		expect(regionName('  issyk-kul  ', 'ru')).toBe('Иссык-Кульская область');
	});

	it('leaves any other region to be shown as written', () => {
		expect(regionName('Almaty', 'en')).toBeUndefined();
		expect(regionName('Naryn city', 'en')).toBeUndefined();
		expect(regionName('', 'ru')).toBeUndefined();
	});
});
