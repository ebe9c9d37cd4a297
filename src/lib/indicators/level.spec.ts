import { describe, expect, it } from 'vitest';
import { ALL } from '$lib/types';
import { catalogFromCells, chooseLevel, otherCountriesOf, perYear, type CatalogCell } from './level';

// A release cut by organisation then programme: every period × depth, years 2021–2024, one grant period.
const periods = [ALL, '2023-2024', '2021', '2022', '2023', '2024'];
const depths: CatalogCell['fields'][] = [[], ['organisation'], ['organisation', 'programme']];
const release = catalogFromCells(
	periods.flatMap((year) => depths.map((fields) => ({ year, fields }))),
	[{ year: ALL, organisation: 'A', programme: ALL, group: ALL, countries: 2 }, { year: '2023', organisation: ALL, programme: ALL, group: ALL, countries: 3 }]
);
// /upload's exact table: single years at the finest scope only.
const exact = catalogFromCells(['2021', '2022', '2023'].map((year) => ({ year, fields: ['organisation', 'programme', 'group'] })));

describe('catalogFromCells(cells, otherCountries)', () => {
	it('reads the single years, the periods (ALL spanning them all), the scope order and the depths', () => {
		expect(release.years).toEqual([2021, 2022, 2023, 2024]);
		expect(release.periods).toEqual([{ year: ALL, from: 2021, to: 2024 }, { year: '2023-2024', from: 2023, to: 2024 }]);
		expect(release.scope).toEqual(['organisation', 'programme']);
		expect(release.depths).toEqual([0, 1, 2]);
		expect(exact).toMatchObject({ years: [2021, 2022, 2023], periods: [], scope: ['organisation', 'programme', 'group'], depths: [3] });
	});
});

describe('chooseLevel(filters, catalog)', () => {
	it('answers the whole period for all organisations from the ALL rows, also for a range covering every year', () => {
		const whole = { years: [ALL], fields: [], values: {} };
		expect(chooseLevel({}, release)).toEqual(whole);
		expect(chooseLevel({ from: 2021, to: 2024 }, release)).toEqual(whole);
		expect(chooseLevel({ from: 2015, to: 2030 }, release)).toEqual(whole);
	});

	it('answers a grant period from its rows, any other range from the single years', () => {
		expect(chooseLevel({ from: 2023, to: 2024 }, release).years).toEqual(['2023-2024']);
		expect(chooseLevel({ from: 2021, to: 2023 }, release).years).toEqual(['2021', '2022', '2023']);
		expect(chooseLevel({ from: 2024, to: 2024 }, release).years).toEqual(['2024']);
		expect(chooseLevel({ from: 2030, to: 2031 }, release).years).toEqual([]);
	});

	it('takes the depth of the last scope field filtered, summing over the fields above it left open', () => {
		expect(chooseLevel({ organisation: 'A' }, release)).toEqual({ years: [ALL], fields: ['organisation'], values: { organisation: 'A' } });
		expect(chooseLevel({ programme: 'P', from: 2023, to: 2024 }, release)).toEqual({ years: ['2023-2024'], fields: ['organisation', 'programme'], values: { programme: 'P' } });
		// A trend split by organisation needs the organisations' rows.
		expect(chooseLevel({}, release, ['organisation']).fields).toEqual(['organisation']);
	});

	it("sums the finest rows of a table that has nothing else (/upload's exact table)", () => {
		expect(chooseLevel({}, exact)).toEqual({ years: ['2021', '2022', '2023'], fields: ['organisation', 'programme', 'group'], values: {} });
		expect(chooseLevel({ organisation: 'A', from: 2022 }, exact)).toEqual({ years: ['2022', '2023'], fields: ['organisation', 'programme', 'group'], values: { organisation: 'A' } });
	});

	it('perYear(level) keeps the scope level and lists the single years of the range', () => {
		const level = chooseLevel({ organisation: 'A', from: 2023, to: 2024 }, release);
		expect(perYear(level, { organisation: 'A', from: 2023, to: 2024 }, release)).toEqual({ years: ['2023', '2024'], fields: ['organisation'], values: { organisation: 'A' } });
	});
});

describe('otherCountriesOf(level, catalog)', () => {
	it('counts the countries in "Other nationalities" of one published row group only', () => {
		expect(otherCountriesOf(chooseLevel({ organisation: 'A' }, release), release)).toBe(2);
		expect(otherCountriesOf(chooseLevel({ from: 2023, to: 2023 }, release), release)).toBe(3);
		// Several row groups summed (organisations, years): their Others may hold the same countries.
		expect(otherCountriesOf(chooseLevel({ programme: 'P' }, release), release)).toBe(0);
		expect(otherCountriesOf(chooseLevel({ from: 2022, to: 2023 }, release), release)).toBe(0);
	});
});
