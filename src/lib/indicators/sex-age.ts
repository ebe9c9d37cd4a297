/** People by sex and age group; the release keys them as "sex|age" (or WITHHELD). */
import { categoryCountsSql, type Query } from './query';
import type { Level } from './level';

export function sexAgeSql(level: Level): Query {
	const c = categoryCountsSql('sex_age', level);
	return {
		sql: `SELECT split_part(category, '|', 1) AS sex, coalesce(nullif(split_part(category, '|', 2), ''), split_part(category, '|', 1)) AS age, n, exact
			FROM (${c.sql}) ORDER BY sex, age`,
		params: c.params
	};
}
