/**
 * Sentences a director can paste into a grant report, in English, Russian and Kyrgyz. Numbers
 * follow the display rules and each language's plural forms (Intl.PluralRules: 1 человек,
 * 2 человека, 5 человек); a Kyrgyz noun stays singular after a numeral (5 адам, 3 өлкө).
 */
import type { DisplayContext, Lang } from '$lib/types';
import { countryName, displayCount, displayShare, formatNumber, formatPercent, pluralForm } from '$lib/i18n/format';
import type { PeriodFigures } from './report-table';

type Forms = Record<Lang, Partial<Record<Intl.LDMLPluralRule, string>>>;

const PEOPLE: Forms = { en: { one: 'person', other: 'people' }, ru: { one: 'человек', few: 'человека', many: 'человек', other: 'человека' }, ky: { other: 'адам' } };
/** After «из»: из 1 человека, из 2 человек, из 5 человек. */
const PEOPLE_GENITIVE: Forms = { en: PEOPLE.en, ru: { one: 'человека', other: 'человек' }, ky: PEOPLE.ky };
const COUNTRIES: Forms = { en: { one: 'country', other: 'countries' }, ru: { one: 'страна', few: 'страны', many: 'стран', other: 'страны' }, ky: { other: 'өлкө' } };

/**
 * Kyrgyz years as a stem for case endings: «2024-жыл» + «ы» = in 2024, + «га караганда» = than in 2024.
 * Both stems end in л/р, so the same endings fit either.
 */
const kyYears = (from: number, to: number) => (from === to ? `${from}-жыл` : `${from}–${to}-жылдар`);

function period(from: number, to: number, lang: Lang): string {
	if (lang === 'en') return from === to ? `In ${from}` : `From ${from} to ${to}`;
	if (lang === 'ky') return `${kyYears(from, to)}ы`;
	return from === to ? `В ${from} году` : `В ${from}–${to} годах`;
}

function range(from: number, to: number, lang: Lang): string {
	const years = from === to ? `${from}` : `${from}–${to}`;
	return lang === 'en' ? `in ${years}` : from === to ? `в ${years} году` : `в ${years} годах`;
}

/**
 * "312 people" / «312 человек» / «312 адам», or "fewer than 10 people" / «менее 10 человек» /
 * «10 адамдан аз адам». The Kyrgyz phrase always ends in «адам», so a case ending can follow it.
 */
export function people(n: number, ctx: DisplayContext, forms: Forms = PEOPLE): string {
	const lang = ctx.lang;
	const shown = displayCount(n, ctx);
	if (shown.suppressed) return lang === 'en' ? `fewer than ${ctx.k} people` : lang === 'ky' ? `${ctx.k} адамдан аз адам` : `менее ${ctx.k} человек`;
	const shownNumber = ctx.round && !ctx.exact ? Math.round(n / ctx.round) * ctx.round : n;
	return `${shown.text} ${pluralForm(shownNumber, lang, forms[lang])}`;
}

const AT_LEAST: Record<Lang, string> = { en: 'at least', ru: 'не менее', ky: 'кеминде' };

/** Why the share with a disability is not given where some people's status is withheld (it would not be the true share). */
const SHARE_UNKNOWN: Record<Lang, string> = {
	en: 'the share with a disability cannot be given: some people’s status is withheld at this level',
	ru: 'долю людей с инвалидностью назвать нельзя: статус части людей на этом уровне скрыт',
	ky: 'майыптуулугу барлардын үлүшүн айтууга болбойт: бул деңгээлде айрым адамдардын статусу жашырылган'
};

function served(f: PeriodFigures, subject: string, ctx: DisplayContext): string {
	const lang = ctx.lang;
	const t = f.total;
	const known = t.yes + t.no;
	// A row group of the period hidden whole: the people counted are a lower bound, said so.
	const who = `${t.complete ? '' : `${AT_LEAST[lang]} `}${people(t.people, ctx)}`;
	const share = displayShare(t.yes, known, ctx);
	const shareTrue = t.shareExact && t.complete;
	if (lang === 'en') {
		const head = `${period(f.from, f.to, lang)} ${subject} served ${who}`;
		if (t.people === 0) return `${period(f.from, f.to, lang)} ${subject} registered no one.`;
		if (!shareTrue) return `${head}; ${SHARE_UNKNOWN.en}.`;
		if (share.suppressed && share.bound === null) return `${head}; the share with a disability is not published for so few people.`;
		const of = share.bound === '<' ? `fewer than ${share.text.slice(1)}` : share.bound === '>' ? `more than ${share.text.slice(1)}` : share.text;
		return `${head}, ${of} of them with a disability (of ${people(known, ctx)} whose status is known).`;
	}
	if (lang === 'ky') {
		// The subject is in the nominative («программа», «уюмдар»): the one who gave the help.
		if (t.people === 0) return `${period(f.from, f.to, lang)} ${subject}: эч ким катталган эмес.`;
		const head = `${period(f.from, f.to, lang)} ${subject} ${who}га жардам көрсөттү`;
		if (!shareTrue) return `${head}; ${SHARE_UNKNOWN.ky}.`;
		if (share.suppressed && share.bound === null) return `${head}; мынчалык аз адам үчүн майыптуулугу барлардын үлүшү жарыяланбайт.`;
		// «%» is read «пайыз», so its ending does not depend on the number: 23%дан аз.
		const of = share.bound === '<' ? `${share.text.slice(1)}дан аз` : share.bound === '>' ? `${share.text.slice(1)}дан ашык` : share.text;
		return `${head}, майыптуулугу барлардын үлүшү — ${of} (статусу белгилүү ${people(known, ctx)}дын ичинен).`;
	}
	const verb = pluralForm(displayCount(t.people, ctx).suppressed ? 5 : t.people, 'ru', { one: 'получил', other: 'получили' });
	if (t.people === 0) return `${period(f.from, f.to, lang)} ${subject}: никто не зарегистрирован.`;
	const head = `${period(f.from, f.to, lang)} помощь ${subject} ${verb} ${who}`;
	if (!shareTrue) return `${head}; ${SHARE_UNKNOWN.ru}.`;
	if (share.suppressed && share.bound === null) return `${head}; доля людей с инвалидностью для такого малого числа не публикуется.`;
	const of = share.bound === '<' ? `менее ${share.text.slice(1)}` : share.bound === '>' ? `более ${share.text.slice(1)}` : share.text;
	return `${head}, из них ${of} — с инвалидностью (из ${people(known, ctx, PEOPLE_GENITIVE)} с известным статусом).`;
}

function countries(f: PeriodFigures, ctx: DisplayContext): string | null {
	const lang = ctx.lang;
	// Countries in "Other nationalities" count when the release says how many; they have no name to list.
	const n = f.countryCount;
	if (n === 0 || f.countries.length === 0) return null;
	// Some countries withheld (or in an "Other" that cannot be counted): the number is a lower bound,
	// said so; the people of each country may then lack some withheld too.
	const atLeast = !f.countryCountExact;
	const top = f.countries.slice(0, 2).map((c) => `${countryName(c.category, lang)} (${atLeast ? '≥ ' : ''}${displayCount(c.n, ctx).text})`);
	if (lang === 'en') {
		const list = top.join(' and ');
		if (atLeast) return `They came from at least ${formatNumber(n, 'en')} ${n === 1 ? 'country' : 'countries'}, most from ${list}.`;
		return n === 1 ? `They came from 1 country: ${list}.` : `They came from ${formatNumber(n, 'en')} countries, most from ${list}.`;
	}
	if (lang === 'ky') {
		if (atLeast) return `Жарандыгы: кеминде ${formatNumber(n, 'ky')} ${pluralForm(n, 'ky', COUNTRIES.ky)}; эң көбү — ${top.join(' жана ')}.`;
		return n === 1 ? `Жарандыгы: 1 өлкө — ${top[0]}.` : `Жарандыгы: ${formatNumber(n, 'ky')} ${pluralForm(n, 'ky', COUNTRIES.ky)}; эң көбү — ${top.join(' жана ')}.`;
	}
	return `Гражданство: ${atLeast ? 'не менее ' : ''}${formatNumber(n, 'ru')} ${pluralForm(n, 'ru', COUNTRIES.ru)}; больше всего — ${top.join(' и ')}.`;
}

function comparison(f: PeriodFigures, before: PeriodFigures | null, ctx: DisplayContext): string {
	const lang = ctx.lang;
	if (lang === 'ky') return kyComparison(f, before, ctx);
	const when = before ? range(before.from, before.to, lang) : '';
	if (!before || before.total.people === 0)
		return lang === 'en' ? `There is no earlier period of the same length to compare with${before ? ` (no one registered ${when})` : ''}.` : `Сравнить не с чем: ${before ? `${when} данных нет` : 'нет предыдущего периода'}.`;
	const now = f.total.people;
	const then = before.total.people;
	if (!f.total.complete || !before.total.complete)
		return lang === 'en' ? `A comparison with ${when.slice(3)} is not published: some people of one of the periods are withheld at this level.` : `Сравнение с периодом ${when} не публикуется: часть людей одного из периодов на этом уровне скрыта.`;
	if (now < ctx.k || then < ctx.k)
		return lang === 'en' ? `A comparison with ${when.slice(3)} is not published: one of the numbers is below ${ctx.k}.` : `Сравнение с периодом ${when} не публикуется: одно из чисел меньше ${ctx.k}.`;
	const change = (now - then) / then;
	const pct = formatPercent(Math.abs(change), lang);
	if (Math.abs(change) < 0.005) return lang === 'en' ? `This is about the same number as ${when}.` : `Это примерно столько же, сколько ${when}.`;
	if (lang === 'en') return `This is ${pct} ${change > 0 ? 'more' : 'fewer'} than ${when}.`;
	return `Это на ${pct} ${change > 0 ? 'больше' : 'меньше'}, чем ${when}.`;
}

/** Kyrgyz puts the earlier years in a different case in each sentence, hence its own function. */
function kyComparison(f: PeriodFigures, before: PeriodFigures | null, ctx: DisplayContext): string {
	if (!before) return 'Салыштыра турган мурунку мезгил жок.';
	const years = kyYears(before.from, before.to);
	const now = f.total.people;
	const then = before.total.people;
	if (then === 0) return `Салыштыра турган эч нерсе жок: ${years}ы эч ким катталган эмес.`;
	if (!f.total.complete || !before.total.complete) return `${years} менен салыштыруу жарыяланбайт: бул деңгээлде мезгилдердин биринин айрым адамдары жашырылган.`;
	// «10 адамдан аз», not «10дон аз»: a bare number's ending would follow how the number is read.
	if (now < ctx.k || then < ctx.k) return `${years} менен салыштыруу жарыяланбайт: мезгилдердин биринде ${ctx.k} адамдан аз катталган.`;
	const change = (now - then) / then;
	if (Math.abs(change) < 0.005) return `Бул ${years}дагы менен дээрлик бирдей.`;
	return `Бул ${years}га караганда ${formatPercent(Math.abs(change), 'ky')}га ${change > 0 ? 'көп' : 'аз'}.`;
}

/** The report's sentences for a period, compared with the period before it. */
export function reportSentences(current: PeriodFigures, previous: PeriodFigures | null, subject: string, ctx: DisplayContext): string[] {
	return [served(current, subject, ctx), countries(current, ctx), comparison(current, previous, ctx)].filter((s): s is string => s !== null);
}
