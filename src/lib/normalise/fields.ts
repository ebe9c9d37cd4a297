/**
 * Header → contract field. Matching ignores case, spaces and punctuation, in English, Russian and
 * Kyrgyz; a header no alias names is read for its meaning (header-meaning.ts: survey tools' group
 * paths, the number sign, units, camelCase and plurals, a question); an HXL hashtag row is honoured
 * where the header itself says nothing we know. What the values say is profile.ts's.
 */
import { WG_DOMAINS, type Field } from '$lib/types';
import { refusalReason } from './pii';
import { BRACKETS, fieldOfWords, headerKey, keyFieldOfWords, headerReadings, isRowNumber, isSurveyExport, isSurveyMetadata } from './header-meaning';

export { headerKey };

export interface ColumnMapping {
	index: number;
	header: string;
	status: 'recognised' | 'ignored' | 'refused';
	field?: Field;
	reason?: string;
	/** An ignored column's field as its values propose it (profile.ts): a guess, loaded only once staff confirm it. */
	guess?: Field;
}

export interface HeaderMapping {
	columns: ColumnMapping[];
	byField: Partial<Record<Field, number>>;
}

const ALIASES: Partial<Record<Field, string[]>> = {
	year: ['year', 'registration year', 'year of first contact', 'intake year', 'year of intake', 'год первичного обращения', 'год первого обращения', 'год поступления', 'кайрылган жылы', 'кайрылуу жылы', 'year of registration', 'yearOfRegistration', 'reg year', 'год', 'год регистрации', 'год обращения', 'жыл', 'катталган жылы', 'каттоо жылы'],
	date: ['date', 'intake date', 'date of intake', 'date of first contact', 'first contact date', 'date of contact', 'contact date', 'date of service', 'service date', 'date of first service', 'date of first visit', 'first visit date', 'visit date', 'date of visit', 'date opened', 'case opened', 'date case opened', 'opening date', 'case open date', 'enrolment date', 'enrollment date', 'date of enrolment', 'date of enrollment', 'admission date', 'date of admission', 'reception date', 'дата первичного обращения', 'дата первого обращения', 'дата приема', 'дата первичного приема', 'дата открытия дела', 'дата заведения дела', 'дата оказания услуги', 'дата услуги', 'дата консультации', 'дата первой консультации', 'дата визита', 'дата посещения', 'дата постановки на учет', 'дата взятия на учет', 'кайрылган күнү', 'кайрылуу датасы', 'биринчи кайрылган күнү', 'биринчи кайрылуу датасы', 'кабыл алуу датасы', 'кабыл алынган күнү', 'кызмат көрсөтүлгөн күнү', 'registration date', 'date of registration', 'reg date', 'date registered', 'registered on', 'registered', 'opened on', 'first contact', 'first visit', 'первичное обращение', 'дата', 'дата регистрации', 'дата обращения', 'дата поступления', 'каттоо датасы', 'катталган күнү', 'дата'],
	id: ['id', 'beneficiary id', 'beneficiary code', 'beneficiary number', 'beneficiary no', 'client number', 'client no', 'person code', 'case code', 'case ref', 'case reference', 'case reference number', 'file number', 'file no', 'registration number', 'registration no', 'reg number', 'reg no', 'unique id', 'uid', 'pseudonym', 'individual id', 'номер клиента', 'код бенефициара', 'номер бенефициара', 'номер карты', 'номер карточки', 'регистрационный номер', 'рег номер', 'идентификатор', 'номер случая', 'код случая', 'шифр клиента', 'уникальный код', 'номер досье', 'иштин номери', 'иштин коду', 'кардардын номери', 'каттоо номери', 'case id', 'client id', 'person id', 'case number', 'case no', 'код клиента', 'id клиента', 'номер дела', 'код', 'шифр', 'кардардын коду'],
	count: ['count', 'n', 'people', 'number', 'number of people', 'persons', 'количество', 'кол во', 'число', 'саны'],
	organisation: ['organisation', 'organization', 'org', 'ngo', 'organisation name', 'organization name', 'организация', 'нко', 'нпо', 'уюм'],
	programme: ['programme', 'program', 'project', 'programme name', 'program name', 'project name', 'программа', 'проект', 'программа проект', 'долбоор'],
	group: ['group', 'beneficiary group', 'category', 'target group', 'beneficiary type', 'population group', 'категория', 'целевая группа', 'группа', 'максаттуу топ', 'категориясы'],
	sex: ['sex', 'gender', 'sex of beneficiary', 'gender of beneficiary', 'пол клиента', 'жынысы аял эркек', 'пол', 'жынысы', 'жыныс'],
	age: ['age', 'age group', 'age in years', 'age at intake', 'age at first contact', 'age at contact', 'возраст на момент обращения', 'полных лет', 'возраст полных лет', 'жашы толук', 'ageBroad', 'age range', 'age band', 'age category', 'age bracket', 'age at registration', 'возраст', 'возрастная группа', 'возрастная категория', 'жашы', 'курак', 'курак тобу', 'жаш тобу', 'жаш категориясы'],
	// CTDC: majorityStatus (at registration), majorityStatusAtExploit, majorityEntry — "Adult" or "Minor".
	majority: ['majority', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry', 'adult or minor', 'adult minor', 'minor adult', 'совершеннолетие', 'статус совершеннолетия', 'взрослый ребенок', 'бойго жеткендиги'],
	nationality: ['nationality', 'citizenship', 'country of citizenship', 'citizenship country', 'country of nationality', 'nationality country', 'страна гражданства', 'гражданство страна', 'өлкө', 'жарандык өлкөсү', 'country of origin', 'country', 'гражданство', 'страна происхождения', 'страна', 'жарандыгы', 'жарандык'],
	disability: ['disability', 'has disability', 'has a disability', 'person with disability', 'persons with disabilities', 'pwd', 'is disabled', 'any disability', 'disability yes no', 'лицо с инвалидностью', 'ловз', 'статус инвалидности', 'наличие овз', 'майыптуулугу бар', 'дмч', 'ден соолугунун мүмкүнчүлүгү чектелген', 'disabled', 'with disability', 'disability status', 'инвалидность', 'овз', 'наличие инвалидности', 'майыптуулук', 'майыптыгы'],
	region: ['region', 'oblast', 'province', 'adm1', 'область', 'регион', 'облус'],
	exploitation: [
		'typeOfExploitConcatenated', 'typeOfExploit', 'ExploitType', 'exploit type', 'exploitation', 'type of exploitation', 'exploitation type', 'form of exploitation',
		'forms of exploitation', 'types of exploitation', 'case type', 'type of case', 'вид эксплуатации', 'тип эксплуатации', 'форма эксплуатации',
		'формы эксплуатации', 'виды эксплуатации', 'эксплуатация', 'тип случая', 'вид случая', 'тип дела', 'категория случая', 'эксплуатациянын түрү',
		'эксплуатациянын формасы', 'иштин түрү', 'окуянын түрү'
	],
	exploit_sexual: ['isSexualExploit'],
	exploit_labour: ['isForcedLabour'],
	exploit_sex_and_labour: ['isSexAndLabour'],
	exploit_marriage: ['isForcedMarriage'],
	exploit_slavery: ['isSlaveryAndPractices'],
	exploit_military: ['isForcedMilitary'],
	exploit_organs: ['isOrganRemoval'],
	exploit_other: ['isOtherExploit']
};

/**
 * Words real exports put around a field's name: whose value it is ("Client age", «Возраст
 * клиента») and how it is written ("citizenship_code", "AgeCategory"; a hint in brackets,
 * "Registration Date (dd.mm.yyyy)", is dropped before). Taken off only when what is left is a
 * known header, so "client name" stays unrecognised (and is refused as an identifier).
 */
const PREFIXES = ['client', 'clients', 'beneficiary', 'beneficiaries', 'victim', 'victims', 'survivor', 'survivors', 'person', 'participant', 'respondent', 'applicant', 'case', 'кардардын'].map(headerKey);
const SUFFIXES = ['code', 'iso', 'iso2', 'iso3', 'iso code', 'name', 'category', 'status', 'value', 'клиента', 'клиентки', 'пострадавшего', 'пострадавшей', 'бенефициара', 'ребенка', 'жертвы', 'коду'].map(headerKey);

const WG_ALIASES: Record<(typeof WG_DOMAINS)[number], string[]> = {
	seeing: ['seeing', 'vision', 'зрение'],
	hearing: ['hearing', 'слух'],
	walking: ['walking', 'mobility', 'ходьба', 'передвижение'],
	remembering: ['remembering', 'cognition', 'concentrating', 'память', 'запоминание'],
	self_care: ['self care', 'selfcare', 'самообслуживание'],
	communicating: ['communicating', 'communication', 'общение', 'коммуникация']
};

const HXL: [RegExp, Field][] = [
	[/^#date\b/, 'date'],
	[/^#(affected|beneficiary|reached)\+id\b/, 'id'],
	[/^#(affected|reached|inneed|beneficiary)(\+\w+)*\+(num|count)\b/, 'count'],
	[/^#org\b/, 'organisation'],
	[/^#(activity|sector\+programme|programme|project)\b/, 'programme'],
	[/^#adm1\b/, 'region'],
	[/^#(sex|gender)\b/, 'sex'],
	[/^#age\b/, 'age'],
	[/^#(country\+nationality|nationality)\b/, 'nationality'],
	[/^#(disability|indicator\+disability)\b/, 'disability'],
	[/^#(group|population\+type)\b/, 'group']
];

const INDEX = new Map<string, Field>();
for (const [field, aliases] of Object.entries(ALIASES) as [Field, string[]][]) for (const a of aliases) INDEX.set(headerKey(a), field);
for (const [domain, aliases] of Object.entries(WG_ALIASES)) {
	const field = `wg_${domain}` as Field;
	for (const a of aliases) {
		const key = headerKey(a);
		for (const variant of [key, `wg${key}`, `wgss${key}`, `difficulty${key}`, `wgdifficulty${key}`, `затруднения${key}`]) INDEX.set(variant, field);
	}
}

function withoutAffixes(key: string): string[] {
	const bare = (affixes: string[], cut: (k: string, a: string) => string | null) => [key, ...affixes.map((a) => cut(key, a)).filter((k): k is string => !!k)];
	const prefixLess = bare(PREFIXES, (k, a) => (k.startsWith(a) && k.length > a.length ? k.slice(a.length) : null));
	return prefixLess.flatMap((k) => [k, ...SUFFIXES.map((a) => (k.endsWith(a) && k.length > a.length ? k.slice(0, -a.length) : null)).filter((x): x is string => !!x)]);
}

const MAX_HEADER_LENGTH = 200;

export function fieldOfHeader(header: string): Field | null {
	const exact = INDEX.get(headerKey(header));
	if (exact) return exact;
	if (isRowNumber(header)) return null;
	// A loose match never overrides an identifier: "Client name (full)" stays refused.
	if (refusalReason(header, [])) return null;
	return fieldOfListedHeader(header) ?? fieldOfMeaning(header);
}

/** A header the lists know without a prefix or suffix, or read as a group path, «№ дела», «Возраст, лет», "ageCategories". */
function fieldOfListedHeader(header: string): Field | null {
	const bare = headerKey(header.replace(BRACKETS, ' '));
	for (const key of [headerKey(header), ...withoutAffixes(bare)]) {
		const field = INDEX.get(key);
		if (field) return field;
	}
	// No header is longer than this: a cell of megabytes read as the header is not split into words.
	if (header.length > MAX_HEADER_LENGTH) return null;
	for (const reading of headerReadings(header))
		for (const key of withoutAffixes(reading)) {
			const field = INDEX.get(key);
			if (field) return field;
		}
	return null;
}

/** Read for its meaning, in words no list has ("Client code", «Дата первичного обращения», a question). */
const fieldOfMeaning = (header: string): Field | null =>
	header.length > MAX_HEADER_LENGTH ? null : ((fieldOfWords(header) as Field | null) ?? keyFieldOfWords(header));

export function fieldOfHxl(tag: string): Field | null {
	const t = tag.trim().toLowerCase();
	return HXL.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

/** Why a survey tool's own column is not loaded (checkable by the check report: it is no problem). */
export const SURVEY_METADATA_REASON = 'survey tool metadata (which submission, when)';
/** Why a row's serial number is not loaded (never a person's id: each row has its own). */
export const ROW_NUMBER_REASON = 'row number';

export function mapHeaders(headers: string[], hxl?: string[] | null): HeaderMapping {
	const byField: Partial<Record<Field, number>> = {};
	const survey = isSurveyExport(headers);
	const fields = headers.map((header, index) => {
		const exact = INDEX.get(headerKey(header));
		// «№», «№ п/п»: a row's number, unless the header is a known one as it stands ("n" is a count).
		if (!exact && isRowNumber(header)) return ROW_NUMBER_REASON;
		// A survey tool's `_id` is the submission's, `start` and `today` when the form was filled.
		if (survey && isSurveyMetadata(header)) return SURVEY_METADATA_REASON;
		return exact ?? fieldOfHeader(header) ?? (hxl?.[index] ? fieldOfHxl(hxl[index]) : null);
	});
	// A field's column is the first that names it; "_id" (a database's or a tool's own key) only when no other column is the id.
	const order = headers.map((_, index) => index).sort((a, b) => rank(headers[a], fields[a]) - rank(headers[b], fields[b]) || a - b);
	const assigned = new Map<number, ColumnMapping>();
	for (const index of order) {
		const header = headers[index];
		const found = fields[index];
		const field = found === ROW_NUMBER_REASON || found === SURVEY_METADATA_REASON ? null : found;
		// A recognised field is never an identifier (a pseudonymous id is allowed by the contract).
		const refused = field ? null : refusalReason(header, []);
		let column: ColumnMapping;
		if (refused) column = { index, header, status: 'refused', reason: refused };
		else if (!field) column = { index, header, status: 'ignored', reason: found && !field ? found : 'not a recognised field' };
		else if (byField[field] !== undefined) column = { index, header, status: 'ignored', reason: `duplicate of column ${byField[field]! + 1}` };
		else {
			byField[field] = index;
			column = { index, header, status: 'recognised', field };
		}
		assigned.set(index, column);
	}
	return { columns: headers.map((_, index) => assigned.get(index)!), byField };
}

/**
 * Which column is the id when several could be: one a list names (`victim_id`) before one read for
 * its meaning ("Client code"), and a key column of a database or tool (`_id`) only when the
 * register itself names none.
 */
const rank = (header: string, field: Field | string | null) => (field !== 'id' ? 0 : header.trim().startsWith('_') ? 2 : fieldOfListedHeader(header) ? 0 : 1);
