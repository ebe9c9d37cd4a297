import { expect, it } from 'vitest';
import { changeFilter, filtersFromSearch, sameFilters, searchFromFilters } from './filters';

const defaults = { from: 2019, to: 2025 };

it('filtersFromSearch(search, defaults) reads the shared URL keys and keeps defaults for the rest', () => {
	expect(filtersFromSearch(new URLSearchParams('from=2023&programme=Shelter%20%26%20care&org=A'), defaults)).toEqual({
		from: 2023, to: 2025, programme: 'Shelter & care', organisation: 'A'
	});
	expect(filtersFromSearch(new URLSearchParams('from=20233&to=x'), defaults)).toEqual(defaults);
});

it('searchFromFilters(filters, defaults) writes only what differs, and round-trips', () => {
	const filters = { from: 2023, to: 2025, group: 'Refugee' };
	const search = searchFromFilters(filters, defaults);
	expect(search.toString()).toBe('from=2023&group=Refugee');
	expect(filtersFromSearch(search, defaults)).toEqual(filters);
	expect(sameFilters(filters, { ...filters })).toBe(true);
	expect(sameFilters(filters, defaults)).toBe(false);
});

it('changeFilter(filters, field, raw) sets a year or a scope value, clears on "", and keeps from ≤ to', () => {
	const f = { from: 2020, to: 2023, organisation: 'A' };
	expect(changeFilter(f, 'from', '2021')).toEqual({ from: 2021, to: 2023, organisation: 'A' });
	expect(changeFilter(f, 'organisation', '')).toEqual({ from: 2020, to: 2023 });
	expect(changeFilter(f, 'programme', 'Shelter')).toEqual({ ...f, programme: 'Shelter' });
	expect(changeFilter(f, 'from', '2025')).toEqual({ from: 2025, to: 2025, organisation: 'A' });
	expect(changeFilter(f, 'to', '2019')).toEqual({ from: 2019, to: 2019, organisation: 'A' });
});
