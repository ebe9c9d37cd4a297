/** Headline figures per year from a count table: what the upload page compares. */
import type { Engine } from '$lib/db/engine';
import { catalogOf, computeIndicators, type Indicators } from '$lib/indicators';
import { chooseLevel, otherCountriesOf, perYear } from '$lib/indicators/level';
import { nationalityCountByYearSql } from '$lib/indicators/nationalities';
import type { YearFigures } from './compare';

/**
 * Each single year for all organisations (a release's per-year rows, or the sum of /upload's
 * exact table). `all`: the indicators over every year, when the caller has them already (a query less).
 */
export async function yearFigures(engine: Engine, all?: Indicators): Promise<YearFigures[]> {
	const catalog = await catalogOf(engine);
	all ??= await computeIndicators(engine, {});
	const years = perYear(chooseLevel({}, catalog), {}, catalog);
	const q = nationalityCountByYearSql(years);
	const countries = new Map((await engine.query<{ year: number; n: number }>(q.sql, q.params)).map((r) => [r.year, r.n]));
	// A year of the release is one row group: the countries its "Other nationalities" holds count too.
	const others = (year: number) => otherCountriesOf({ ...years, years: [String(year)] }, catalog);
	return all.trend.map(({ year, n }) => {
		const d = all.disabilityByYear.find((r) => r.year === year);
		return { year, beneficiaries: n, disability: { yes: d?.yes ?? 0, known: (d?.yes ?? 0) + (d?.no ?? 0) }, nationalities: (countries.get(year) ?? 0) + others(year) };
	});
}
