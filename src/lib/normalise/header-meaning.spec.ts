/**
 * Headers as real registers and survey tools write them, each with the field it must be read as
 * (null: none). The cases of issue #23 are among them: «№ дела», `Case #`, `Country of
 * citizenship`, `Person with disability?`, «Дата первичного обращения», KoboToolbox group paths
 * and metadata, CTDC's `ageCategories`.
 */
import { describe, expect, it } from 'vitest';
import { fieldOfHeader, mapHeaders, ROW_NUMBER_REASON, SURVEY_METADATA_REASON } from './fields';
import { headerReadings, isRowNumber, isSurveyExport, singular } from './header-meaning';
import ru from '$lib/i18n/messages/ru';
import ky from '$lib/i18n/messages/ky';

const VARIANTS: [string, string | null][] = [
	// English registers
	['Case #', 'id'],
	['Client ID #', 'id'],
	['Beneficiary ID No.', 'id'],
	['Case Ref.', 'id'],
	['Respondent ID', 'id'],
	['ID number', null],
	['Client code', 'id'],
	['Registered on', 'date'],
	['First contact', 'date'],
	['Service start date', 'date'],
	['Date of admission to shelter', 'date'],
	['Registration date/time', 'date'],
	['Date of referral', null],
	['Date of last visit', null],
	['Citizenship/Nationality', 'nationality'],
	['PWD (Y/N)', 'disability'],
	['Gender (M/F/Other)', 'sex'],
	['HH member sex', null],
	['Case No.', 'id'],
	['Case Nr', 'id'],
	['case_no', 'id'],
	['Beneficiary Code', 'id'],
	['beneficiary_code', 'id'],
	['Client number', 'id'],
	['File No.', 'id'],
	['Registration No', 'id'],
	['Date of first contact', 'date'],
	['date_of_service', 'date'],
	['Service Date', 'date'],
	['Intake date (dd/mm/yyyy)', 'date'],
	['Date of Intake', 'date'],
	['Date case opened', 'date'],
	['Country of citizenship', 'nationality'],
	['Citizenship (country)', 'nationality'],
	['Nationalities', 'nationality'],
	['Person with disability?', 'disability'],
	['Does the client have a disability?', 'disability'],
	['Disabled (Y/N)', 'disability'],
	['Age (years)', 'age'],
	['Age, years', 'age'],
	['ageCategories', 'age'],
	['Age groups', 'age'],
	['Sex (M/F)', 'sex'],
	['Gender?', 'sex'],
	['Regions', 'region'],
	['Programmes', 'programme'],
	['No. of people', 'count'],
	['Type of disability', null],
	['Sex of perpetrator', null],
	['Age of child', 'age'],
	['Sex of the child', 'sex'],
	['Mother\'s nationality', null],
	['Age 30-38', null],
	['Country of exploitation', null],
	['Case status', null],
	['Date of birth', null],
	['Date closed', null],
	// Russian registers
	['№ дела', 'id'],
	['№ личного дела', 'id'],
	['Номер обращения', null],
	['Код получателя', 'id'],
	['Шифр получателя услуг', 'id'],
	['Номер карты клиента', 'id'],
	['Регистрационный №', 'id'],
	['Первичное обращение', 'date'],
	['Дата поступления в центр', 'date'],
	['Дата начала обслуживания', 'date'],
	['Дата закрытия дела', null],
	['Инвалидность: есть/нет', 'disability'],
	['Гражданство/Страна', 'nationality'],
	['Номер дела', 'id'],
	['N дела', 'id'],
	['Рег. №', 'id'],
	['Код бенефициара', 'id'],
	['Дата первичного обращения', 'date'],
	['Дата обращения', 'date'],
	['Дата приёма', 'date'],
	['Дата открытия дела', 'date'],
	['Год первичного обращения', 'year'],
	['Пол (м/ж)', 'sex'],
	['Пол, м/ж', 'sex'],
	['Возраст, лет', 'age'],
	['Возраст (полных лет)', 'age'],
	['Страна', 'nationality'],
	['Страна гражданства', 'nationality'],
	['Гражданство клиента', 'nationality'],
	['Наличие инвалидности', 'disability'],
	['Инвалидность (да/нет)', 'disability'],
	['Лицо с инвалидностью?', 'disability'],
	['Вид инвалидности', null],
	['№ п/п', null],
	['№', null],
	['ФИО', null],
	// Kyrgyz registers
	['Иштин №', 'id'],
	['Кардардын ID', 'id'],
	['Жашы (толук жыл)', 'age'],
	['Жарандыгы (өлкө)', 'nationality'],
	['Иштин номери', 'id'],
	['Кайрылган күнү', 'date'],
	['Биринчи кайрылуу датасы', 'date'],
	['Жынысы (аял/эркек)', 'sex'],
	['Жашы, жыл', 'age'],
	['Жарандыгы', 'nationality'],
	['Майыптуулугу барбы?', 'disability'],
	// KoboToolbox / ODK
	['group_intake/date_of_service', 'date'],
	['group_profile/sex', 'sex'],
	['group_profile/age_years', 'age'],
	['group_profile/nationality', 'nationality'],
	['group_profile/disability', 'disability'],
	['grp_case/case_number', 'id'],
	['group_intake-date_of_intake', 'date'],
	['g1-sex', 'sex'],
	['gender-based violence', null],
	['group_profile/full_name', null],
	['group_profile/phone_number', null],
	// CTDC and HXL-like spellings
	['yearOfRegistration', 'year'],
	['ageBroad', 'age'],
	['citizenship', 'nationality'],
	['majorityStatus', 'majority']
];

describe('fieldOfHeader(header): real-world headers', () => {
	it(`reads ${VARIANTS.length} headers in three languages and from survey tools as the field they name, or none`, () => {
		expect(VARIANTS.length).toBeGreaterThanOrEqual(60);
		const read = VARIANTS.map(([header]) => [header, fieldOfHeader(header)]);
		expect(read).toEqual(VARIANTS);
	});
});

describe('mapHeaders(headers): survey tools and row numbers', () => {
	it('knows a KoboToolbox export, and never takes its submission _id for the person', () => {
		const kobo = ['start', 'end', 'today', 'group_intake/date_of_service', 'group_intake/case_code', 'group_profile/sex', '_id', '_uuid', '_submission_time', '_index'];
		expect(isSurveyExport(kobo)).toBe(true);
		const { columns, byField } = mapHeaders(kobo);
		expect(byField).toEqual({ date: 3, id: 4, sex: 5 });
		for (const i of [0, 1, 2, 6, 7, 8, 9]) expect(columns[i]).toMatchObject({ status: 'ignored', reason: SURVEY_METADATA_REASON });
	});

	it('a Kobo export without a person id: its _id is still the submission, not the person', () => {
		const { byField, columns } = mapHeaders(['today', 'group_intake/date_of_service', 'group_profile/sex', '_id', '_uuid']);
		expect(byField).toEqual({ date: 1, sex: 2 });
		expect(columns[3].reason).toBe(SURVEY_METADATA_REASON);
	});

	it('outside a survey tool, "_id" is the id only when no other column is', () => {
		expect(mapHeaders(['_id', 'date', 'sex']).byField).toEqual({ id: 0, date: 1, sex: 2 });
		const both = mapHeaders(['_id', 'date', 'case_id']);
		expect(both.byField).toEqual({ id: 2, date: 1 });
		expect(both.columns[0]).toMatchObject({ status: 'ignored', reason: 'duplicate of column 3' });
	});

	it('a row number («№ п/п», «№», "#", "S/N") is neither an id nor a count', () => {
		for (const h of ['№', '№ п/п', 'п/п', '#', 'No.', 'S/N', 'Sl. No.']) expect(isRowNumber(h), h).toBe(true);
		for (const h of ['n', 'number', 'Case #', '№ дела']) expect(isRowNumber(h), h).toBe(false);
		const { byField, columns } = mapHeaders(['№ п/п', '№ дела', 'Дата обращения', 'n']);
		expect(byField).toEqual({ id: 1, date: 2, count: 3 });
		expect(columns[0]).toMatchObject({ status: 'ignored', reason: ROW_NUMBER_REASON });
	});

	it('headerReadings and singular: what a header is read as', () => {
		expect(headerReadings('ageCategories')).toContain('agecategory');
		expect(headerReadings('Case #')).toContain('casenumber');
		expect(headerReadings('№ дела')).toContain('номердела');
		expect(headerReadings('group_intake/date_of_service')).toContain('dateofservice');
		expect(['categories', 'groups', 'status', 'sex', 'address', 'boxes', 'ages'].map(singular)).toEqual(['category', 'group', 'status', 'sex', 'address', 'box', 'age']);
	});
});

describe('why a survey column or a row number is ignored', () => {
	it('is said in Russian and Kyrgyz', () => {
		for (const m of [ru, ky]) for (const reason of [SURVEY_METADATA_REASON, ROW_NUMBER_REASON]) expect(m.columnReason(reason)).toMatch(/^[^a-z]*$/);
	});
});
