import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { OTHER, SEVERAL, UNKNOWN, WITHHELD } from '$lib/types';
import { chartOptions } from './labels';
import { NATIONALITIES, nationalitiesChart, nationalitiesTable } from './nationalities';
import { cellText, type ChartTable } from './common';
import { topCategories } from './ranked';
import { trendChart, trendTable } from './trend';
import { sexAgeChart, sexAgeTable } from './sex-age';
import { disabilityTable } from './disability';
import { exploitationChart, exploitationTable } from './exploitation';
import { renderSvg } from './render';

const opts = chartOptions({ lang: 'en', k: 10 });
const texts = (table: ChartTable) => table.rows.map((row) => row.map(cellText));
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
		expect(texts(nationalitiesTable(rows, opts)).map((r) => r[1])).toEqual(rows.map((r) => String(r.n)));
	});

	it('exploitationChart(rows) draws types largest first, then several, other, unknown and withheld; past twelve in Other types', () => {
		const rows = [{ category: UNKNOWN, n: 30 }, { category: SEVERAL, n: 12 }, { category: 'labour', n: 21 }, { category: OTHER, n: 11 }, { category: 'sexual', n: 24 }, { category: WITHHELD, n: 15 }];
		expect(texts(exploitationTable(rows, opts))).toEqual([
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
		expect(trendTable([{ year: 2024, key: '', n: 7 }], opts)).toEqual({ columns: ['Year', 'People'], rows: [['2024', { text: '<10', value: '', bound: 'hidden', key: '2024' }]] });
	});

	it('nationalitiesChart(rows) names countries in the language and keeps tables in step with the chart', () => {
		const ru = chartOptions({ lang: 'ru', k: 10 });
		const rows = [{ category: 'KG', n: 300 }, { category: WITHHELD, n: 14 }];
		expect(texts(nationalitiesTable(rows, ru))).toEqual([['Кыргызстан', '300'], ['Скрыто', '14']]);
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
		expect(texts(sexAgeTable(rows, opts)).map((r) => r[0])).toEqual(['0–4', 'Other children', 'Adults']);
		expect(texts(sexAgeTable(rows, chartOptions({ lang: 'ru', k: 10 }))).map((r) => r[0])).toEqual(['0–4', 'Другие дети', 'Взрослые']);
	});

	it('tables for disability and sex × age apply the display rules', () => {
		expect(texts(disabilityTable([{ year: 2024, yes: 40, no: 60, unknown: 3 }], opts))).toEqual([['2024', '40%', '100', '<10']]);
		expect(texts(sexAgeTable([{ sex: 'male', age: '60+', n: 4 }, { sex: 'female', age: '0-4', n: 12 }], opts))).toEqual([
			['0–4', 'Women and girls', '12'], ['60+', 'Men and boys', '<10']
		]);
	});

	it('marks every figure of a table: exact, a lower bound "≥ N" (and a fold holding one), "<k", or "—" for a share whose parts are not true', () => {
		const figures = (t: ChartTable) => t.rows.map((r) => r.filter((c) => typeof c !== 'string'));
		const rows = [{ category: 'KG', n: 300 }, { category: 'UZ', n: 99, exact: false as const }, { category: OTHER, n: 20 }, { category: WITHHELD, n: 14 }];
		expect(figures(nationalitiesTable(rows, opts))).toEqual([
			[{ text: '300', value: '300', bound: 'exact', key: 'KG' }], [{ text: '≥ 99', value: '99', bound: 'lower', key: 'UZ' }],
			[{ text: '20', value: '20', bound: 'exact', key: OTHER }], [{ text: '14', value: '14', bound: 'exact', key: WITHHELD }]
		]);
		// Past the twelfth, a country is folded into Other in the chart: Other is then a lower bound too.
		const many = [...Array.from({ length: 12 }, (_, i) => ({ category: `C${i}`, n: 500 - i })), { category: 'UZ', n: 99, exact: false as const }];
		expect(topCategories(many, 12, NATIONALITIES.last).at(-1)).toEqual({ category: OTHER, n: 99, exact: false });
		expect(renderSvg(nationalitiesChart(rows, opts), doc())).toContain('≥ 99');
		expect(figures(disabilityTable([{ year: 2024, yes: 40, no: 60, unknown: 0, exact: false, unknownExact: false }], opts))).toEqual([[
			{ text: '—', value: '', bound: 'none', key: '2024|share' }, { text: '≥ 100', value: '100', bound: 'lower', key: '2024|known' },
			{ text: '—', value: '', bound: 'none', key: '2024|unknown' }
		]]);
		expect(figures(trendTable([{ year: 2024, key: 'Refugee', n: 30, exact: false }], opts))).toEqual([[{ text: '≥ 30', value: '30', bound: 'lower', key: '2024|Refugee' }]]);
		// Less than k seen of a lower bound: '≥ 5' would read as a small count shown; it claims nothing instead.
		expect(figures(trendTable([{ year: 2024, key: 'Refugee', n: 5, exact: false }], opts))).toEqual([[{ text: '—', value: '', bound: 'none', key: '2024|Refugee' }]]);
	});
});
