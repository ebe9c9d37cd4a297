/** Headline figures per year from a count table: what the upload page compares. */
import type { Engine } from '$lib/db/engine';
import { computeIndicators, type Indicators } from '$lib/indicators';
import { nationalityCountByYearSql } from '$lib/indicators/nationalities';
import type { YearFigures } from './compare';

/** `all`: the indicators over every year, when the caller has them already (a query less). */
export async function yearFigures(engine: Engine, all?: Indicators): Promise<YearFigures[]> {
	all ??= await computeIndicators(engine, {});
	const q = nationalityCountByYearSql({});
	const countries = new Map((await engine.query<{ year: number; n: number }>(q.sql, q.params)).map((r) => [r.year, r.n]));
	return all.trend.map(({ year, n }) => {
		const d = all.disabilityByYear.find((r) => r.year === year);
		return { year, beneficiaries: n, disability: { yes: d?.yes ?? 0, known: (d?.yes ?? 0) + (d?.no ?? 0) }, nationalities: countries.get(year) ?? 0 };
	});
}
