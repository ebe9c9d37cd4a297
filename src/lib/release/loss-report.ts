/** What the release cost: per view and level, how many people were folded into a parent and withheld. */
import type { ScopeField, ViewName } from '$lib/types';

export interface LevelLoss {
	view: ViewName;
	/** The whole period, each grant period, each year. */
	period: 'all' | 'grant' | 'year';
	/** All organisations together, or each value of a scope field (its deepest field). */
	scope: 'all' | ScopeField;
	/** People in the level's row groups (a grant level counts each grant period's people). */
	people: number;
	folded: number;
	/** In "Withheld", or in a row group that is not published at all. */
	withheld: number;
	withheldShare: number;
}

export interface LossReport {
	k: number;
	scope: ScopeField[];
	people: number;
	/** Grant periods published as their own level ("2023-2025"). */
	periods: string[];
	/** The top level (whole period, all organisations) of each view: the headline figures. */
	views: LevelLoss[];
	levels: LevelLoss[];
	warnings: string[];
}

/** Above this share of people withheld at the top level, a view is more "Withheld" than figures: the build warns. */
export const WITHHELD_WARNING = 0.2;

export function lossWarnings(views: LevelLoss[]): string[] {
	return views
		.filter((v) => v.withheldShare > WITHHELD_WARNING)
		.map((v) => `view "${v.view}" withholds ${(v.withheldShare * 100).toFixed(1)}% of people (more than ${WITHHELD_WARNING * 100}%): consider a coarser scope or a smaller k in data/settings.json`);
}

const PERIOD_WORDS = { all: 'whole period', grant: 'grant periods', year: 'each year' };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatLossReport(loss: LossReport): string {
	const lines = [
		`release: k = ${loss.k}, scope = year${loss.scope.map((f) => ` × ${f}`).join('')}, ${loss.people} people; levels: whole period${loss.periods.map((p) => `, ${p}`).join('')}, each year × all${loss.scope.map((f) => `, each ${f}`).join('')}`,
		`  ${'view'.padEnd(12)} ${'level'.padEnd(34)} ${'folded'.padStart(7)} ${'withheld'.padStart(9)}`,
		...loss.levels.map(
			(l) =>
				`  ${l.view.padEnd(12)} ${`${PERIOD_WORDS[l.period]} × ${l.scope === 'all' ? 'all' : `each ${l.scope}`}`.padEnd(34)} ${String(l.folded).padStart(7)} ${String(l.withheld).padStart(9)} (${pct(l.withheldShare)})`
		)
	];
	for (const w of loss.warnings) lines.push(`WARNING: ${w}`);
	return lines.join('\n');
}
