import { publishedCounts, siteData } from '$lib/server/site-data';
import { buildReport } from '$lib/report';
import { chartsToSvg } from '$lib/server/render-charts';
import { dashboardCharts } from '$lib/charts/dashboard';
import { chartOptions } from '$lib/charts/labels';
import { loadMessages } from '$lib/i18n/messages';
import { reportPeriod } from '$lib/settings';
import type { Lang } from '$lib/types';
import type { PageServerLoad } from './$types';

/** The report for the first named grant period (else the default period), prerendered. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const lang = (params.lang ?? 'en') as Lang;
	const { settings, options, headline, exportDate, lineage } = await siteData();
	const period = reportPeriod(settings, headline);
	const report = await buildReport(await publishedCounts(), { from: period.from, to: period.to }, settings.country);
	const ctx = { lang, k: settings.k, round: settings.rounding };
	locals.charts = chartsToSvg(dashboardCharts(report.indicators, chartOptions(ctx), await loadMessages(lang)));
	return {
		settings,
		options,
		report,
		exportDate,
		lineage,
		defaultPeriod: { from: period.from, to: period.to, id: 'id' in period ? period.id : undefined }
	};
};
