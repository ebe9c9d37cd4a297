/**
 * Raw cell text → contract value, or the fallback plus a reason — like Plot's keyword(): loose
 * input, a precise message. They run once per DISTINCT value of a column, not per row.
 * A blank cell is "unknown", not a problem — except for the year or date, without which a row
 * cannot be counted.
 */
import { AGE_BANDS, UNKNOWN, type AgeGroup, type Disability, type Nationality, type Sex } from '$lib/types';
import { matchCountry, countryKey } from './countries';

export interface Normalised<T> {
	value: T;
	problem?: string;
}

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

/** Lower case, ё = е, inner spaces folded, outer punctuation dropped. */
function word(raw: string): string {
	return raw.normalize('NFC').trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').replace(/^[\s.,;:!?"'()-]+|[\s.,;:!?"'()-]+$/g, '');
}

const BLANK = new Set(['', 'unknown', 'n/a', 'na', 'none', 'not known', 'not stated', 'missing', '-', '--', 'не указано', 'не известно', 'неизвестно', 'нет данных', 'белгисиз', 'көрсөтүлгөн эмес']);
const isBlank = (raw: string) => BLANK.has(raw.normalize('NFC').trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' '));

export function normaliseYear(raw: string): Normalised<number | null> {
	const text = raw.trim();
	if (text === '') return { value: null, problem: 'missing year' };
	const match = /^(\d{4})(\.0+)?$/.exec(text);
	const year = match ? Number(match[1]) : NaN;
	if (!(year >= MIN_YEAR && year <= MAX_YEAR)) return { value: null, problem: `invalid year "${text}"` };
	return { value: year };
}

function validDate(y: number, m: number, d: number): boolean {
	if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function normaliseDate(raw: string): Normalised<number | null> {
	const text = raw.trim();
	if (text === '') return { value: null, problem: 'missing date' };
	let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		return validDate(y, mo, d) ? { value: y } : { value: null, problem: `invalid date "${text}"` };
	}
	m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T\s].*)?$/.exec(text);
	if (m) {
		const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
		// Only the year is needed: either dd/mm or mm/dd being a real date is enough.
		return validDate(y, b, a) || validDate(y, a, b) ? { value: y } : { value: null, problem: `invalid date "${text}"` };
	}
	if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$/.test(text)) return { value: null, problem: `two-digit year in date "${text}"` };
	if (/^\d{5}(\.\d+)?$/.test(text)) return { value: null, problem: `looks like an Excel serial date "${text}"` };
	if (/^\d{4}$/.test(text)) return normaliseYear(text);
	return { value: null, problem: `invalid date "${text}"` };
}

const SEX: Record<string, Sex> = {};
for (const w of ['female', 'f', 'woman', 'women', 'girl', 'w', 'ж', 'жен', 'женский', 'женщина', 'девочка', 'девушка', 'аял', 'кыз', 'аял киши']) SEX[w] = 'female';
for (const w of ['male', 'm', 'man', 'men', 'boy', 'м', 'муж', 'мужской', 'мужчина', 'мальчик', 'юноша', 'эркек', 'эркек киши', 'уул']) SEX[w] = 'male';
for (const w of ['other', 'non-binary', 'nonbinary', 'x', 'другое', 'другой', 'иное', 'башка']) SEX[w] = 'other';

export function normaliseSex(raw: string): Normalised<Sex> {
	if (isBlank(raw)) return { value: UNKNOWN };
	const value = SEX[word(raw)];
	return value ? { value } : { value: UNKNOWN, problem: `unrecognised sex "${raw.trim()}"` };
}

function bandOf(age: number): AgeGroup {
	return age < 5 ? '0-4' : age < 12 ? '5-11' : age < 18 ? '12-17' : age < 60 ? '18-59' : '60+';
}

const BAND_RANGES: [AgeGroup, number, number][] = [['0-4', 0, 4], ['5-11', 5, 11], ['12-17', 12, 17], ['18-59', 18, 59], ['60+', 60, Infinity]];

/** The band containing the whole range, else child/adult if it lies on one side of 18. */
function groupOfRange(lo: number, hi: number): AgeGroup | null {
	const band = BAND_RANGES.find(([, a, b]) => lo >= a && hi <= b);
	if (band) return band[0];
	if (hi <= 17) return 'child';
	if (lo >= 18) return 'adult';
	return null;
}

const AGE_WORDS: Record<string, AgeGroup> = {};
for (const w of ['child', 'children', 'minor', 'minors', 'ребенок', 'дети', 'несовершеннолетний', 'несовершеннолетняя', 'бала', 'балдар', 'жашы жете элек']) AGE_WORDS[w] = 'child';
for (const w of ['adult', 'adults', 'взрослый', 'взрослая', 'взрослые', 'совершеннолетний', 'чоң киши', 'бойго жеткен', 'чоңдор']) AGE_WORDS[w] = 'adult';

export function normaliseAge(raw: string): Normalised<AgeGroup> {
	if (isBlank(raw)) return { value: UNKNOWN };
	const text = word(raw).replace(/^(age|возраст|жашы)\s*/, '').replace(/\s*(years?|yrs?|лет|год[а]?|жаш)$/, '');
	if (AGE_WORDS[text]) return { value: AGE_WORDS[text] };
	if ((AGE_BANDS as readonly string[]).includes(text)) return { value: text as AgeGroup };
	const problem = { value: UNKNOWN, problem: `unrecognised age "${raw.trim()}"` } as const;
	let m = /^(\d{1,3}(?:[.,]\d+)?)$/.exec(text);
	if (m) {
		const age = Number(m[1].replace(',', '.'));
		return age >= 0 && age <= 120 ? { value: bandOf(age) } : { value: UNKNOWN, problem: `age out of range "${raw.trim()}"` };
	}
	m = /^(?:от\s*)?(\d{1,3})\s*(?:-+|–|—|to|до|\.\.)\s*(\d{1,3})$/.exec(text);
	if (m) {
		const [lo, hi] = [Number(m[1]), Number(m[2])];
		if (lo > hi || hi > 120) return problem;
		return groupOfRange(lo, hi) ? { value: groupOfRange(lo, hi)! } : { value: UNKNOWN, problem: `age range "${raw.trim()}" spans child and adult` };
	}
	m = /^(\d{1,3})\s*(?:\+|and over|and older|или старше|и старше|и более|жана андан улуу)$/.exec(text);
	if (m) return groupOfRange(Number(m[1]), Infinity) ? { value: groupOfRange(Number(m[1]), Infinity)! } : problem;
	m = /^(?:<|under|below|младше|до)\s*(\d{1,3})$/.exec(text);
	if (m) return Number(m[1]) <= 18 ? { value: groupOfRange(0, Number(m[1]) - 1)! } : problem;
	return problem;
}

export function normaliseNationality(raw: string): Normalised<Nationality> {
	if (isBlank(raw)) return { value: UNKNOWN };
	const found = matchCountry(raw);
	return found ? { value: found } : { value: UNKNOWN, problem: `unrecognised country "${raw.trim()}"` };
}

const DISABILITY: Record<string, Disability> = {};
for (const w of ['yes', 'y', '1', 'true', 'with disability', 'disabled', 'да', 'есть', 'имеется', 'инвалид', 'с инвалидностью', 'ооба', 'бар', 'майып']) DISABILITY[w] = 'yes';
for (const w of ['no', 'n', '0', 'false', 'without disability', 'none', 'нет', 'отсутствует', 'без инвалидности', 'жок']) DISABILITY[w] = 'no';

export function normaliseDisability(raw: string): Normalised<Disability> {
	const w = word(raw);
	if (DISABILITY[w]) return { value: DISABILITY[w] };
	// Russian disability groups ("группа 2", "2 группа", "II группа") all mean a disability.
	if (/^(группа\s*[1-3iI]+|[1-3iI]+\s*группа|[1-3]\s*гр)$/i.test(w)) return { value: 'yes' };
	if (isBlank(raw)) return { value: UNKNOWN };
	return { value: UNKNOWN, problem: `unrecognised disability value "${raw.trim()}"` };
}

export type WgAnswer = 1 | 2 | 3 | 4;

const WG_WORDS: [RegExp, WgAnswer][] = [
	[/^(no|no difficulty|no - no difficulty|нет затруднений|нет трудностей|нет|кыйынчылык жок)$/, 1],
	[/^(some|some difficulty|yes - some difficulty|некоторые затруднения|некоторые трудности|есть некоторые затруднения|бир аз кыйынчылык)$/, 2],
	[/^(a lot|a lot of difficulty|yes - a lot of difficulty|значительные затруднения|много затруднений|большие затруднения|большие трудности|көп кыйынчылык)$/, 3],
	[/^(cannot do at all|cannot do|unable to do|unable|совсем не может|не может совсем|не может|такыр кыла албайт)$/, 4]
];

/** A Washington Group Short Set answer: 1 no difficulty … 4 cannot do at all. */
export function normaliseWg(raw: string): Normalised<WgAnswer | null> {
	const w = word(raw);
	if (w === '') return { value: null };
	if (/^[1-4]$/.test(w)) return { value: Number(w) as WgAnswer };
	// WG codes 7/8/9: refused, don't know, not asked — no answer, not an error.
	if (/^[789]$/.test(w) || /^(refused|don'?t know|dont know|отказ|не знаю)$/.test(w)) return { value: null };
	const found = WG_WORDS.find(([pattern]) => pattern.test(w));
	return found ? { value: found[1] } : { value: null, problem: `unrecognised Washington Group answer "${raw.trim()}"` };
}

/**
 * The WG-SS recommended cut-off: disability = at least one domain answered "a lot of difficulty"
 * (3) or "cannot do at all" (4). Without such an answer, a person is classified "no" only when
 * every domain was answered; otherwise their status is unknown.
 */
export function wgDisability(answers: (WgAnswer | null)[]): Disability {
	if (answers.some((a) => a !== null && a >= 3)) return 'yes';
	if (answers.length > 0 && answers.every((a) => a !== null)) return 'no';
	return UNKNOWN;
}

export function normaliseCount(raw: string): Normalised<number | null> {
	const text = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (text === '') return { value: null, problem: 'missing count' };
	const plain = /^\d{1,3}(,\d{3})+$/.test(text) ? text.replaceAll(',', '') : text;
	if (!/^\d+(\.0+)?$/.test(plain)) return { value: null, problem: `invalid count "${raw.trim()}"` };
	return { value: Number(plain) };
}

export function normaliseText(raw: string): Normalised<string> {
	const text = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
	return { value: text === '' || countryKey(text) === '' ? UNKNOWN : text };
}
