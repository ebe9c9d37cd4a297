/**
 * Kyrgyzstan's seven oblasts and its two cities of republican significance, named as Kyrgyzstan
 * names them in each language. A region is free text in an export (normaliseText keeps it as
 * written): one written as these are, in English, Russian or Kyrgyz, with or without "oblast" /
 * «область» / «облусу» or "city" / «город» / «шаары», is named in the page's language; any other
 * is shown as written. "Osh" alone is the oblast, as in an oblast column; the city is "Osh city".
 */
import type { Lang } from '$lib/types';

type Names = Record<Lang, string>;

const REGIONS: [Names, string[]][] = [
	[{ en: 'Batken', ru: 'Баткенская область', ky: 'Баткен облусу' }, ['batken', 'баткен', 'баткенская']],
	[{ en: 'Chuy', ru: 'Чуйская область', ky: 'Чүй облусу' }, ['chuy', 'chui', 'chüy', 'чуй', 'чүй', 'чуйская']],
	[{ en: 'Issyk-Kul', ru: 'Иссык-Кульская область', ky: 'Ысык-Көл облусу' }, ['issyk-kul', 'issyk kul', 'ysyk-kol', 'иссык-куль', 'иссык-кульская', 'ысык-көл', 'ысык-кол']],
	[{ en: 'Jalal-Abad', ru: 'Джалал-Абадская область', ky: 'Жалал-Абад облусу' }, ['jalal-abad', 'jalalabad', 'djalal-abad', 'джалал-абад', 'джалал-абадская', 'жалал-абад']],
	[{ en: 'Naryn', ru: 'Нарынская область', ky: 'Нарын облусу' }, ['naryn', 'нарын', 'нарынская']],
	[{ en: 'Osh region', ru: 'Ошская область', ky: 'Ош облусу' }, ['osh', 'ош', 'ошская']],
	[{ en: 'Talas', ru: 'Таласская область', ky: 'Талас облусу' }, ['talas', 'талас', 'таласская']],
	[{ en: 'Bishkek city', ru: 'город Бишкек', ky: 'Бишкек шаары' }, ['bishkek', 'бишкек']],
	[{ en: 'Osh city', ru: 'город Ош', ky: 'Ош шаары' }, ['osh city', 'ош шаары', 'город ош', 'г. ош', 'г.ош']]
];

/** Words around a name that do not change which region it is. */
const REGION_WORDS = /\s+(oblast|oblasty|region|province|область|обл\.|облусу|облус)$/u;
const CITY_WORDS = /^(city of|город|г\.)\s*|\s*(city|шаары|шаар)$/u;

const byAlias = new Map<string, Names>();
for (const [names, aliases] of REGIONS) for (const alias of aliases) byAlias.set(alias, names);

function key(value: string): string {
	return value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The region's name in `lang`, or undefined when `value` is not one of Kyrgyzstan's oblasts or cities. */
export function regionName(value: string, lang: Lang): string | undefined {
	const k = key(value);
	const names = byAlias.get(k) ?? byAlias.get(k.replace(REGION_WORDS, '')) ?? cityName(k);
	return names?.[lang];
}

/** "Bishkek city", «г. Бишкек», «Бишкек шаары»: Bishkek (a city only); "Osh city", «город Ош»: the city, never the oblast. */
function cityName(k: string): Names | undefined {
	const bare = k.replace(CITY_WORDS, '');
	if (bare === k) return undefined;
	if (bare === 'osh' || bare === 'ош') return byAlias.get('osh city');
	return bare === 'bishkek' || bare === 'бишкек' ? byAlias.get('bishkek') : undefined;
}
