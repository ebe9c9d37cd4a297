import { siteData } from '$lib/server/site-data';
import { chartsToSvg } from '$lib/server/render-charts';
import { dashboardCharts } from '$lib/charts/dashboard';
import { chartOptions } from '$lib/charts/labels';
import { loadMessages } from '$lib/i18n/messages';
import type { Lang } from '$lib/types';
import type { PageServerLoad } from './$types';

/** Headline figures and default charts go into the HTML: no JavaScript or wasm needed to see them. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const lang = (params.lang ?? 'en') as Lang;
	const site = await siteData();
	const ctx = { lang, k: site.settings.k, round: site.settings.rounding };
	locals.charts = chartsToSvg(dashboardCharts(site.initial, chartOptions(ctx), await loadMessages(lang)));
	return {
		settings: site.settings,
		options: site.options,
		initial: site.initial,
		defaultFilters: site.defaultFilters,
		exportDate: site.exportDate,
		span: site.span,
		lineage: site.lineage
	};
};
