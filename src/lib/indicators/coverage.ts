/**
 * Whether a level's rows hold every person of its years. A row group whose total is hidden (1..k−1
 * people, or hidden beside one) has no row at all: a sum over the level may lack it, and a selected
 * organisation with no row in a year may have people there. Its value is a true 0 only when its
 * siblings add up to their parent (nothing of that year is hidden at that depth).
 */
import { COUNTS_TABLE, where, type Query } from './query';
import type { Level } from './level';

/** Per period value of the level: whether its figures can be complete. Years not returned are (nobody there). */
export function coverageSql(level: Level): Query {
	const last = level.fields.at(-1);
	if (!last) return { sql: 'SELECT NULL::VARCHAR AS year, true AS complete WHERE false', params: [] };
	const { [last]: selected, ...parentValues } = level.values;
	const sum = (l: Level) => {
		const w = where('total', l);
		return { sql: `SELECT year, sum(n) AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} GROUP BY year`, params: w.params };
	};
	const own = sum(level);
	const siblings = sum({ ...level, values: parentValues });
	const parent = sum({ years: level.years, fields: level.fields.slice(0, -1), values: parentValues });
	return {
		sql: `WITH own AS (${own.sql}), siblings AS (${siblings.sql}), parent AS (${parent.sql})
			SELECT parent.year, (${selected === undefined ? 'false' : 'own.n IS NOT NULL'}) OR coalesce(siblings.n, 0) = parent.n AS complete
			FROM parent LEFT JOIN siblings USING (year) LEFT JOIN own USING (year)`,
		params: [...own.params, ...siblings.params, ...parent.params]
	};
}

/** The coverage of several levels in one statement (`level`: the index of each). */
export function coveragesSql(levels: Level[]): Query {
	const parts = levels.map(coverageSql);
	return {
		sql: parts.map((q, i) => `SELECT ${i} AS level, year, complete FROM (${q.sql})`).join(' UNION ALL '),
		params: parts.flatMap((q) => q.params)
	};
}
