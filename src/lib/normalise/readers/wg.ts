/** The Washington Group Short Set: each domain's answer, and the disability identifier from the six. */
import { UNKNOWN, type Disability } from '$lib/types';
import { isBlank, key, plain, problem, table, type Normalised } from './common';

/** A Washington Group Short Set answer: 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all. */
export type WgAnswer = 1 | 2 | 3 | 4;

const WG = table<WgAnswer | null>([
	[1, ['no', 'no difficulty', 'no - no difficulty', 'нет', 'нет затруднений', 'нет трудностей', 'никаких затруднений', 'нет - никаких затруднений', 'жок', 'кыйынчылык жок', 'эч кандай кыйынчылык жок', 'жок - эч кандай кыйынчылык жок']],
	[2, ['some', 'some difficulty', 'yes - some difficulty', 'некоторые затруднения', 'некоторые трудности', 'да - некоторые затруднения', 'есть некоторые затруднения', 'бир аз кыйынчылык', 'бир аз кыйынчылык бар', 'ооба - бир аз кыйынчылык бар']],
	[3, ['a lot', 'a lot of difficulty', 'yes - a lot of difficulty', 'значительные затруднения', 'много затруднений', 'большие затруднения', 'большие трудности', 'много трудностей', 'да - значительные затруднения', 'да - много затруднений', 'көп кыйынчылык', 'көп кыйынчылык бар', 'ооба - көп кыйынчылык бар']],
	[4, ['cannot do at all', 'cannot do', 'unable to do', 'unable to do at all', 'совсем не может', 'не может совсем', 'совсем не могу', 'не могу совсем', 'не может вообще', 'не может', 'такыр кыла албайт', 'такыр жасай албайт', 'такыр кыла албайм', 'такыр жасай албайм']],
	[null, ['refused', "don't know", 'not asked', 'отказ', 'отказ от ответа', 'отказался', 'отказалась', 'не знаю', 'затрудняюсь ответить', 'билбейм', 'баш тартты']]
]);

export function normaliseWg(raw: string): Normalised<WgAnswer | null> {
	if (isBlank(raw)) return { value: null };
	// Spreadsheets write a coded answer as "3.0". WG codes 7 (refused), 8 (don't know) and
	// 9 (not asked) are no answer, and not an error.
	const code = /^([1-4789])(?:\.0+)?$/.exec(plain(raw))?.[1];
	const value = code === undefined ? WG.get(key(raw)) : code >= '7' ? null : (Number(code) as WgAnswer);
	return value !== undefined ? { value } : problem(null, 'unrecognised Washington Group answer', raw);
}

const WG_DOMAIN_COUNT = 6;

/**
 * The WG-SS recommended cut-off (Washington Group, "Analytic guidelines: creating disability
 * identifiers using the WG-SS"): disability = at least one of the six domains answered
 * "a lot of difficulty" (3) or "cannot do at all" (4). Without such an answer a person is 'no'
 * only when all six domains were answered; with any missing (refused, don't know, blank, or a
 * domain the export lacks) their status is UNKNOWN — a missing domain might have been a 3.
 */
export function wgDisability(answers: readonly (WgAnswer | null)[]): Disability {
	if (answers.some((a) => a !== null && a >= 3)) return 'yes';
	if (answers.length === WG_DOMAIN_COUNT && answers.every((a) => a !== null)) return 'no';
	return UNKNOWN;
}
