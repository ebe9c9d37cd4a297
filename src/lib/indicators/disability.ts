/**
 * Disability share: people with a disability ÷ people whose status is known (and published).
 * Withheld people are counted with "unknown": their status is not published.
 */
import { WITHHELD, UNKNOWN, type DisabilityYearRow } from '$lib/types';

export interface DisabilityCounts {
	yes: number;
	no: number;
	unknown: number;
}

/** The disability view's counts, as columns of a statement that may read other views too. */
export const DISABILITY_SUMS = `coalesce(sum(n) FILTER (view = 'disability' AND category = 'yes'), 0)::DOUBLE AS yes,
	coalesce(sum(n) FILTER (view = 'disability' AND category = 'no'), 0)::DOUBLE AS no,
	coalesce(sum(n) FILTER (view = 'disability' AND category IN ('${UNKNOWN}', '${WITHHELD}')), 0)::DOUBLE AS unknown`;

export type { DisabilityYearRow };
