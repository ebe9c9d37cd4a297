/**
 * Views one change away from the default, computed at build time like the default itself: a
 * visitor's first change (or a shared link to such a view) is answered at once, without waiting
 * about a second for DuckDB-wasm to start, which starts alongside for whatever comes next.
 * Same SQL, same release: a prepared view is exactly what the engine would answer. Light on
 * purpose (no SQL here): the page imports it before anything else is loaded.
 */
import { changeFilter, searchFromFilters } from '$lib/filters';
import type { Filters, ScopeField } from '$lib/types';
import type { StackBy } from './beneficiaries';
import type { ScopeOptions } from '.';

export interface View {
	filters: Filters;
	stackBy: StackBy;
}

/** What the trend can be split by: the scope fields, and beneficiary group (its own view when not in scope). */
export function stackChoices(scope: ScopeField[]): StackBy[] {
	return ['none', ...scope, ...(scope.includes('group') ? [] : (['group'] as const))];
}

/** A view's key in the prepared file: its filters as a URL query (every key written), and the split. */
export function viewKey({ filters, stackBy }: View): string {
	const search = searchFromFilters(filters, {});
	search.sort();
	return `${search}|${stackBy}`;
}

/** The default view and every view one choice away from it: each start or end year, each value of a scope field, each split. */
export function oneChangeAway(defaults: Filters, options: ScopeOptions, scope: ScopeField[]): View[] {
	const views: View[] = [{ filters: defaults, stackBy: 'none' }];
	for (const year of options.years) {
		if (year !== defaults.from) views.push({ filters: changeFilter(defaults, 'from', String(year)), stackBy: 'none' });
		if (year !== defaults.to) views.push({ filters: changeFilter(defaults, 'to', String(year)), stackBy: 'none' });
	}
	for (const field of scope) for (const value of options[field]) views.push({ filters: changeFilter(defaults, field, value), stackBy: 'none' });
	for (const stackBy of stackChoices(scope).slice(1)) views.push({ filters: defaults, stackBy });
	return views;
}
