import { afterEach, expect, it, vi } from 'vitest';
import { countryCodes } from '$lib/normalise/countries';
import names from './country-names-ky';

afterEach(() => vi.unstubAllGlobals());

/** Make Intl behave as Chromium's does: no 'ky' (English instead); then load modules afresh. */
function chromiumIntl() {
	const withoutKy = (locales?: string | readonly string[]) => [locales ?? []].flat().map((l) => (l === 'ky' ? 'en' : l));
	const { NumberFormat, DisplayNames } = Intl;
	vi.stubGlobal('Intl', {
		...Intl,
		NumberFormat: class extends NumberFormat {
			constructor(locales?: string | string[], options?: Intl.NumberFormatOptions) {
				super(withoutKy(locales), options);
			}
			static supportedLocalesOf(locales: string | string[]) {
				return NumberFormat.supportedLocalesOf(locales).filter((l) => l !== 'ky');
			}
		},
		DisplayNames: class extends DisplayNames {
			constructor(locales: string | string[], options: Intl.DisplayNamesOptions) {
				super(withoutKy(locales), options);
			}
		}
	});
	vi.resetModules();
}

it('the Kyrgyz country names are those of ICU (regenerate: node scripts/country-names.mjs)', () => {
	const icu = new Intl.DisplayNames(['ky'], { type: 'region', fallback: 'none' });
	for (const code of countryCodes()) expect(names[code], code).toBe(icu.of(code));
});

it('where Intl has no Kyrgyz (Chromium), writes numbers, shares and country names as Kyrgyz ICU does', async () => {
	// This Node has full ICU: what it writes for 'ky' is the reference the stand-in must match.
	const reference = { number: new Intl.NumberFormat('ky').format(1234567.5), share: new Intl.NumberFormat('ky', { style: 'percent', maximumFractionDigits: 1 }).format(0.345) };
	chromiumIntl();
	const { formatNumber, formatPercent, countryName } = await import('./format');
	const { loadMessages } = await import('./messages');
	await loadMessages('ky');
	expect(formatNumber(1234567.5, 'ky')).toBe(reference.number);
	expect(formatPercent(0.345, 'ky', 1)).toBe(reference.share);
	expect(countryName('UZ', 'ky')).toBe('Өзбекстан');
	expect(countryName('KG', 'ky')).toBe('Кыргызстан');
});

it('where Intl has no Kyrgyz (Chromium), still reads a Kyrgyz country name in a dropped export', async () => {
	chromiumIntl();
	const { matchCountry } = await import('$lib/normalise/countries');
	expect(matchCountry('Өзбекстан')).toBe('UZ');
	expect(matchCountry('Тажикстан')).toBe('TJ');
	expect(matchCountry('Бириккен Араб Эмираттары')).toBe('AE');
});
