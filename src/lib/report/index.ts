/** One report: the period's figures, the previous period's, the table rows and the charts' indicators. */
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/types';
import { computeIndicators, type Indicators } from '$lib/indicators';
import { periodFigures, previousPeriod, reportRows, type PeriodFigures, type ReportRow } from './report-table';

export interface Report {
	filters: Filters & { from: number; to: number };
	current: PeriodFigures;
	previous: PeriodFigures;
	rows: ReportRow[];
	indicators: Indicators;
}

export async function buildReport(engine: Engine, filters: Filters & { from: number; to: number }, home: string): Promise<Report> {
	const before = { ...filters, ...previousPeriod(filters.from, filters.to) };
	const [current, previous, indicators] = await Promise.all([
		periodFigures(engine, filters, home),
		periodFigures(engine, before, home),
		computeIndicators(engine, filters)
	]);
	return { filters, current, previous, rows: reportRows(current, previous), indicators };
}
