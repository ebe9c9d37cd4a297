/** A disability yes/no answer, in three languages, Russian disability groups («II группа») as yes. */
import { UNKNOWN, type Disability } from '$lib/types';
import { isBlank, key, problem, table, withoutNote, type Normalised } from './common';

const DISABILITY = table<Disability>([
	[
		'yes',
		[
			'yes', 'y', '1', '1.0', 'true', 'with disability', 'has disability', 'has a disability', 'disabled', 'person with disability', 'pwd',
			'да', 'есть', 'имеется', 'инвалид', 'инвалидность', 'с инвалидностью', 'есть инвалидность', 'ребенок инвалид', 'овз', 'с овз', 'ловз',
			'ооба', 'бар', 'майып', 'майыптуулугу бар', 'дмч', 'дмча'
		]
	],
	[
		'no',
		[
			'no', 'n', '0', '0.0', 'false', 'without disability', 'no disability', 'not disabled', 'none',
			'нет', 'не имеется', 'отсутствует', 'без инвалидности', 'нет инвалидности', 'не инвалид',
			'жок', 'майыптуулугу жок'
		]
	],
	[UNKNOWN, ["don't know", 'refused', 'не знаю', 'отказ', 'билбейм']]
]);

const GROUP_NUMBER = /^(?:i{1,3}|[123])$/;
const GROUP_WORD = new Set(['группа', 'группы', 'гр']);
const GROUP_CONTEXT = new Set(['инвалид', 'инвалидность', 'инвалидности', 'с']);

/** Russian disability groups — «группа 2», «II группа», «инвалид 1 гр.» — each mean a disability. */
function isDisabilityGroup(k: string): boolean {
	const words = k.split(' ');
	return (
		words.filter((w) => GROUP_NUMBER.test(w)).length === 1 &&
		words.some((w) => GROUP_WORD.has(w)) &&
		words.every((w) => GROUP_NUMBER.test(w) || GROUP_WORD.has(w) || GROUP_CONTEXT.has(w))
	);
}

export function normaliseDisability(raw: string): Normalised<Disability> {
	if (isBlank(raw)) return { value: UNKNOWN };
	const k = key(raw);
	const value = DISABILITY.get(k) ?? (isDisabilityGroup(k) ? 'yes' : undefined);
	return value ? { value } : (withoutNote(raw, normaliseDisability) ?? problem(UNKNOWN, 'unrecognised disability value', raw));
}
