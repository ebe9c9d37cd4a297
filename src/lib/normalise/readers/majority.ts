/** Adult or minor only (CTDC's majorityStatus). */
import { UNKNOWN, type AgeGroup } from '$lib/types';
import { isBlankOrZero, problem, type Normalised } from './common';
import { normaliseAge } from './age';

/**
 * Adult or minor only (CTDC's majorityStatus: "Adult", "Minor"): child or adult, used where the
 * export gives no age. An age or a band in such a column says as much.
 */
export function normaliseMajority(raw: string): Normalised<AgeGroup> {
	if (isBlankOrZero(raw)) return { value: UNKNOWN };
	const age = normaliseAge(raw);
	if (age.problem) return problem(UNKNOWN, 'unrecognised adult/minor value', raw);
	const child = (CHILD_GROUPS as readonly string[]).includes(age.value);
	return { value: age.value === UNKNOWN ? UNKNOWN : child ? 'child' : 'adult' };
}
const CHILD_GROUPS = ['0-4', '5-11', '12-17', 'child'] as const;
