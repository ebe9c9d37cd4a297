import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import type { Engine } from '$lib/db/engine';
import { loadCounts } from '$lib/indicators';
import { ALL, OTHER, UNKNOWN, WITHHELD, type ReleaseRow, type ViewName } from '$lib/types';
import { periodFigures, previousPeriod, reportRows, shown, type PeriodFigures } from './report-table';
import { people, reportSentences } from './sentences';

const en = { lang: 'en' as const, k: 10 };
const ru = { lang: 'ru' as const, k: 10 };
const ky = { lang: 'ky' as const, k: 10 };

const figures = (from: number, to: number, t: Partial<PeriodFigures['total']>, countries: [string, number][] = []): PeriodFigures => ({
	from, to, years: [],
	total: { people: 0, women: 0, children: 0, sexAgeWithheld: 0, yes: 0, no: 0, unknown: 0, foreign: 0, stateless: 0, nationalityWithheld: 0, foreignUnattributed: 0, unknownUnattributed: 0, shareExact: true, countriesWithheld: 0, other: 0, complete: true, ...t },
	countries: countries.map(([category, n]) => ({ category, n })),
	countryCount: countries.length,
	countryCountExact: true
});

describe('reportSentences(current, previous, subject, ctx)', () => {
	const now = figures(2023, 2025, { people: 312, yes: 122, no: 176, unknown: 14 }, [['KG', 250], ['AF', 18], ['UZ', 12], ['TJ', 11], ['RU', 10], ['SY', 10], ['PK', 10]]);

	it('says the figures in English, with a comparison up', () => {
		expect(reportSentences(now, figures(2020, 2022, { people: 278 }), 'the programme', en)).toEqual([
			'From 2023 to 2025 the programme served 312 people, 41% of them with a disability (of 298 people whose status is known).',
			'They came from 7 countries, most from Kyrgyzstan (250) and Afghanistan (18).',
			'This is 12% more than in 2020–2022.'
		]);
	});

	it('says them in Russian, with Kyrgyzstan as «Кыргызстан» and a comparison down', () => {
		expect(reportSentences(now, figures(2020, 2022, { people: 400 }), 'программы', ru)).toEqual([
			'В 2023–2025 годах помощь программы получили 312 человек, из них 41\u00a0% — с инвалидностью (из 298 человек с известным статусом).',
			'Гражданство: 7 стран; больше всего — Кыргызстан (250) и Афганистан (18).',
			'Это на 22\u00a0% меньше, чем в 2020–2022 годах.'
		]);
	});

	it('says "at least" where a row group of the period is hidden whole, gives no share that is not the true one, and no comparison with a bound', () => {
		const partial = figures(2020, 2022, { people: 25, yes: 5, no: 15, complete: false });
		const withheld = figures(2023, 2025, { people: 312, yes: 122, no: 176, shareExact: false }, [['KG', 250]]);
		expect(reportSentences(withheld, partial, 'the programme', en)).toEqual([
			'From 2023 to 2025 the programme served 312 people; the share with a disability cannot be given: some people’s status is withheld at this level.',
			'They came from 1 country: Kyrgyzstan (250).',
			'A comparison with 2020–2022 is not published: some people of one of the periods are withheld at this level.'
		]);
		expect(reportSentences(partial, null, 'программы', ru)[0]).toBe(
			'В 2020–2022 годах помощь программы получили не менее 25 человек; долю людей с инвалидностью назвать нельзя: статус части людей на этом уровне скрыт.'
		);
		expect(reportSentences(partial, null, 'программа', ky)[0]).toMatch(/^2020–2022-жылдары программа кеминде 25 адамга жардам көрсөттү; майыптуулугу барлардын үлүшүн айтууга болбойт/);
		expect(reportSentences(withheld, partial, 'программа', ky)[2]).toMatch(/салыштыруу жарыяланбайт: бул деңгээлде/);
	});

	it('uses Russian plural forms: 1 человек, 2 человека, 5 человек, 21 человек, 111 человек', () => {
		const exact = { ...ru, exact: true };
		expect([1, 2, 5, 21, 22, 111].map((n) => people(n, exact))).toEqual(['1 человек', '2 человека', '5 человек', '21 человек', '22 человека', '111 человек']);
		expect(people(1, { ...en, exact: true })).toBe('1 person');
	});

	// The subject is nominative in Kyrgyz: «уюмдар», ««Үмүт» программасы».
	it('says them in Kyrgyz, with Kyrgyz country names and a comparison up and down', () => {
		expect(reportSentences(now, figures(2020, 2022, { people: 278 }), '«Үмүт» программасы', ky)).toEqual([
			'2023–2025-жылдары «Үмүт» программасы 312 адамга жардам көрсөттү, майыптуулугу барлардын үлүшү — 41% (статусу белгилүү 298 адамдын ичинен).',
			'Жарандыгы: 7 өлкө; эң көбү — Кыргызстан (250) жана Афганистан (18).',
			'Бул 2020–2022-жылдарга караганда 12%га көп.'
		]);
		expect(reportSentences(now, figures(2020, 2022, { people: 400 }), 'уюмдар', ky).at(-1)).toBe('Бул 2020–2022-жылдарга караганда 22%га аз.');
	});

	it('keeps a Kyrgyz noun singular after a numeral: 1 адам, 2 адам, 21 адам', () => {
		expect([1, 2, 5, 21].map((n) => people(n, { ...ky, exact: true }))).toEqual(['1 адам', '2 адам', '5 адам', '21 адам']);
		expect(reportSentences(figures(2024, 2024, { people: 250, yes: 95, no: 5 }, [['KG', 250]]), null, 'уюмдар', ky)).toEqual([
			'2024-жылы уюмдар 250 адамга жардам көрсөттү, майыптуулугу барлардын үлүшү — 90%дан ашык (статусу белгилүү 100 адамдын ичинен).',
			'Жарандыгы: 1 өлкө — Кыргызстан (250).',
			'Салыштыра турган мурунку мезгил жок.'
		]);
	});

	it('respects the display rules: small counts, small denominators, bounds', () => {
		expect(reportSentences(figures(2024, 2024, { people: 7, yes: 3, no: 4 }), null, 'the camp', en)).toEqual([
			'In 2024 the camp served fewer than 10 people; the share with a disability is not published for so few people.',
			'There is no earlier period of the same length to compare with.'
		]);
		expect(reportSentences(figures(2024, 2024, { people: 50, yes: 4, no: 40 }), figures(2023, 2023, { people: 6 }), 'лагеря', ru)).toEqual([
			'В 2024 году помощь лагеря получили 50 человек, из них менее 23\u00a0% — с инвалидностью (из 44 человек с известным статусом).',
			'Сравнение с периодом в 2023 году не публикуется: одно из чисел меньше 10.'
		]);
		expect(reportSentences(figures(2024, 2024, { people: 7, yes: 3, no: 4 }), null, 'лагерь', ky)).toEqual([
			'2024-жылы лагерь 10 адамдан аз адамга жардам көрсөттү; мынчалык аз адам үчүн майыптуулугу барлардын үлүшү жарыяланбайт.',
			'Салыштыра турган мурунку мезгил жок.'
		]);
		expect(reportSentences(figures(2024, 2024, { people: 50, yes: 4, no: 40 }), figures(2023, 2023, { people: 6 }), 'лагерь', ky)).toEqual([
			'2024-жылы лагерь 50 адамга жардам көрсөттү, майыптуулугу барлардын үлүшү — 23%дан аз (статусу белгилүү 44 адамдын ичинен).',
			'2023-жыл менен салыштыруу жарыяланбайт: мезгилдердин биринде 10 адамдан аз катталган.'
		]);
	});

	it('handles zero and missing data', () => {
		expect(reportSentences(figures(2024, 2025, {}), figures(2022, 2023, {}), 'the programme', en)).toEqual([
			'From 2024 to 2025 the programme registered no one.',
			'There is no earlier period of the same length to compare with (no one registered in 2022–2023).'
		]);
		expect(reportSentences(figures(2024, 2025, { people: 40, yes: 20, no: 20 }), figures(2022, 2023, { people: 40 }), 'X', en).at(-1)).toBe('This is about the same number as in 2022–2023.');
		expect(reportSentences(figures(2024, 2025, {}), figures(2022, 2023, {}), 'программа', ky)).toEqual([
			'2024–2025-жылдары программа: эч ким катталган эмес.',
			'Салыштыра турган эч нерсе жок: 2022–2023-жылдары эч ким катталган эмес.'
		]);
		expect(reportSentences(figures(2024, 2025, { people: 40, yes: 20, no: 20 }), figures(2022, 2023, { people: 40 }), 'X', ky).at(-1)).toBe('Бул 2022–2023-жылдардагы менен дээрлик бирдей.');
	});
});

// A table of single years × organisation only (as /upload's exact table: no coarser level): every period is summed.
describe('reportRows over a count table of single years', () => {
	const row = (view: ViewName, year: number, category: string, n: number, organisation = 'A'): ReleaseRow => ({ view, year: String(year), organisation, programme: ALL, group: ALL, category, n });
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await loadCounts(engine, [
			row('total', 2022, '', 30), row('total', 2023, '', 40), row('total', 2024, '', 25),
			row('sex_age', 2022, 'female|18-59', 30), row('sex_age', 2023, 'female|child', 15), row('sex_age', 2023, 'male|adult', 12), row('sex_age', 2023, WITHHELD, 13),
			row('sex_age', 2024, 'female|18-59', 25),
			row('disability', 2022, 'yes', 10), row('disability', 2022, 'no', 20), row('disability', 2023, 'yes', 20), row('disability', 2023, 'no', 20),
			row('disability', 2024, 'no', 15), row('disability', 2024, UNKNOWN, 10),
			row('nationality', 2022, 'KG', 30), row('nationality', 2023, 'KG', 28), row('nationality', 2023, 'AF', 12),
			// A: Kyrgyzstan published beside "Other nationalities", so they are foreign; B: Kyrgyz people may be among them.
			row('nationality', 2024, 'KG', 13), row('nationality', 2024, OTHER, 12),
			row('total', 2024, '', 20, 'B'), row('sex_age', 2024, 'female|18-59', 20, 'B'), row('disability', 2024, 'no', 20, 'B'),
			row('nationality', 2024, 'stateless', 10, 'B'), row('nationality', 2024, OTHER, 10, 'B')
		]);
	}, 30_000);
	afterAll(() => engine.close());

	it('gives each indicator for the period, the previous period and per year, with notes', async () => {
		expect(previousPeriod(2023, 2024)).toEqual({ from: 2021, to: 2022 });
		const now = await periodFigures(engine, { from: 2023, to: 2024 }, 'KG');
		const before = await periodFigures(engine, { from: 2021, to: 2022 }, 'KG');
		const rows = reportRows(now, before);
		const data = Object.fromEntries(rows.map((r) => [r.id, [shown(r, 'value', en).data, shown(r, 'previous', en).data, r.notes]]));
		expect(data).toEqual({
			beneficiaries: ['85', '30', []],
			'women-girls': ['60', '30', ['lower-bound']],
			children: ['15', '0', ['lower-bound']],
			'disability-share': ['0.2667', '0.3333', []],
			'disability-unknown': ['10', '0', []],
			// "Other nationalities" in 2024 with no count of its countries: at least 2.
			nationalities: ['2', '1', ['lower-bound']],
			foreign: ['24', '0', ['lower-bound']],
			stateless: ['10', '0', []]
		});
		expect(rows[0].perYear).toEqual([40, 45]);
		expect(rows.find((r) => r.id === 'nationalities')!.perYear).toEqual([2, 1]);
		expect(rows.find((r) => r.id === 'foreign')!.perYear).toEqual([12, 12]);
		// Each cell says what it is: 2023's 13 withheld of sex × age make its women a lower bound, 2024's
		// "Other" beside no published Kyrgyzstan (organisation B) makes its foreign nationals one.
		const bounds = Object.fromEntries(rows.map((r) => [r.id, [...r.bounds.perYear, r.bounds.value, r.bounds.previous]]));
		expect(bounds['women-girls']).toEqual(['lower', 'exact', 'lower', 'exact']);
		expect(bounds.foreign).toEqual(['exact', 'lower', 'lower', 'exact']);
		expect(bounds.nationalities).toEqual(['exact', 'lower', 'lower', 'exact']);
		expect(shown(rows.find((r) => r.id === 'foreign')!, 1, en)).toEqual({ text: '≥ 12', data: '12', bound: 'lower', cell: '≥ 12' });
	});
});

// A release of several levels: the grant period 2023–2025 is published exact, its years hide.
describe('periodFigures(engine, grant period) over a release of several levels', () => {
	const rows = (view: ViewName, year: string, cells: [string, number][]): ReleaseRow[] =>
		cells.map(([category, n]) => ({ view, year, organisation: ALL, programme: ALL, group: ALL, category, n }));
	const grant: ReleaseRow[] = [
		...rows('total', '2023-2025', [['', 100]]),
		...rows('sex_age', '2023-2025', [['female|18-59', 40], ['female|0-4', 10], ['male|18-59', 50]]),
		...rows('disability', '2023-2025', [['yes', 30], ['no', 60], [UNKNOWN, 10]]),
		...rows('nationality', '2023-2025', [['KG', 60], ['UZ', 15], ['AF', 10], ['stateless', 10], [OTHER, 5]]),
		...rows('total', '2023', [['', 30]]), ...rows('total', '2024', [['', 35]]), ...rows('total', '2025', [['', 35]]),
		...rows('disability', '2023', [['yes', 10], ['no', 20]]), ...rows('disability', '2024', [['no', 20], [WITHHELD, 15]]),
		...rows('sex_age', '2023', [['female|18-59', 30]]), ...rows('sex_age', '2024', [[WITHHELD, 35]]),
		...rows('nationality', '2023', [['KG', 20], [WITHHELD, 10]]), ...rows('nationality', '2024', [['KG', 20], ['UZ', 15]]),
		...rows('nationality', '2025', [['KG', 20], [OTHER, 15]])
	];
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await loadCounts(engine, grant, [
			{ year: '2023-2025', organisation: ALL, programme: ALL, group: ALL, countries: 2 },
			{ year: '2025', organisation: ALL, programme: ALL, group: ALL, countries: 3 }
		]);
	}, 30_000);
	afterAll(() => engine.close());

	it('takes the period from its own rows, the years from theirs', async () => {
		const f = await periodFigures(engine, { from: 2023, to: 2025 }, 'KG');
		expect(f.total).toEqual({
			people: 100, women: 50, children: 10, sexAgeWithheld: 0, yes: 30, no: 60, unknown: 10,
			// UZ, AF, and Other beside a published Kyrgyzstan: 30 foreign nationals, none unattributed.
			foreign: 30, stateless: 10, nationalityWithheld: 0, foreignUnattributed: 0, unknownUnattributed: 0, shareExact: true, countriesWithheld: 0, other: 5, complete: true
		});
		expect(f.countries).toEqual([{ category: 'KG', n: 60 }, { category: 'UZ', n: 15 }, { category: 'AF', n: 10 }]);
		// The three countries shown and the two the period's Other holds.
		expect(f.countryCount).toBe(5);
		expect(f.years.map((y) => [y.year, y.people, y.countries])).toEqual([[2023, 30, 1], [2024, 35, 2], [2025, 35, 4]]);
		const rows = reportRows(f, null);
		expect(Object.fromEntries(rows.map((r) => [r.id, [shown(r, 'value', en).data, r.notes.filter((n) => n !== 'no-previous')]]))).toEqual({
			beneficiaries: ['100', []], 'women-girls': ['50', []], children: ['10', []], 'disability-share': ['0.3333', []],
			'disability-unknown': ['10', []], nationalities: ['5', []], foreign: ['30', []], stateless: ['10', []]
		});
		expect(reportSentences(f, null, 'the coalition', en).slice(0, 2)).toEqual([
			'From 2023 to 2025 the coalition served 100 people, 33% of them with a disability (of 90 people whose status is known).',
			'They came from 5 countries, most from Kyrgyzstan (60) and Uzbekistan (15).'
		]);
	});
});

// A row group with its total only (a finest table): its people are in no breakdown, so no breakdown's sum is the whole.
describe('periodFigures over row groups of which some publish their total only', () => {
	const row = (view: ViewName, organisation: string, category: string, n: number): ReleaseRow => ({ view, year: '2024', organisation, programme: ALL, group: ALL, category, n });
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await loadCounts(engine, [
			row('total', 'A', '', 30), row('nationality', 'A', 'KG', 18), row('nationality', 'A', 'UZ', 12), row('disability', 'A', 'yes', 10), row('disability', 'A', 'no', 20),
			row('sex_age', 'A', 'female|18-59', 30), row('total', 'B', '', 20)
		]);
	}, 30_000);
	afterAll(() => engine.close());

	it('marks what B may hold: foreign nationals and women at least, stateless and the share with a disability not available', async () => {
		const rows = reportRows(await periodFigures(engine, { from: 2024, to: 2024 }, 'KG'), null);
		const cell = (id: string) => shown(rows.find((r) => r.id === id)!, 'value', en);
		expect(cell('beneficiaries')).toMatchObject({ data: '50', bound: 'exact' });
		expect(cell('foreign')).toMatchObject({ text: '≥ 12', bound: 'lower' });
		expect(cell('women-girls')).toMatchObject({ text: '≥ 30', bound: 'lower' });
		expect(cell('stateless')).toMatchObject({ text: '—', bound: 'none' });
		expect(cell('disability-share')).toMatchObject({ text: '—', bound: 'none' });
		expect(cell('nationalities')).toMatchObject({ text: '≥ 2', bound: 'lower' });
	});
});
