/**
 * The figures a grant report needs, from the same count table as the dashboard: for the period's
 * own level (a grant period from its rows) in one row, or per single year. Withheld people cannot
 * be attributed to a sex, age or nationality: those figures are published lower bounds whenever
 * some people of the period are withheld (the table says so). "Other nationalities" are foreign
 * nationals wherever the home country is published as its own row of the row group (it was not
 * folded into them); elsewhere they are unattributed too.
 */
import { OTHER, UNKNOWN, WITHHELD } from '$lib/types';
import { COUNTS_TABLE, where, type Query } from '$lib/indicators/query';
import { NOT_A_COUNTRY } from '$lib/indicators/nationalities';
import type { Level } from '$lib/indicators/level';

export const REPORT_INDICATORS = ['beneficiaries', 'women-girls', 'children', 'disability-share', 'disability-unknown', 'nationalities', 'foreign', 'stateless'] as const;
export type ReportIndicator = (typeof REPORT_INDICATORS)[number];

const CHILD_AGES = ['0-4', '5-11', '12-17', 'child'];

/**
 * Every count the report table and sentences use, for the rows of `level`: one row (year 0)
 * summing them, or with `byYear` one row per single year (then `level` must hold single years).
 * `countries` is the number of distinct countries shown.
 */
export function reportFiguresSql(level: Level, home: string, byYear: boolean): Query {
	// `bucket`, not `year`: the row groups below are grouped by the year column itself.
	const bucket = byYear ? 'year::INTEGER' : '0';
	const t = where('total', level);
	const s = where('sex_age', level);
	const d = where('disability', level);
	const n = where('nationality', level);
	const list = (xs: string[]) => xs.map(() => '?').join(', ');
	// Per row group, then per bucket: a breakdown published for only some row groups of a bucket
	// (a finest table with totals only) leaves the others' people unattributed, never counted as 0.
	return {
		sql: `WITH
			total AS (SELECT ${bucket} AS bucket, sum(n) AS people FROM ${COUNTS_TABLE} WHERE ${t.sql} GROUP BY bucket),
			sex_age AS (SELECT ${bucket} AS bucket,
				sum(n) FILTER (split_part(category, '|', 1) = 'female') AS women,
				sum(n) FILTER (split_part(category, '|', 2) IN (${list(CHILD_AGES)})) AS children,
				sum(n) FILTER (category = '${WITHHELD}') AS withheld,
				sum(n) AS covered
				FROM ${COUNTS_TABLE} WHERE ${s.sql} GROUP BY bucket),
			disability_cell AS (SELECT ${bucket} AS bucket,
				coalesce(sum(n) FILTER (category = 'yes'), 0) AS yes, coalesce(sum(n) FILTER (category = 'no'), 0) AS no,
				coalesce(sum(n) FILTER (category = '${UNKNOWN}'), 0) AS unknown,
				coalesce(sum(n) FILTER (category = '${WITHHELD}'), 0) AS withheld,
				-- Withheld people hold no "unknown" when it is shown: the count of unknown is exact.
				CASE WHEN bool_or(category = '${UNKNOWN}') THEN 0 ELSE coalesce(sum(n) FILTER (category = '${WITHHELD}'), 0) END AS unknown_unattributed,
				sum(n) AS covered,
				-- Withheld people hold no "yes" or "no" when both are shown: the share among the known is exact.
				coalesce(sum(n) FILTER (category = '${WITHHELD}'), 0) = 0 OR (bool_or(category = 'yes') AND bool_or(category = 'no')) AS share_exact
				FROM ${COUNTS_TABLE} WHERE ${d.sql} GROUP BY year, organisation, programme, "group"),
			disability AS (SELECT bucket, sum(yes) AS yes, sum(no) AS no, sum(unknown) AS unknown, sum(withheld) AS withheld, sum(unknown_unattributed) AS unknown_unattributed,
				sum(covered) AS covered, bool_and(share_exact) AS share_exact FROM disability_cell GROUP BY bucket),
			nationality_cell AS (SELECT ${bucket} AS bucket,
				coalesce(sum(n) FILTER (category NOT IN (${list(NOT_A_COUNTRY)}) AND category <> ?), 0) AS named_foreign,
				coalesce(sum(n) FILTER (category = '${OTHER}'), 0) AS other,
				coalesce(bool_or(category = ?), false) AS home_published,
				coalesce(sum(n) FILTER (category = ?), 0) AS home,
				coalesce(sum(n) FILTER (category = 'stateless'), 0) AS stateless,
				coalesce(sum(n) FILTER (category = '${UNKNOWN}'), 0) AS unknown,
				coalesce(sum(n) FILTER (category = '${WITHHELD}'), 0) AS withheld,
				sum(n) AS covered,
				-- Nobody withheld, or the home country, stateless and unknown all shown; and "Other" holds no
				-- home country (it is shown, or there is no Other): every other person of the row group is
				-- a foreign national, "Withheld" and "Other" included.
				(coalesce(sum(n) FILTER (category = '${WITHHELD}'), 0) = 0
					OR (bool_or(category = ?) AND bool_or(category = 'stateless') AND bool_or(category = '${UNKNOWN}')))
					AND (bool_or(category = ?) OR coalesce(sum(n) FILTER (category = '${OTHER}'), 0) = 0) AS foreign_exact,
				coalesce(sum(n) FILTER (category = '${WITHHELD}'), 0) = 0 OR bool_or(category = 'stateless') AS stateless_exact
				FROM ${COUNTS_TABLE} WHERE ${n.sql} GROUP BY year, organisation, programme, "group"),
			nationality AS (SELECT bucket,
				sum(CASE WHEN foreign_exact THEN covered - home - stateless - unknown ELSE named_foreign + CASE WHEN home_published THEN other ELSE 0 END END) AS foreign_,
				sum(stateless) AS stateless,
				sum(CASE WHEN stateless_exact THEN 0 ELSE withheld END) AS "nationalityWithheld",
				sum(CASE WHEN foreign_exact THEN 0 ELSE withheld + CASE WHEN home_published THEN 0 ELSE other END END) AS "foreignUnattributed",
				sum(other) AS other, sum(withheld) AS withheld, sum(covered) AS covered
				FROM nationality_cell GROUP BY bucket),
			countries AS (SELECT ${bucket} AS bucket, count(DISTINCT category) AS n FROM ${COUNTS_TABLE}
				WHERE ${n.sql} AND n > 0 AND category NOT IN (${list(NOT_A_COUNTRY)}) GROUP BY bucket)
		SELECT total.bucket::INTEGER AS year, total.people::DOUBLE AS people,
			coalesce(women, 0)::DOUBLE AS women, coalesce(children, 0)::DOUBLE AS children,
			(coalesce(sex_age.withheld, 0) + total.people - coalesce(sex_age.covered, 0))::DOUBLE AS "sexAgeWithheld",
			coalesce(disability.yes, 0)::DOUBLE AS yes, coalesce(disability.no, 0)::DOUBLE AS no,
			coalesce(disability.unknown, 0)::DOUBLE AS unknown,
			(coalesce(disability.unknown_unattributed, 0) + total.people - coalesce(disability.covered, 0))::DOUBLE AS "unknownUnattributed",
			(coalesce(disability.share_exact, true) AND total.people = coalesce(disability.covered, 0)) AS "shareExact",
			coalesce(foreign_, 0)::DOUBLE AS "foreign", coalesce(nationality.stateless, 0)::DOUBLE AS stateless,
			(coalesce("nationalityWithheld", 0) + total.people - coalesce(nationality.covered, 0))::DOUBLE AS "nationalityWithheld",
			(coalesce("foreignUnattributed", 0) + total.people - coalesce(nationality.covered, 0))::DOUBLE AS "foreignUnattributed",
			(coalesce(nationality.withheld, 0) + total.people - coalesce(nationality.covered, 0))::DOUBLE AS "countriesWithheld",
			coalesce(other, 0)::DOUBLE AS other,
			coalesce(countries.n, 0)::DOUBLE AS countries
		FROM total LEFT JOIN sex_age USING (bucket) LEFT JOIN disability USING (bucket) LEFT JOIN nationality USING (bucket) LEFT JOIN countries USING (bucket)
		ORDER BY year`,
		params: [...t.params, ...CHILD_AGES, ...s.params, ...d.params, ...NOT_A_COUNTRY, home, home, home, home, home, ...n.params, ...n.params, ...NOT_A_COUNTRY]
	};
}

/** Countries of a level, largest first (recognised countries only). */
export function countriesSql(level: Level): Query {
	const w = where('nationality', level);
	return {
		sql: `SELECT category, sum(n)::DOUBLE AS n FROM ${COUNTS_TABLE} WHERE ${w.sql} AND category NOT IN (${NOT_A_COUNTRY.map(() => '?').join(', ')})
			GROUP BY category ORDER BY n DESC, category`,
		params: [...w.params, ...NOT_A_COUNTRY]
	};
}
