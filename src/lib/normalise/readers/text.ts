/** Organisation, programme, beneficiary group, region: text kept as written. */
import { UNKNOWN } from '$lib/types';
import { isBlank, type Normalised } from './common';

/** Free text (organisation, programme, group, region): the text itself is the category. */
export function normaliseText(raw: string): Normalised<string> {
	// Zero-width spaces and BOMs would split one category into invisible twins.
	const text = raw.normalize('NFC').replace(/[\u200b\u2060\ufeff]/g, '').trim().replace(/\s+/g, ' ');
	return { value: isBlank(text) ? UNKNOWN : text };
}
