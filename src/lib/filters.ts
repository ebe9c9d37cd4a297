/**
 * Filter state ↔ URL query, so a view can be shared: `?from=2023&to=2025&org=…&programme=…&group=…`,
 * values as they appear in the data. Reading the query is a browser concern (prerendering cannot).
 */
import type { Filters } from '$lib/types';

/** The URL key of each scope field. */
export const URL_KEYS = { organisation: 'org', programme: 'programme', group: 'group' } as const;

function year(value: string | null): number | undefined {
	return value !== null && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

export function filtersFromSearch(search: URLSearchParams, defaults: Filters): Filters {
	const filters: Filters = { from: year(search.get('from')) ?? defaults.from, to: year(search.get('to')) ?? defaults.to };
	for (const [field, key] of Object.entries(URL_KEYS) as [keyof typeof URL_KEYS, string][]) {
		const value = search.get(key);
		if (value) filters[field] = value;
	}
	return filters;
}

/** Only what differs from the defaults goes into the URL. */
export function searchFromFilters(filters: Filters, defaults: Filters): URLSearchParams {
	const search = new URLSearchParams();
	if (filters.from !== undefined && filters.from !== defaults.from) search.set('from', String(filters.from));
	if (filters.to !== undefined && filters.to !== defaults.to) search.set('to', String(filters.to));
	for (const [field, key] of Object.entries(URL_KEYS) as [keyof typeof URL_KEYS, string][]) {
		const value = filters[field];
		if (value !== undefined) search.set(key, value);
	}
	return search;
}

/** One filter set from a form's value: "" clears a scope field, and the period never runs backwards. */
export function changeFilter(filters: Filters, field: keyof Filters, raw: string): Filters {
	const next: Filters = { ...filters };
	if (field === 'from' || field === 'to') next[field] = Number(raw);
	else if (raw === '') delete next[field];
	else next[field] = raw;
	if (next.from !== undefined && next.to !== undefined && next.from > next.to) {
		if (field === 'from') next.to = next.from;
		else next.from = next.to;
	}
	return next;
}

export function sameFilters(a: Filters, b: Filters): boolean {
	return searchFromFilters(a, {}).toString() === searchFromFilters(b, {}).toString();
}
