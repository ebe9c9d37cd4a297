/**
 * Disability share: people with a disability ÷ people whose status is known (and published). The
 * share is the true one only where "yes" and "no" are (see categoryCountsSql): withheld people
 * hold neither when both are shown.
 */
import { UNKNOWN, type DisabilityYearRow } from '$lib/types';
import { categoryCountsSql, type CountedCategory, type Query } from './query';
import type { Level } from './level';

export interface DisabilityCounts {
	yes: number;
	no: number;
	/** Published as status unknown. */
	unknown: number;
	/** Whether yes and no (so the share) are the true counts. */
	exact: boolean;
	/** Whether `unknown` is (none withheld may be among them). */
	unknownExact: boolean;
}

export const disabilitySql = (level: Level, byYear = false): Query => categoryCountsSql('disability', level, byYear);

/** One period's (or year's) counts from its rows; `complete`: no row group of it is hidden. */
export function disabilityCounts(rows: CountedCategory[], complete = true): DisabilityCounts {
	const of = (category: string) => rows.find((r) => r.category === category);
	const exact = (category: string) => complete && (of(category)?.exact ?? rows.every((r) => r.closed));
	return {
		yes: of('yes')?.n ?? 0,
		no: of('no')?.n ?? 0,
		unknown: of(UNKNOWN)?.n ?? 0,
		exact: exact('yes') && exact('no'),
		unknownExact: exact(UNKNOWN)
	};
}

export type { DisabilityYearRow };
