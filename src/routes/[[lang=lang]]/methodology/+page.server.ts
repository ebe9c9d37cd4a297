import { siteData } from '$lib/server/site-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { settings, loss, audit, sources, exportDate, lineage, revises } = await siteData();
	return { settings, loss, audit, sources, exportDate, lineage, revises };
};
