import type { Lang } from '$lib/types';
import { loadMessages } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ params }) => {
	const lang = (params.lang ?? 'en') as Lang;
	return { lang, m: await loadMessages(lang) };
};
