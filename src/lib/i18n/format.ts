/**
 * The one place for Intl and the display rules: counts from 1 to k−1 are never shown exactly,
 * shares only on at least k people and as bounds near 0% and 100%.
 */
import { OTHER, SEVERAL, UNKNOWN, WITHHELD, type Bound, type DisplayContext, type Lang } from '$lib/types';
import { regionName } from './region-names';

/**
 * Browsers with a reduced ICU (Chromium among them) have no Kyrgyz: Intl would write "2,863" on
 * /ky/, in English. Kyrgyz writes numbers as Russian does ("2 863", "0,5"), but "34%" without a
 * space: Russian's formats stand in, that space removed.
 */
const STAND_IN: Partial<Record<Lang, Lang>> = { ky: 'ru' };
const knowsLocale = new Map<Lang, boolean>();
function intlLocale(lang: Lang): Lang {
	if (!knowsLocale.has(lang)) knowsLocale.set(lang, Intl.NumberFormat.supportedLocalesOf([lang]).length > 0);
	return knowsLocale.get(lang) ? lang : (STAND_IN[lang] ?? lang);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = lang + JSON.stringify(options);
	let f = numberFormats.get(key);
	if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlLocale(lang), options)));
	return f;
}

export function formatNumber(n: number, lang: Lang): string {
	return numberFormat(lang).format(n);
}

/** Kyrgyz months as ICU writes them: Chromium has no Kyrgyz dates, and Node's must be the same text. */
const MONTHS_KY = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** A date (yyyy-mm-dd) in words: "15 January 2026" (day first, as read in Central Asia), «15 января 2026 г.», «2026-ж., 15-январь». */
export function formatDate(iso: string, lang: Lang): string {
	const [year, month, day] = iso.split('-').map(Number);
	if (lang === 'ky') return `${year}-ж., ${day}-${MONTHS_KY[month - 1]}`;
	return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function formatPercent(x: number, lang: Lang, digits = 0): string {
	const text = numberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(x);
	return intlLocale(lang) === lang ? text : text.replace(/\s%/, '%');
}

export interface Displayed {
	text: string;
	/** The exact figure behind the text, or null when it must not be shown. */
	value: number | null;
	suppressed: boolean;
}

export function displayCount(n: number, ctx: DisplayContext): Displayed {
	if (!ctx.exact && n > 0 && n < ctx.k) return { text: `<${formatNumber(ctx.k, ctx.lang)}`, value: null, suppressed: true };
	const shown = !ctx.exact && ctx.round ? Math.round(n / ctx.round) * ctx.round : n;
	return { text: formatNumber(shown, ctx.lang), value: n, suppressed: false };
}

/**
 * A count that may be a lower bound (`exact` false: people withheld from some of its parts):
 * "≥ N", or "—" when less than k of it is seen, since a hidden count is never shown as 0.
 * `data`: the test contract's data-value, '' when no figure is shown.
 */
export function displayFigure(n: number, exact: boolean, ctx: DisplayContext): Displayed & { bound: Bound; data: string } {
	if (!exact) {
		// Nothing seen of it, or less than k seen: "≥ 5" would read as a small count shown.
		if (n <= 0 || (!ctx.exact && n < ctx.k)) return { text: '—', value: null, suppressed: true, bound: 'none', data: '' };
		return { text: `≥ ${formatNumber(n, ctx.lang)}`, value: n, suppressed: false, bound: 'lower', data: String(n) };
	}
	const shown = displayCount(n, ctx);
	return shown.suppressed ? { ...shown, bound: 'hidden', data: '' } : { ...shown, bound: 'exact', data: String(n) };
}

const NOT_SHOWN: Record<Lang, string> = { en: 'not shown', ru: 'не показано', ky: 'көрсөтүлбөйт' };

export function displayShare(numerator: number, denominator: number, ctx: DisplayContext): Displayed & { bound: '<' | '>' | null } {
	if (ctx.exact && denominator > 0)
		return { text: formatPercent(numerator / denominator, ctx.lang), value: round4(numerator / denominator), suppressed: false, bound: null };
	if (denominator < ctx.k || denominator === 0) return { text: NOT_SHOWN[ctx.lang], value: null, suppressed: true, bound: null };
	if (numerator < ctx.k) {
		const x = Math.ceil((100 * ctx.k) / denominator);
		return { text: `<${formatPercent(x / 100, ctx.lang)}`, value: null, suppressed: true, bound: '<' };
	}
	if (denominator - numerator < ctx.k) {
		const y = Math.floor(100 * (1 - ctx.k / denominator));
		return { text: `>${formatPercent(y / 100, ctx.lang)}`, value: null, suppressed: true, bound: '>' };
	}
	return { text: formatPercent(numerator / denominator, ctx.lang), value: round4(numerator / denominator), suppressed: false, bound: null };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Local usage where it differs from ICU: Kyrgyzstan is «Кыргызстан» in Russian, not «Киргизия». */
const COUNTRY_OVERRIDES: Partial<Record<Lang, Record<string, string>>> = {
	ru: { KG: 'Кыргызстан' },
	ky: { KG: 'Кыргызстан' }
};

/** Country names for a language the browser's Intl may lack (Kyrgyz), registered by loadMessages. */
const countryTables: Partial<Record<Lang, Record<string, string>>> = {};
export function useCountryNames(lang: Lang, names: Record<string, string>): void {
	countryTables[lang] = names;
}

const regionNames = new Map<Lang, Intl.DisplayNames | null>();
export function countryName(code: string, lang: Lang): string {
	const known = COUNTRY_OVERRIDES[lang]?.[code] ?? countryTables[lang]?.[code];
	if (known) return known;
	if (!regionNames.has(lang)) {
		try {
			regionNames.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'region' }));
		} catch {
			regionNames.set(lang, null);
		}
	}
	try {
		return regionNames.get(lang)?.of(code) ?? code;
	} catch {
		return code;
	}
}

export type LabelField = 'nationality' | 'disability' | 'sex' | 'age' | 'group' | 'region' | 'organisation' | 'programme' | 'exploitation';

type Labels = Record<string, Record<Lang, string>>;

const TOKENS: Labels = {
	[UNKNOWN]: { en: 'Unknown', ru: 'Не указано', ky: 'Белгисиз' },
	[WITHHELD]: { en: 'Withheld', ru: 'Скрыто', ky: 'Жашырылган' },
	stateless: { en: 'Stateless', ru: 'Без гражданства', ky: 'Жарандыгы жок' },
	female: { en: 'Women and girls', ru: 'Женщины и девочки', ky: 'Аялдар жана кыздар' },
	male: { en: 'Men and boys', ru: 'Мужчины и мальчики', ky: 'Эркектер жана балдар' },
	other: { en: 'Other', ru: 'Другое', ky: 'Башка' },
	yes: { en: 'With a disability', ru: 'С инвалидностью', ky: 'Майыптуулугу бар' },
	no: { en: 'Without a disability', ru: 'Без инвалидности', ky: 'Майыптуулугу жок' },
	child: { en: 'Children', ru: 'Дети', ky: 'Балдар' },
	adult: { en: 'Adults', ru: 'Взрослые', ky: 'Чоңдор' },
	// Children (adults) whose band is not shown, beside the bands that are.
	'other-child': { en: 'Other children', ru: 'Другие дети', ky: 'Башка балдар' },
	'other-adult': { en: 'Other adults', ru: 'Другие взрослые', ky: 'Башка чоңдор' },
	'0-4': { en: '0–4', ru: '0–4', ky: '0–4' },
	'5-11': { en: '5–11', ru: '5–11', ky: '5–11' },
	'12-17': { en: '12–17', ru: '12–17', ky: '12–17' },
	'18-59': { en: '18–59', ru: '18–59', ky: '18–59' },
	'60+': { en: '60+', ru: '60+', ky: '60+' }
};

/** The types of exploitation of the CTDC data standard (normaliseExploitation's codes); a case type of the export is its own label. */
const EXPLOITATION: Labels = {
	sexual: { en: 'Sexual exploitation', ru: 'Сексуальная эксплуатация', ky: 'Сексуалдык эксплуатация' },
	labour: { en: 'Forced labour', ru: 'Принудительный труд', ky: 'Мажбурлап иштетүү' },
	marriage: { en: 'Forced marriage', ru: 'Принудительный брак', ky: 'Мажбурлап никелештирүү' },
	slavery: { en: 'Slavery and similar practices', ru: 'Рабство и сходные практики', ky: 'Кулчулук жана ага окшош практикалар' },
	military: { en: 'Forced military service', ru: 'Принудительная военная служба', ky: 'Мажбурлап аскердик кызмат' },
	organs: { en: 'Organ removal', ru: 'Изъятие органов', ky: 'Органдарды алуу' },
	begging: { en: 'Forced begging', ru: 'Принудительное попрошайничество', ky: 'Мажбурлап кайыр суратуу' },
	criminal: { en: 'Forced criminal activity', ru: 'Принуждение к преступной деятельности', ky: 'Кылмыштуу ишке мажбурлоо' },
	[SEVERAL]: { en: 'Several types', ru: 'Несколько видов', ky: 'Бир нече түрү' }
};

const OTHERS: Record<LabelField, Record<Lang, string>> = {
	nationality: { en: 'Other nationalities', ru: 'Другие гражданства', ky: 'Башка жарандыктар' },
	region: { en: 'Other regions', ru: 'Другие регионы', ky: 'Башка аймактар' },
	programme: { en: 'Other programmes', ru: 'Другие программы', ky: 'Башка программалар' },
	organisation: { en: 'Other organisations', ru: 'Другие организации', ky: 'Башка уюмдар' },
	group: { en: 'Other groups', ru: 'Другие группы', ky: 'Башка топтор' },
	sex: { en: 'Other', ru: 'Другое', ky: 'Башка' },
	age: { en: 'Other', ru: 'Другое', ky: 'Башка' },
	disability: { en: 'Other', ru: 'Другое', ky: 'Башка' },
	exploitation: { en: 'Other types', ru: 'Другие виды', ky: 'Башка түрлөрү' }
};

export function categoryLabel(field: LabelField, value: string, lang: Lang): string {
	if (value === OTHER) return OTHERS[field][lang];
	if (value === UNKNOWN || value === WITHHELD) return TOKENS[value][lang];
	if (field === 'nationality') return value === 'stateless' ? TOKENS.stateless[lang] : countryName(value, lang);
	if (field === 'sex' || field === 'age' || field === 'disability') return TOKENS[value]?.[lang] ?? value;
	if (field === 'exploitation') return EXPLOITATION[value]?.[lang] ?? value;
	if (field === 'region') return regionName(value, lang) ?? value;
	return value;
}

export function pluralForm(n: number, lang: Lang, forms: Partial<Record<Intl.LDMLPluralRule, string>>): string {
	const rule = new Intl.PluralRules(lang).select(n);
	return forms[rule] ?? forms.other ?? '';
}
