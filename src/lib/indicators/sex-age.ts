/** People by sex and age group; the release keys them as "sex|age" (or WITHHELD). */
import type { SexAgeRow } from '$lib/types';
import type { CountedCategory } from './query';

/** The sex_age view's categories as sex and age group, in order of sex, then age. */
export function sexAgeRows(rows: CountedCategory[]): (SexAgeRow & { exact: boolean })[] {
	return rows
		.map(({ category, n, exact }) => {
			const [sex, age] = category.split('|');
			return { sex, age: age || sex, n, exact };
		})
		.sort((a, b) => (a.sex < b.sex ? -1 : a.sex > b.sex ? 1 : a.age < b.age ? -1 : a.age > b.age ? 1 : 0));
}
