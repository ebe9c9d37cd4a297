/** The release: normalised people → protected count tables, plus what the protection cost. */
import { VIEWS, WITHHELD, type PersonRow, type ReleaseRow, type ScopeField } from '$lib/types';
import { countTables } from './count-tables';
import { protectWithTrace } from './protect';
import { lossWarnings, type LossReport, type ViewLoss } from './loss-report';

export { countTables } from './count-tables';
export { protect, protectWithTrace, checkK, MIN_K } from './protect';

export function release(people: Iterable<PersonRow>, opts: { k: number; scope: ScopeField[] }): { rows: ReleaseRow[]; loss: LossReport } {
	const exact = countTables(people, opts.scope);
	const { rows, traces, merged, smallYears } = protectWithTrace(exact, opts.k);
	const total = exact.filter((r) => r.view === 'total').reduce((s, r) => s + r.n, 0);
	// A year below k is published as its total only: none of its people is in any breakdown.
	const inSmallYears = rows.filter((r) => r.view === 'total' && smallYears.includes(r.year)).reduce((s, r) => s + r.n, 0);
	const views: ViewLoss[] = VIEWS.filter((view) => exact.some((r) => r.view === view)).map((view) => {
		const mine = traces.filter((t) => t.view === view);
		const withheld =
			(view === 'total' ? 0 : inSmallYears) + rows.filter((r) => r.view === view && r.category === WITHHELD).reduce((s, r) => s + r.n, 0);
		return {
			view,
			people: total,
			folded: mine.reduce((s, t) => s + t.folded, 0),
			withheld,
			withheldShare: total > 0 ? withheld / total : 0
		};
	});
	return {
		rows,
		loss: { k: opts.k, scope: [...opts.scope], people: total, views, mergedCells: merged, smallYears, warnings: lossWarnings(views) }
	};
}
