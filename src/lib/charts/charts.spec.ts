import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { OTHER, SEVERAL, UNKNOWN, WITHHELD } from '$lib/types';
import { chartOptions } from './labels';
import { NATIONALITIES, nationalitiesChart, nationalitiesTable } from './nationalities';
import { topCategories } from './ranked';
import { trendChart, trendTable } from './trend';
import { sexAgeChart, sexAgeTable } from './sex-age';
import { disabilityTable } from './disability';
import { exploitationChart, exploitationTable } from './exploitation';
import { renderSvg } from './render';

const opts = chartOptions({ lang: 'en', k: 10 });
const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

describe('chart specs', () => {
	it('topCategories(rows, max, last) keeps the largest countries and puts the rest in Other, non-countries last', () => {
		const rows = [{ category: UNKNOWN, n: 5 }, { category: 'KG', n: 300 }, { category: 'UZ', n: 40 }, { category: 'AF', n: 20 }, { category: 'TJ', n: 15 }, { category: OTHER, n: 12 }, { category: 'stateless', n: 11 }];
		expect(topCategories(rows, 2, NATIONALITIES.last)).toEqual([
			{ category: 'KG', n: 300 }, { category: 'UZ', n: 40 }, { category: 'stateless', n: 11 }, { category: OTHER, n: 47 }, { category: UNKNOWN, n: 5 }
		]);
	});

	it('nationalitiesChart(rows) draws twelve countries and folds the rest; nationalitiesTable(rows) lists every country', () => {
		const codes = ['KG', 'UZ', 'TJ', 'AF', 'KZ', 'RU', 'PK', 'IN', 'SY', 'TR', 'CN', 'IR', 'DE', 'US'];
		const rows = codes.map((category, i) => ({ category, n: 200 - i * 10 }));
		const svg = renderSvg(nationalitiesChart(rows, opts), doc());
		expect(svg.match(/<rect/g)?.length).toBe(13);
		expect(svg).toContain('Other nationalities');
		expect(nationalitiesTable(rows, opts).rows.map((r) => r[1])).toEqual(rows.map((r) => String(r.n)));
	});

	it('exploitationChart(rows) draws types largest first, then several, other, unknown and withheld; past twelve in Other types', () => {
		const rows = [{ category: UNKNOWN, n: 30 }, { category: SEVERAL, n: 12 }, { category: 'labour', n: 21 }, { category: OTHER, n: 11 }, { category: 'sexual', n: 24 }, { category: WITHHELD, n: 15 }];
		expect(exploitationTable(rows, opts).rows).toEqual([
			['Sexual exploitation', '24'], ['Forced labour', '21'], ['Several types', '12'], ['Other types', '11'], ['Unknown', '30'], ['Withheld', '15']
		]);
		const many = Array.from({ length: 14 }, (_, i) => ({ category: `Case type ${i + 1}`, n: 100 - i }));
		const svg = renderSvg(exploitationChart(many, opts), doc());
		expect(svg.match(/<rect/g)?.length).toBe(13);
		expect(svg).toContain('Other types');
		expect(exploitationTable(many, opts).rows).toHaveLength(14);
	});

	it('trendChart(rows) renders one bar per year in Node, and small counts only as "<k" text', () => {
		const svg = renderSvg(trendChart([{ year: 2023, key: '', n: 120 }, { year: 2024, key: '', n: 7 }, { year: 2025, key: '', n: 90 }], opts), doc());
		expect(svg.match(/<rect/g)?.length).toBe(2);
		expect(svg).toContain('&lt;10');
		expect(svg).not.toMatch(/>7</);
		expect(trendTable([{ year: 2024, key: '', n: 7 }], opts)).toEqual({ columns: ['Year', 'People'], rows: [['2024', '<10']] });
	});

	it('nationalitiesChart(rows) names countries in the language and keeps tables in step with the chart', () => {
		const ru = chartOptions({ lang: 'ru', k: 10 });
		const rows = [{ category: 'KG', n: 300 }, { category: WITHHELD, n: 14 }];
		expect(nationalitiesTable(rows, ru)).toEqual({ columns: ['Nationality', 'People'], rows: [['Кыргызстан', '300'], ['Скрыто', '14']] });
		expect(renderSvg(nationalitiesChart(rows, ru), doc())).toContain('Кыргызстан');
	});

	it('count axes are numbers in the language ("1,000", not "1k"), and absent when every figure is "<k"', () => {
		const rows = [{ year: 2023, key: '', n: 1200 }, { year: 2024, key: '', n: 300 }];
		const en = renderSvg(trendChart(rows, opts), doc());
		expect(en).toContain('>1,000<');
		expect(en).not.toMatch(/>[\d.]+k</);
		const ru = renderSvg(trendChart(rows, chartOptions({ lang: 'ru', k: 10 })), doc()).replaceAll('&#160;', '\u00a0');
		expect(ru).toContain(`>${new Intl.NumberFormat('ru').format(1000)}<`);
		for (const svg of [
			renderSvg(trendChart([{ year: 2024, key: '', n: 4 }], opts), doc()),
			renderSvg(sexAgeChart([{ sex: 'female', age: '18-59', n: 3 }, { sex: 'male', age: '18-59', n: 2 }], opts), doc()),
			renderSvg(nationalitiesChart([{ category: 'KG', n: 6 }], opts), doc())
		]) {
			expect(svg).not.toContain('NaN');
			expect(svg).toContain('&lt;10');
		}
	});

	it('calls folded children and adults "other" only beside the bands that are shown', () => {
		const rows = [{ sex: 'female', age: '0-4', n: 12 }, { sex: 'female', age: 'child', n: 30 }, { sex: 'male', age: 'adult', n: 20 }];
		expect(sexAgeTable(rows, opts).rows.map((r) => r[0])).toEqual(['0–4', 'Other children', 'Adults']);
		expect(sexAgeTable(rows, chartOptions({ lang: 'ru', k: 10 })).rows.map((r) => r[0])).toEqual(['0–4', 'Другие дети', 'Взрослые']);
	});

	it('tables for disability and sex × age apply the display rules', () => {
		expect(disabilityTable([{ year: 2024, yes: 40, no: 60, unknown: 3 }], opts).rows).toEqual([['2024', '40%', '100', '<10']]);
		expect(sexAgeTable([{ sex: 'male', age: '60+', n: 4 }, { sex: 'female', age: '0-4', n: 12 }], opts).rows).toEqual([
			['0–4', 'Women and girls', '12'], ['60+', 'Men and boys', '<10']
		]);
	});
});
