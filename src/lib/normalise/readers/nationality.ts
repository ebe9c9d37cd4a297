/** Nationality: an ISO 3166-1 alpha-2 code, stateless or unknown, from codes, names and demonyms in three languages. */
import { UNKNOWN, type Nationality } from '$lib/types';
import { matchCountry } from '../countries';
import { isBlankOrZero, problem, withoutNote, type Normalised } from './common';

/** ISO 3166-1 alpha-2, 'stateless', or UNKNOWN. "NA" is read as "not available", not Namibia. */
export function normaliseNationality(raw: string): Normalised<Nationality> {
	if (isBlankOrZero(raw)) return { value: UNKNOWN };
	const found = matchCountry(raw);
	return found ? { value: found } : (withoutNote(raw, normaliseNationality) ?? problem(UNKNOWN, 'unrecognised country', raw));
}
