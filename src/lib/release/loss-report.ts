/** What the release cost: per view, how many people were folded into a parent and withheld. */
import type { ScopeField, ViewName } from '$lib/types';

export interface ViewLoss {
	view: ViewName;
	people: number;
	folded: number;
	withheld: number;
	withheldShare: number;
}

export interface LossReport {
	k: number;
	scope: ScopeField[];
	people: number;
	views: ViewLoss[];
	mergedCells: { cells: number; people: number };
	smallYears: number[];
	warnings: string[];
}

/** Above this share of people withheld, a view is more "Withheld" than figures: the build warns. */
export const WITHHELD_WARNING = 0.2;

export function lossWarnings(views: ViewLoss[]): string[] {
	return views
		.filter((v) => v.withheldShare > WITHHELD_WARNING)
		.map((v) => `view "${v.view}" withholds ${(v.withheldShare * 100).toFixed(1)}% of people (more than ${WITHHELD_WARNING * 100}%): consider a coarser scope or a smaller k in data/settings.json`);
}

export function formatLossReport(loss: LossReport): string {
	const lines = [
		`release: k = ${loss.k}, scope = year${loss.scope.map((f) => ` × ${f}`).join('')}, ${loss.people} people`,
		...loss.views.map(
			(v) => `  ${v.view.padEnd(12)} folded ${String(v.folded).padStart(6)}  withheld ${String(v.withheld).padStart(6)} (${(v.withheldShare * 100).toFixed(1)}%)`
		),
		`  merged scope cells: ${loss.mergedCells.cells} (${loss.mergedCells.people} people)`
	];
	if (loss.smallYears.length) lines.push(`  years below k, published as a total only: ${loss.smallYears.join(', ')}`);
	for (const w of loss.warnings) lines.push(`WARNING: ${w}`);
	return lines.join('\n');
}
