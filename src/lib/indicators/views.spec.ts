import { describe, expect, it } from 'vitest';
import { oneChangeAway, stackChoices, viewKey } from './views';

describe('prepared views', () => {
	const options = { years: [2022, 2023, 2024], organisation: ['A', 'B'], programme: ['P'], group: [] };

	it('are the default view and every view one choice away from it', () => {
		const keys = oneChangeAway({ from: 2022, to: 2024 }, options, ['organisation']).map(viewKey);
		expect(keys).toEqual([
			'from=2022&to=2024|none',
			'from=2022&to=2022|none',
			'from=2023&to=2024|none',
			'from=2022&to=2023|none',
			'from=2024&to=2024|none',
			'from=2022&org=A&to=2024|none',
			'from=2022&org=B&to=2024|none',
			'from=2022&to=2024|organisation',
			'from=2022&to=2024|group'
		]);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('key a view by its filters whatever their order, and by the split of the trend', () => {
		expect(viewKey({ filters: { organisation: 'A', to: 2024, from: 2022 }, stackBy: 'none' })).toBe(viewKey({ filters: { from: 2022, to: 2024, organisation: 'A' }, stackBy: 'none' }));
		expect(viewKey({ filters: { from: 2022 }, stackBy: 'none' })).not.toBe(viewKey({ filters: { from: 2022 }, stackBy: 'group' }));
	});

	it('split the trend by the scope fields, and by group when group is not in the scope', () => {
		expect(stackChoices(['organisation'])).toEqual(['none', 'organisation', 'group']);
		expect(stackChoices(['organisation', 'group'])).toEqual(['none', 'organisation', 'group']);
	});
});
