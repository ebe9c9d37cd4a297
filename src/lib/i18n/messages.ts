/**
 * Interface text in English, Russian and Kyrgyz. Plain typed modules: three languages do not need
 * a framework, and a missing key is a type error. Functions take what varies (k, a year). A page
 * downloads its own language only (the language switch reloads the page).
 */
import type { Lang } from '$lib/types';
import type { Messages } from './messages/en';
import { useCountryNames } from './format';

export type { Messages };

/** Each language's name in itself, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский', ky: 'Кыргызча' };

const LOADERS: Record<Lang, () => Promise<{ default: Messages }>> = {
	en: () => import('./messages/en'),
	ru: () => import('./messages/ru'),
	ky: () => import('./messages/ky')
};

/** Locale data a browser's Intl may lack (Kyrgyz country names): loaded by that language's pages only. */
const LOCALE_DATA: Partial<Record<Lang, () => Promise<{ default: Record<string, string> }>>> = {
	ky: () => import('./country-names-ky')
};

export async function loadMessages(lang: Lang): Promise<Messages> {
	const [messages, countries] = await Promise.all([LOADERS[lang](), LOCALE_DATA[lang]?.()]);
	if (countries) useCountryNames(lang, countries.default);
	return messages.default;
}

/** Path of `page` (e.g. "methodology/") in `lang`: English at the root, others under /ru/, /ky/. */
export function localePath(lang: Lang, page = ''): string {
	return lang === 'en' ? `/${page}` : `/${lang}/${page}`;
}
