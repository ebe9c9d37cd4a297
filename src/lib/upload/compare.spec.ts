import { expect, it } from 'vitest';
import { compareYears } from './compare';

const f = (year: number, beneficiaries: number) => ({ year, beneficiaries, disability: { yes: 40, known: 100 }, nationalities: 3 });

it('compareYears(published, dropped) flags fewer people, a missing year and a new year', () => {
	const rows = compareYears([f(2022, 100), f(2023, 120), f(2024, 90)], [f(2023, 110), f(2024, 95), f(2025, 30)]);
	expect(rows.map((r) => [r.year, r.warnings])).toEqual([
		[2022, ['year-missing']],
		[2023, ['fewer-people']],
		[2024, []],
		[2025, ['new-year']]
	]);
	expect(rows[0].dropped).toBeNull();
	expect(rows[3].published).toBeNull();
});
