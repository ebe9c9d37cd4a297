/**
 * data/settings.json → a strict Settings object, in the style of Observable Framework's
 * normalizeConfig: loose input, precise messages, defaults in one place.
 */
import { LANGS, SCOPE_FIELDS, type Lang, type ScopeField } from '$lib/types';

export type Localised = Record<Lang, string>;

export interface Period {
	id: string;
	label: Localised;
	from: number;
	to: number;
}

export interface Settings {
	title: Localised;
	organisation: Localised;
	synthetic: boolean;
	k: number;
	scope: ScopeField[];
	rounding: number;
	/** Where the dashboard opens; absent: the release's headline (its latest whole period published in full). */
	defaultPeriod?: { from: number; to: number };
	periods: Period[];
	languages: Lang[];
	exportDate: string;
	/** ISO alpha-2 code of the country the organisations work in ("foreign nationals" are from elsewhere). */
	country: string;
}

type Spec = Record<string, unknown>;

function fail(source: string, message: string): never {
	throw new Error(`${source}: ${message}`);
}

function localised(value: unknown, name: string, source: string): Localised {
	if (typeof value === 'string') return { en: value, ru: value, ky: value };
	if (typeof value !== 'object' || value === null) fail(source, `${name} must be a text or {"en": …, "ru": …, "ky": …}`);
	const spec = value as Spec;
	if (typeof spec.en !== 'string') fail(source, `${name}.en must be a text`);
	const en = spec.en as string;
	const ru = typeof spec.ru === 'string' ? spec.ru : en;
	return { en, ru, ky: typeof spec.ky === 'string' ? spec.ky : ru };
}

function year(value: unknown, name: string, source: string): number {
	if (!Number.isInteger(value) || (value as number) < 1950 || (value as number) > 2100) fail(source, `${name} must be a year (got ${JSON.stringify(value)})`);
	return value as number;
}

function period(value: unknown, name: string, source: string): { from: number; to: number } {
	if (typeof value !== 'object' || value === null) fail(source, `${name} must be {"from": year, "to": year}`);
	const spec = value as Spec;
	const from = year(spec.from, `${name}.from`, source);
	const to = year(spec.to, `${name}.to`, source);
	if (from > to) fail(source, `${name}: from (${from}) is after to (${to})`);
	return { from, to };
}

/** The grant report opens on the first grant period, else on the default period (else `headline`, the release's). */
export function reportPeriod(settings: Settings, headline: { from: number; to: number }): Period | { from: number; to: number } {
	return settings.periods[0] ?? settings.defaultPeriod ?? headline;
}

export function normalizeSettings(input: unknown, source = 'data/settings.json'): Settings {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) fail(source, 'must be a JSON object');
	const spec = input as Spec;
	const k = spec.k ?? 10;
	if (!Number.isInteger(k) || (k as number) < 5) fail(source, `k must be a whole number of at least 5 (got ${JSON.stringify(k)})`);
	const scope = spec.scope ?? ['organisation'];
	if (!Array.isArray(scope) || !scope.every((f) => (SCOPE_FIELDS as readonly unknown[]).includes(f)) || new Set(scope).size !== scope.length)
		fail(source, `scope must be a list of ${SCOPE_FIELDS.join(', ')} (got ${JSON.stringify(scope)})`);
	const rounding = spec.rounding ?? 0;
	if (!Number.isInteger(rounding) || (rounding as number) < 0) fail(source, `rounding must be 0 (off) or a whole number such as 5`);
	const languages = spec.languages ?? LANGS;
	if (!Array.isArray(languages) || !languages.every((l) => (LANGS as readonly unknown[]).includes(l))) fail(source, `languages must be a list of ${LANGS.join(', ')}`);
	const periods = spec.periods ?? [];
	if (!Array.isArray(periods)) fail(source, 'periods must be a list');
	const exportDate = spec.exportDate ?? '';
	if (typeof exportDate !== 'string' || (exportDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(exportDate))) fail(source, 'exportDate must be a date yyyy-mm-dd');
	const country = spec.country ?? 'KG';
	if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) fail(source, 'country must be an ISO 3166-1 alpha-2 code such as "KG"');
	return {
		title: localised(spec.title ?? 'Impact Dashboard', 'title', source),
		organisation: localised(spec.organisation ?? '', 'organisation', source),
		synthetic: spec.synthetic === true,
		k: k as number,
		scope: scope as ScopeField[],
		rounding: rounding as number,
		defaultPeriod: spec.defaultPeriod === undefined ? undefined : period(spec.defaultPeriod, 'defaultPeriod', source),
		periods: periods.map((p, i) => {
			const item = p as Spec;
			if (typeof item?.id !== 'string' || !/^[a-z0-9-]+$/.test(item.id)) fail(source, `periods[${i}].id must be lower-case letters, digits and dashes`);
			return { id: item.id, label: localised(item.label ?? item.id, `periods[${i}].label`, source), ...period(item, `periods[${i}]`, source) };
		}),
		languages: languages as Lang[],
		exportDate,
		country
	};
}
