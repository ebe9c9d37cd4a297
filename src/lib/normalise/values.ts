/**
 * Raw cell text → contract value, or the fallback plus a reason — like Plot's keyword(): loose
 * input, a precise message. They run once per DISTINCT value of a column (the bulk load is
 * DuckDB's), so they favour clarity; each is still linear in the length of its input.
 *
 * A blank cell (or a placeholder such as "-", "n/a", «не указано») is unknown, not a problem —
 * except for the year or date, without which a row cannot be counted.
 * Every problem reads `<kind> "<value>"`: the loader groups problems by the text before the
 * quoted value, so the value always comes last.
 */
import { OTHER, SEVERAL, UNKNOWN, type ExploitFlag, type AgeBand, type AgeGroup, type Disability, type Nationality, type Sex } from '$lib/types';
import { matchCountry } from './countries';

export type Normalised<T> = { value: T; problem?: string };

/** A Washington Group Short Set answer: 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all. */
export type WgAnswer = 1 | 2 | 3 | 4;

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;
const MAX_AGE = 120;
/** Longest value quoted back in a problem: a free-text cell in a coded column is not repeated whole. */
const MAX_SHOWN = 60;

/** Lower case, no accents (ё = е, й = и on both sides of a lookup), punctuation as single spaces. */
function key(raw: string): string {
	return raw
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function table<T>(entries: [T, string[]][]): Map<string, T> {
	const map = new Map<string, T>();
	for (const [value, words] of entries) for (const w of words) map.set(key(w), value);
	return map;
}

/** The raw value as quoted in a problem: one line, no double quotes (they delimit it), bounded. */
function shown(raw: string): string {
	const text = raw.normalize('NFC').trim().replace(/\s+/g, ' ').replaceAll('"', "'");
	return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const problem = <T>(value: T, kind: string, raw: string): Normalised<T> => ({ value, problem: `${kind} "${shown(raw)}"` });

const PLACEHOLDERS = new Set(
	[
		UNKNOWN, 'unknown', 'unk', 'not known', 'not stated', 'not specified', 'not recorded', 'missing', 'n/a', 'na', 'null',
		'не указано', 'не указан', 'не указана', 'не известно', 'неизвестно', 'нет данных', 'н/д', 'нет сведений',
		'белгисиз', 'көрсөтүлгөн эмес', 'маалымат жок'
	].map(key)
);

/**
 * Empty, only dashes/dots/slashes ("-", "—", "..."), a word for "not known", or -99: the CTDC
 * data standard's (and many statistical packages') code for a missing value.
 */
function isBlank(raw: string): boolean {
	const text = raw.trim();
	return /^[-‐‑‒–—―_./\\]*$/.test(text) || /^-99(?:\.0+)?$/.test(text) || PLACEHOLDERS.has(key(text));
}

/**
 * In coded columns that have no value 0 (sex, nationality, adult/minor, type of exploitation),
 * CTDC-style exports write 0 for "not known". Not so for an age (0 is an infant) or a disability
 * (0 is no).
 */
const isBlankOrZero = (raw: string) => isBlank(raw) || /^0+(?:\.0+)?$/.test(raw.trim());

/** Digits and separators as typed: full-width digits and dash look-alikes made plain. */
function plain(raw: string): string {
	return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[‐‑‒–—―−]/g, '-').toLowerCase();
}

/** A note in brackets after a value: «Да (1 гр.)», "Uzbekistan (residence permit)". */
const NOTE = /\s*[([][^()[\]]*[)\]]\s*$/;

/** An unrecognised value with a note in brackets is read once more without it; else undefined. */
function withoutNote<T>(raw: string, normalise: (raw: string) => Normalised<T>): Normalised<T> | undefined {
	const bare = raw.replace(NOTE, '');
	if (bare === raw || isBlank(bare)) return undefined;
	const result = normalise(bare);
	return result.problem ? undefined : result;
}

// ——— year and date ———

const inYears = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

/**
 * `latest`: the export's date (yyyy-mm-dd). No one was registered after the register was exported,
 * so a later year or date is rejected like one before 1950.
 */
export function normaliseYear(raw: string, latest?: string): Normalised<number | null> {
	if (isBlank(raw)) return { value: null, problem: 'missing year' };
	// "2024.0" is what a spreadsheet writes for a year stored as a number; «2024 г.» is Russian usage.
	const m = /^(\d{4})(?:\.0+)?(?: ?(?:г|год|года|ж|жыл)\.?)?$/.exec(plain(raw));
	const year = m ? Number(m[1]) : NaN;
	if (!inYears(year)) return problem(null, 'invalid year', raw);
	return latest && year > Number(latest.slice(0, 4)) ? problem(null, `year after the export date (${latest})`, raw) : { value: year };
}

/** yyyy-mm-dd, compared as text. */
const isoDay = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function isCalendarDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	// Day 0 of the next month is the last day of this one (leap years included).
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First three letters of month names in English and Russian (nominative and genitive share them). */
const MONTHS = new Map<string, number>(
	['jan янв', 'feb фев', 'mar мар', 'apr апр', 'may май мая', 'jun июн', 'jul июл', 'aug авг', 'sep сен', 'oct окт', 'nov ноя', 'dec дек'].flatMap(
		(names, i) => names.split(' ').map((n) => [n, i + 1] as [string, number])
	)
);
const monthOf = (name: string) => MONTHS.get(name.slice(0, 3)) ?? 0;

// Excel stores dates as days since 1899-12-30: 18264 is 1950-01-01, 73415 is 2100-12-31.
const EXCEL_FIRST = 18264;
const EXCEL_LAST = 73415;

/** Optional time of day after a date: "10:22", "10:22:00.5", "12:00:00 am", "T10:22Z", "+06:00". */
const TIME = String.raw`(?:[t ] ?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[ap]\.?m\.?)?(?: ?(?:z|[+-]\d{2}(?::?\d{2})?))?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const YMD_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const DMY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const DMY_SHORT = new RegExp(String.raw`^\d{1,2}([-/.])\d{1,2}\1\d{2}${TIME}$`);
const YM = /^(\d{4})-(\d{1,2})$/;
const MY = /^(\d{1,2})[-/.](\d{4})$/;
const D_MONTH_Y = /^(\d{1,2})[ -]?([a-zа-я]{3,})\.?,?[ -]?(\d{2}|\d{4})$/;
const MONTH_D_Y = /^([a-z]{3,})\.? (\d{1,2}),? (\d{2}|\d{4})$/;
/** Only the year counts, so a month or a quarter of a year is enough: «март 2024», "Q1 2024", «I кв. 2024». */
const MONTH_Y = /^([a-zа-я]{3,})\.?,? (\d{4})$/;
const QUARTER_Y = /^(?:q[1-4]|[1-4iv]{1,3} ?(?:кв|квартал)\.?) ?(\d{4})$/;

/**
 * The year of a date. Only the year is kept, so a date need only be real under one reading.
 * `latest`: the export's date (yyyy-mm-dd); a date after it is rejected, one that may be on or
 * before it under some reading (a month without a day, dd/mm or mm/dd) is not.
 */
export function normaliseDate(raw: string, latest?: string): Normalised<number | null> {
	if (isBlank(raw)) return { value: null, problem: 'missing date' };
	const text = plain(raw).replace(/ ?(?:г|года?)\.?$/, '');
	// `first`: the earliest day the value can mean.
	const dated = (y: number, ok: boolean, first = isoDay(y, 1, 1)): Normalised<number | null> =>
		!ok
			? problem(null, 'invalid date', raw)
			: !inYears(y)
				? problem(null, 'date out of range', raw)
				: latest && first > latest
					? problem(null, `date after the export date (${latest})`, raw)
					: { value: y };

	let m = YMD.exec(text) ?? YMD_BASIC.exec(text);
	if (m) {
		const [y, mo, d] = (m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]]).map(Number);
		return dated(y, isCalendarDate(y, mo, d), isoDay(y, mo, d));
	}
	if ((m = DMY.exec(text))) {
		const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
		// dd/mm and mm/dd cannot be told apart when both parts are ≤ 12, but both give the same year.
		const readings = [[b, a], [a, b]].filter(([mo, d]) => isCalendarDate(y, mo, d)).map(([mo, d]) => isoDay(y, mo, d));
		return dated(y, readings.length > 0, readings.sort()[0]);
	}
	if ((m = YM.exec(text))) return dated(Number(m[1]), Number(m[2]) >= 1 && Number(m[2]) <= 12, isoDay(Number(m[1]), Number(m[2]), 1));
	if ((m = MY.exec(text))) return dated(Number(m[2]), Number(m[1]) >= 1 && Number(m[1]) <= 12, isoDay(Number(m[2]), Number(m[1]), 1));
	m = D_MONTH_Y.exec(text);
	const named = m ? { d: m[1], mo: m[2], y: m[3] } : (m = MONTH_D_Y.exec(text)) ? { d: m[2], mo: m[1], y: m[3] } : undefined;
	if (named && monthOf(named.mo)) {
		if (named.y.length === 2) return problem(null, 'two-digit year in date', raw);
		const [y, mo, d] = [Number(named.y), monthOf(named.mo), Number(named.d)];
		return dated(y, isCalendarDate(y, mo, d), isoDay(y, mo, d));
	}
	if ((m = MONTH_Y.exec(text)) && monthOf(m[1])) return dated(Number(m[2]), true, isoDay(Number(m[2]), monthOf(m[1]), 1));
	if ((m = QUARTER_Y.exec(text))) return dated(Number(m[1]), true);
	// "15.03.24" could be 1924 or 2024: ambiguous, so reported rather than guessed.
	if (DMY_SHORT.test(text)) return problem(null, 'two-digit year in date', raw);
	// A date column that holds only years (also as a spreadsheet number, "2024.0").
	if ((m = /^(\d{4})(?:\.0+)?$/.exec(text))) return inYears(Number(m[1])) ? dated(Number(m[1]), true) : problem(null, 'invalid date', raw);
	// A serial could count from 1900 or (old Mac Excel) 1904: reported, not converted.
	m = /^(\d{1,6})(?:[.,]\d+)?$/.exec(text);
	if (m && Number(m[1]) >= EXCEL_FIRST && Number(m[1]) <= EXCEL_LAST) return problem(null, 'looks like an Excel serial date', raw);
	return problem(null, 'invalid date', raw);
}

// ——— sex ———

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

// ——— age ———

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

// ——— type of exploitation, case type ———

/** Codes for the types of the CTDC data standard; any other case type is kept as the export writes it. */
const EXPLOITATION = table<string>([
	['sexual', ['sexual exploitation', 'sexual', 'sexual exploit', 'isSexualExploit', 'commercial sexual exploitation', 'сексуальная эксплуатация', 'сексуальная', 'сексуалдык эксплуатация']],
	['labour', ['forced labour', 'forced labor', 'labour exploitation', 'labor exploitation', 'labour', 'labor', 'isForcedLabour', 'трудовая эксплуатация', 'принудительный труд', 'трудовая', 'эмгек эксплуатациясы', 'мажбурлап иштетүү']],
	['marriage', ['forced marriage', 'isForcedMarriage', 'принудительный брак', 'мажбурлап нике', 'мажбурлап үйлөнтүү']],
	['slavery', ['slavery and similar practices', 'slavery', 'isSlaveryAndPractices', 'рабство', 'рабство и сходные практики', 'кулчулук']],
	['military', ['forced military', 'forced military service', 'isForcedMilitary', 'принудительная военная служба', 'мажбурлап аскердик кызмат']],
	['organs', ['organ removal', 'removal of organs', 'isOrganRemoval', 'изъятие органов', 'органдарды алуу']],
	['begging', ['forced begging', 'begging', 'принудительное попрошайничество', 'попрошайничество', 'мажбурлап кайырчылык']],
	['criminal', ['forced criminal activity', 'forced criminality', 'принуждение к преступной деятельности', 'кылмыштуу ишке мажбурлоо']],
	[OTHER, ['other', 'other exploitation', 'isOtherExploit', 'другое', 'другая эксплуатация', 'иное', 'башка']]
]);

/** CTDC joins several types with ";"; other exports with a comma, a slash or "+" too. */
const TYPE_LIST = /\s*[;|\n]\s*/;
const TYPE_LIST_LOOSE = /\s*[;|\n,/+]\s*/;

/**
 * A type of exploitation (a code from the table above), or a case type as written (free text, like
 * a programme). Several types in one cell ("Sexual exploitation;Forced labour") are SEVERAL: a
 * person is counted once, so the categories of the view add up to its total, as every view's do
 * (the release's protection and its audit rest on that). Never a problem: any text is a case type.
 */
export function normaliseExploitation(raw: string): Normalised<string> {
	if (isBlankOrZero(raw)) return { value: UNKNOWN };
	const parts = (split: RegExp) => raw.split(split).filter((p) => !isBlankOrZero(p));
	const loose = parts(TYPE_LIST_LOOSE);
	// Split on commas or slashes only where every piece is a known type: "Violence, domestic" is one case type.
	const pieces = loose.length > 1 && loose.every((p) => EXPLOITATION.has(key(p))) ? loose : parts(TYPE_LIST);
	const types = new Set(pieces.map((p) => EXPLOITATION.get(key(p)) ?? normaliseText(p).value));
	return { value: types.size === 0 ? UNKNOWN : types.size > 1 ? SEVERAL : [...types][0] };
}

/** The types each of CTDC's yes/no columns names. */
const FLAG_TYPES: Record<ExploitFlag, string[]> = {
	sexual: ['sexual'],
	labour: ['labour'],
	sex_and_labour: ['sexual', 'labour'],
	marriage: ['marriage'],
	slavery: ['slavery'],
	military: ['military'],
	organs: ['organs'],
	other: [OTHER]
};

const YES_NO = table<boolean>([
	[true, ['1', '1.0', 'yes', 'y', 'true', 'x', 'да', 'ооба']],
	[false, ['0', '0.0', 'no', 'n', 'false', 'нет', 'жок']]
]);

/** One of CTDC's yes/no columns: 1 (yes, true) is yes; 0, no, -99 and blank are not. */
export function normaliseFlag(raw: string): Normalised<boolean> {
	if (isBlank(raw)) return { value: false };
	const value = YES_NO.get(key(raw));
	return value === undefined ? problem(false, 'not yes or no', raw) : { value };
}

/** A person's type of exploitation from the flags set for them: one type, SEVERAL, or UNKNOWN when none is. */
export function exploitationOfFlags(set: readonly ExploitFlag[]): string {
	const types = new Set(set.flatMap((flag) => FLAG_TYPES[flag]));
	return types.size === 0 ? UNKNOWN : types.size > 1 ? SEVERAL : [...types][0];
}

// ——— nationality ———

/** ISO 3166-1 alpha-2, 'stateless', or UNKNOWN. "NA" is read as "not available", not Namibia. */
export function normaliseNationality(raw: string): Normalised<Nationality> {
	if (isBlankOrZero(raw)) return { value: UNKNOWN };
	const found = matchCountry(raw);
	return found ? { value: found } : (withoutNote(raw, normaliseNationality) ?? problem(UNKNOWN, 'unrecognised country', raw));
}

// ——— disability ———

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

// ——— Washington Group Short Set ———

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

// ——— count and text ———

/** A whole number ≥ 0; thousands may be grouped by spaces (Russian usage) or commas (English). */
export function normaliseCount(raw: string): Normalised<number | null> {
	if (isBlank(raw)) return { value: null, problem: 'missing count' };
	// NFKC (in plain) has already made no-break and narrow no-break spaces ordinary spaces.
	const text = plain(raw);
	const grouped = /^\d{1,3}(?:( |,)\d{3})(?:\1\d{3})*$/.test(text);
	// "12.0" is a spreadsheet's whole number, but "1.000" may be a thousand (a dot groups thousands
	// in some locales): at most two zero decimals.
	const digits = grouped ? text.replace(/[ ,]/g, '') : (/^(\d+)(?:[.,]0{1,2})?$/.exec(text)?.[1] ?? '');
	const n = digits === '' ? NaN : Number(digits);
	return Number.isSafeInteger(n) ? { value: n } : problem(null, 'invalid count', raw);
}

/** Free text (organisation, programme, group, region): the text itself is the category. */
export function normaliseText(raw: string): Normalised<string> {
	// Zero-width spaces and BOMs would split one category into invisible twins.
	const text = raw.normalize('NFC').replace(/[\u200b\u2060\ufeff]/g, '').trim().replace(/\s+/g, ' ');
	return { value: isBlank(text) ? UNKNOWN : text };
}
