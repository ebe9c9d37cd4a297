import { siteData } from '$lib/server/site-data';
import { createNodeEngine } from '$lib/server/engine-node';
import { loadCounts } from '$lib/indicators';
import { yearFigures } from '$lib/upload/year-figures';
import type { PageServerLoad } from './$types';

/** The published figures per year, for the comparison with a dropped-in export. */
export const load: PageServerLoad = async () => {
	const site = await siteData();
	const engine = await createNodeEngine();
	try {
		await loadCounts(engine, site.release);
		return { settings: site.settings, published: await yearFigures(engine, site.options.years) };
	} finally {
		await engine.close();
	}
};
