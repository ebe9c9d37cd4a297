import { publishedCounts, siteData } from '$lib/server/site-data';
import { yearFigures } from '$lib/upload/year-figures';
import type { PageServerLoad } from './$types';

/** The published figures per year, for the comparison with a dropped-in export. */
export const load: PageServerLoad = async () => {
	const site = await siteData();
	return { settings: site.settings, published: await yearFigures(await publishedCounts()) };
};
