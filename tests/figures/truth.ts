/**
 * Every figure a page shows, held against the truth: a tile or a cell of a chart's table, as the
 * test contract reads it (data-kpi / data-chart, data-key, data-value, data-bound), whether from
 * the page's model in Node or from the built page's DOM in Chromium. A figure is right when it is
 * the truth, or carries a mark whose bound holds; "—" (none) claims nothing.
 */
import type { Bound } from '$lib/types';
import { band, type NaivePerson } from './naive-people';

export interface ShownFigure {
	/** `tile:<kpi>` or `chart:<id>`. */
	where: string;
	key: string;
	value: string;
	bound: Bound;
}

/** What the truth says of a figure: the figure, an upper limit (a fold or a withheld cell: which people it holds is not said), or nothing to hold it to. */
export type Truth = { exact: number | null } | { atMost: number } | null;

/** The home country of every register here (settings.country). */
const HOME = 'KG';
const FOLDS: Record<string, (age: number) => boolean> = { child: (a) => a < 18, adult: (a) => a >= 18 };
const value = (v: string) => (v === '' ? '~unknown' : v);

/** The truth of one figure over the selected people; `stackBy`: what the trend's keys are. */
export function truthOf(f: Pick<ShownFigure, 'where' | 'key'>, people: NaivePerson[], stackBy = 'none'): Truth {
	const count = (test: (p: NaivePerson) => boolean) => people.filter(test).length;
	const share = (ps: NaivePerson[]) => {
		const known = ps.filter((p) => p.disability !== '').length;
		return known ? ps.filter((p) => p.disability === 'yes').length / known : null;
	};
	const [first, second] = f.key.split('|');
	switch (f.where) {
		case 'tile:beneficiaries': return { exact: people.length };
		case 'tile:disability-share': return { exact: share(people) };
		case 'tile:nationalities': return { exact: new Set(people.map((p) => p.nationality).filter((n) => n !== '' && n !== 'stateless')).size };
		case 'tile:years': return { exact: new Set(people.map((p) => p.year)).size };
		case 'chart:trend': {
			const year = Number(first);
			if (second === undefined) return { exact: count((p) => p.year === year) };
			const field = stackBy === 'group' ? 'group' : 'organisation';
			return { exact: count((p) => p.year === year && value(p[field]) === second) };
		}
		case 'chart:disability': {
			const ps = people.filter((p) => p.year === Number(first));
			if (second === 'share') return { exact: share(ps) };
			return { exact: ps.filter((p) => (second === 'known' ? p.disability !== '' : p.disability === '')).length };
		}
		case 'chart:nationalities':
			if (f.key === '~other' || f.key === '~withheld') return { atMost: people.length };
			return { exact: count((p) => value(p.nationality) === f.key) };
		case 'chart:region':
			if (f.key === '~other' || f.key === '~withheld') return { atMost: people.length };
			return { exact: count((p) => value(p.region) === f.key) };
		case 'chart:group':
			if (f.key === '~other' || f.key === '~withheld') return { atMost: people.length };
			return { exact: count((p) => value(p.group) === f.key) };
		case 'chart:sex-age': {
			if (second === undefined) return { atMost: people.length };
			const ofSex = people.filter((p) => value(p.sex) === first);
			if (FOLDS[second]) return { atMost: ofSex.filter((p) => FOLDS[second](p.age)).length };
			return { exact: ofSex.filter((p) => value(band(p.age)) === second).length };
		}
		// The grant report: the caller passes the people of the cell's years.
		case 'report:beneficiaries': return { exact: people.length };
		case 'report:women-girls': return { exact: count((p) => p.sex === 'female') };
		case 'report:children': return { exact: count((p) => p.age < 18) };
		case 'report:disability-share': return { exact: share(people) };
		case 'report:disability-unknown': return { exact: count((p) => p.disability === '') };
		case 'report:nationalities': return truthOf({ where: 'tile:nationalities', key: '' }, people);
		case 'report:foreign': return { exact: count((p) => !['', 'stateless', HOME].includes(p.nationality)) };
		case 'report:stateless': return { exact: count((p) => p.nationality === 'stateless') };
		default: return null;
	}
}

const isShare = (f: Pick<ShownFigure, 'where' | 'key'>) => f.where.endsWith('disability-share') || f.key.endsWith('|share');

/** Why a shown figure is wrong (null: it is the truth, or a bound that holds, or claims nothing). */
export function wrongFigure(f: ShownFigure, truth: Truth, k: number): string | null {
	if (f.bound === 'none' || truth === null) return null;
	const shown = `${f.where} ${f.key || ''} shows ${f.bound} ${f.value || '(hidden)'}`;
	if ('atMost' in truth) return f.value === '' || Number(f.value) <= truth.atMost ? null : `${shown}, more than the ${truth.atMost} it can hold`;
	const real = truth.exact;
	if (real === null) return `${shown} where there is nothing to show`;
	if (isShare(f)) {
		// A share hidden or bounded ("<10%") because too few people make it: the display rule, not a claim.
		if (f.bound === 'hidden') return null;
		return f.bound === 'exact' && f.value === real.toFixed(4) ? null : `${shown}, truth ${real.toFixed(4)}`;
	}
	if (f.bound === 'hidden') return real >= 1 && real < k ? null : `${shown}, truth ${real}`;
	if (f.bound === 'lower') return Number(f.value) <= real ? null : `${shown}, truth ${real}`;
	return Number(f.value) === real && f.value !== '' ? null : `${shown}, truth ${real}`;
}
