/** Headline figures per year from a count table: what the upload page compares. */
import type { Engine } from '$lib/db/engine';
import { computeIndicators } from '$lib/indicators';
import type { YearFigures } from './compare';

export async function yearFigures(engine: Engine, years: number[]): Promise<YearFigures[]> {
	const figures: YearFigures[] = [];
	for (const year of years) {
		const ind = await computeIndicators(engine, { from: year, to: year });
		const known = ind.disability.yes + ind.disability.no;
		figures.push({
			year,
			beneficiaries: ind.beneficiaries,
			disabilityShare: known > 0 ? ind.disability.yes / known : null,
			nationalities: ind.nationalityCount
		});
	}
	return figures;
}
