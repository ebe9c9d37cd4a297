/** An age, a range of ages or a word → the age band (0–4, 5–11, 12–17, 18–59, 60+), else child or adult. */
import { UNKNOWN, type AgeBand, type AgeGroup } from '$lib/types';
import { isBlank, key, plain, problem, table, withoutNote, type Normalised } from './common';

const MAX_AGE = 120;

const BANDS: [AgeBand, number, number][] = [
	['0-4', 0, 4],
	['5-11', 5, 11],
	['12-17', 12, 17],
	['18-59', 18, 59],
	['60+', 60, Infinity]
];
const ADULT_FROM = 18;

/** The band containing the whole range; else child or adult if it lies on one side of 18. */
function groupOfRange(lo: number, hi: number): AgeGroup | undefined {
	const band = BANDS.find(([, a, b]) => lo >= a && hi <= b);
	if (band) return band[0];
	if (hi < ADULT_FROM) return 'child';
	if (lo >= ADULT_FROM) return 'adult';
	return undefined;
}

const AGE_WORDS = table<AgeGroup>([
	['child', ['child', 'children', 'minor', 'minors', 'ребенок', 'дети', 'несовершеннолетний', 'несовершеннолетняя', 'несовершеннолетние', 'бала', 'балдар', 'жашы жете элек']],
	['adult', ['adult', 'adults', 'взрослый', 'взрослая', 'взрослые', 'совершеннолетний', 'совершеннолетняя', 'чоң киши', 'бойго жеткен', 'чоңдор']]
]);

const UNIT = String.raw`(?:years?(?: old)?|yrs?\.?|y\.?o\.?|лет|года?|г\.?|жаш(?:та)?)`;
const AGE_PREFIX = /^(?:age|aged|возраст|жашы|жаш) ?:? ?/;
const AGE_SUFFIX = new RegExp(String.raw` ?${UNIT}$`);
const AGE_NUMBER = /^(-?\d+)(?:[.,]\d+)?$/;
const AGE_RANGE = /^(?:от |from )?(\d{1,3}) ?(?:-+|\.\.|to|до|по) ?(\d{1,3})$/;
const AGE_FROM = new RegExp(String.raw`^(\d{1,3}) ?(?:${UNIT} ?)?(\+|and (?:over|older|above)|or (?:over|older)|и старше|и более|жана (?:андан )?улуу)$`);
const AGE_OVER = /^(>=|≥|>|over|above|older than|старше|более|больше) ?(\d{1,3})$/;
const AGE_UNDER = /^(<=|≤|<|under|below|younger than|less than|младше|моложе|до|менее|меньше) ?(\d{1,3})$/;
/** Infants' ages are often written in months, weeks or days: «6 мес.», "8 months", «3 ай» (Kyrgyz). */
const AGE_IN_UNITS = /^(\d{1,5}) ?(\p{L}+)\.?$/u;
const UNITS_PER_YEAR: [RegExp, number][] = [
	[/^(?:months?|mos?|мес|месяц|месяца|месяцев|ай)$/, 12],
	[/^(?:weeks?|wks?|нед|неделя|недели|недель|апта)$/, 52],
	[/^(?:days?|дн|дня|дней|день|күн)$/, 365]
];

/** A whole range of ages [lo, hi] → its group, or the reason it has none. */
function ageOfRange(lo: number, hi: number, raw: string): Normalised<AgeGroup> {
	if (lo > hi) return problem(UNKNOWN, 'invalid age range', raw);
	if (lo > MAX_AGE || (hi > MAX_AGE && hi !== Infinity)) return problem(UNKNOWN, 'age out of range', raw);
	const group = groupOfRange(lo, hi);
	return group ? { value: group } : problem(UNKNOWN, 'age range spans child and adult', raw);
}

/**
 * An age or a range of ages → the band (0–4, 5–11, 12–17, 18–59, 60+) that holds all of it, else
 * child/adult, else unknown with the reason. CTDC's ageBroad ("0--8", "9--17", "48+") lands on
 * child or adult, as those ranges cross our bands.
 */
export function normaliseAge(raw: string): Normalised<AgeGroup> {
	if (isBlank(raw)) return { value: UNKNOWN };
	const word = AGE_WORDS.get(key(raw));
	if (word) return { value: word };
	const text = plain(raw).replace(AGE_PREFIX, '').replace(AGE_SUFFIX, '');
	if (isBlank(text)) return { value: UNKNOWN }; // "age: unknown", "Возраст: -"
	let m = AGE_NUMBER.exec(text);
	if (m) {
		const age = Number(text.replace(',', '.'));
		return age >= 0 && age <= MAX_AGE ? ageOfRange(Math.floor(age), Math.floor(age), raw) : problem(UNKNOWN, 'age out of range', raw);
	}
	if ((m = AGE_RANGE.exec(text))) return ageOfRange(Number(m[1]), Number(m[2]), raw);
	if ((m = AGE_FROM.exec(text))) return ageOfRange(Number(m[1]), Infinity, raw);
	if ((m = AGE_OVER.exec(text))) return ageOfRange(Number(m[2]) + (/^(>=|≥)$/.test(m[1]) ? 0 : 1), Infinity, raw);
	if ((m = AGE_UNDER.exec(text))) return ageOfRange(0, Number(m[2]) - (/^(<=|≤)$/.test(m[1]) ? 0 : 1), raw);
	const perYear = (m = AGE_IN_UNITS.exec(text)) && UNITS_PER_YEAR.find(([unit]) => unit.test(m![2]))?.[1];
	if (m && perYear) {
		const years = Math.floor(Number(m[1]) / perYear);
		return ageOfRange(years, years, raw);
	}
	return withoutNote(raw, normaliseAge) ?? problem(UNKNOWN, 'unrecognised age', raw);
}
