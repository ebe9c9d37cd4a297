import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { OTHER, UNKNOWN, WITHHELD } from '$lib/types';
import { chartOptions } from './labels';
import { regionChart, regionTable } from './region';
import { groupChart, groupTable } from './group';
import { emptyReason } from './dashboard';
import { renderSvg } from './render';

const en = chartOptions({ lang: 'en', k: 10 });
const ky = chartOptions({ lang: 'ky', k: 10 });
const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const text = (cell: string | { text: string }) => (typeof cell === 'string' ? cell : cell.text);

describe('region and group chart specs', () => {
	it('regionTable(rows) lists regions largest first, then Other regions, unknown and withheld; a count of 1..k−1 as "<10", never 0', () => {
		const rows = [{ category: WITHHELD, n: 23 }, { category: 'Talas', n: 5 }, { category: 'Bishkek', n: 34 }, { category: UNKNOWN, n: 11 }, { category: OTHER, n: 12 }, { category: 'Osh', n: 15 }];
		expect(regionTable(rows, en).rows.map((r) => r.map(text))).toEqual([
			['Bishkek city', '34'], ['Osh region', '15'], ['Talas', '<10'], ['Other regions', '12'], ['Unknown', '11'], ['Withheld', '23']
		]);
		expect(regionTable(rows, ky, { region: 'Аймак', people: 'Адам' }).rows.map((r) => text(r[0]))).toEqual([
			'Бишкек шаары', 'Ош облусу', 'Талас облусу', 'Башка аймактар', 'Белгисиз', 'Жашырылган'
		]);
	});

	it('regionChart(rows) draws a bar for each shown count and none for "<10", labelled in the page language', () => {
		const rows = [{ category: 'Chuy', n: 530 }, { category: 'Issyk-Kul', n: 208 }, { category: 'Batken', n: 4 }];
		const spec = regionChart(rows, ky);
		expect(spec.ariaDescription).toBe('Чүй облусу: 530; Ысык-Көл облусу: 208; Баткен облусу: <10');
		const svg = renderSvg(spec, doc());
		expect(svg.match(/<rect/g)?.length).toBe(2);
	});

	it('groupTable(rows) keeps the export’s group names, then Other groups and withheld', () => {
		const rows = [{ category: 'Refugee', n: 273 }, { category: WITHHELD, n: 14 }, { category: 'Survivor of domestic violence', n: 1038 }, { category: OTHER, n: 20 }];
		expect(groupTable(rows, en).rows.map((r) => r.map(text))).toEqual([
			['Survivor of domestic violence', '1,038'], ['Refugee', '273'], ['Other groups', '20'], ['Withheld', '14']
		]);
		expect(groupChart(rows, en).ariaLabel).toBe('People by beneficiary group');
	});

	it('emptyReason(people, beneficiaries): nothing to draw is said, as unpublished where the level has people, as nothing where it has none', () => {
		expect(emptyReason(118, 118)).toBeUndefined();
		expect(emptyReason(0, 118)).toBe('unpublished');
		expect(emptyReason(0, 0)).toBe('nothing');
	});
});
