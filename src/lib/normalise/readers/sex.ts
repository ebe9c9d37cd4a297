/** Sex: female, male, other or unknown, from words in English, Russian and Kyrgyz. */
import { UNKNOWN, type Sex } from '$lib/types';
import { isBlankOrZero, key, problem, table, withoutNote, type Normalised } from './common';

const SEXES = table<Sex>([
	['female', ['female', 'f', 'woman', 'women', 'girl', 'ж', 'жен', 'женский', 'женский пол', 'женщина', 'девочка', 'девушка', 'аял', 'кыз', 'аял киши', 'кыз бала', 'аял жынысы']],
	['male', ['male', 'm', 'man', 'men', 'boy', 'м', 'муж', 'мужской', 'мужской пол', 'мужчина', 'мальчик', 'юноша', 'парень', 'эркек', 'эркек киши', 'эркек бала', 'уул', 'уул бала', 'эркек жынысы']],
	// CTDC: "Transgender/NonConforming".
	['other', ['other', 'non-binary', 'nonbinary', 'transgender', 'transgender nonconforming', 'transgender non conforming', 'gender nonconforming', 'gender non conforming', 'другое', 'другой', 'иное', 'башка']]
]);

/** «бала» (Kyrgyz: child) says nothing about sex, so it is reported like any unknown word. */
export function normaliseSex(raw: string): Normalised<Sex> {
	if (isBlankOrZero(raw)) return { value: UNKNOWN };
	const value = SEXES.get(key(raw));
	return value ? { value } : (withoutNote(raw, normaliseSex) ?? problem(UNKNOWN, 'unrecognised sex', raw));
}
