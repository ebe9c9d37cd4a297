/** People by sex and age group; the release keys them as "sex|age" (or WITHHELD). */
import { COUNTS_TABLE, where, type Query } from './query';
import type { Level } from './level';

export function sexAgeSql(level: Level): Query {
	const w = where('sex_age', level);
	return {
		sql: `SELECT split_part(category, '|', 1) AS sex, coalesce(nullif(split_part(category, '|', 2), ''), split_part(category, '|', 1)) AS age, sum(n)::DOUBLE AS n
			FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY ALL ORDER BY sex, age`,
		params: w.params
	};
}
