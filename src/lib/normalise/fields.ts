/**
 * Header → contract field. Matching ignores case, spaces and punctuation, in English, Russian and
 * Kyrgyz; an HXL hashtag row is honoured where the header itself says nothing we know.
 */
import { WG_DOMAINS, type Field } from '$lib/types';
import { refusalReason } from './pii';

export interface ColumnMapping {
	index: number;
	header: string;
	status: 'recognised' | 'ignored' | 'refused';
	field?: Field;
	reason?: string;
}

export interface HeaderMapping {
	columns: ColumnMapping[];
	byField: Partial<Record<Field, number>>;
}

/** Lower case, ё→е, letters and digits only: "Year of Registration" ≡ "year_of_registration". */
export function headerKey(header: string): string {
	return header.normalize('NFKC').toLowerCase().replaceAll('ё', 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

const ALIASES: Partial<Record<Field, string[]>> = {
	year: ['year', 'registration year', 'year of registration', 'yearOfRegistration', 'reg year', 'год', 'год регистрации', 'год обращения', 'жыл', 'катталган жылы', 'каттоо жылы'],
	date: ['date', 'intake date', 'registration date', 'date of registration', 'reg date', 'date registered', 'дата', 'дата регистрации', 'дата обращения', 'дата поступления', 'каттоо датасы', 'катталган күнү', 'дата'],
	id: ['id', 'beneficiary id', 'case id', 'client id', 'person id', 'case number', 'case no', 'код клиента', 'id клиента', 'номер дела', 'код', 'шифр', 'кардардын коду'],
	count: ['count', 'n', 'people', 'number', 'number of people', 'persons', 'количество', 'кол во', 'число', 'саны'],
	organisation: ['organisation', 'organization', 'org', 'ngo', 'organisation name', 'organization name', 'организация', 'нко', 'нпо', 'уюм'],
	programme: ['programme', 'program', 'project', 'programme name', 'program name', 'project name', 'программа', 'проект', 'программа проект', 'долбоор'],
	group: ['group', 'beneficiary group', 'category', 'target group', 'beneficiary type', 'population group', 'категория', 'целевая группа', 'группа', 'максаттуу топ', 'категориясы'],
	sex: ['sex', 'gender', 'пол', 'жынысы', 'жыныс'],
	age: ['age', 'age group', 'ageBroad', 'age range', 'age band', 'age category', 'age bracket', 'age at registration', 'возраст', 'возрастная группа', 'возрастная категория', 'жашы', 'курак', 'курак тобу', 'жаш тобу', 'жаш категориясы'],
	// CTDC: majorityStatus (at registration), majorityStatusAtExploit, majorityEntry — "Adult" or "Minor".
	majority: ['majority', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry', 'adult or minor', 'adult minor', 'minor adult', 'совершеннолетие', 'статус совершеннолетия', 'взрослый ребенок', 'бойго жеткендиги'],
	nationality: ['nationality', 'citizenship', 'country of origin', 'country', 'гражданство', 'страна происхождения', 'страна', 'жарандыгы', 'жарандык'],
	disability: ['disability', 'has disability', 'disabled', 'with disability', 'disability status', 'инвалидность', 'овз', 'наличие инвалидности', 'майыптуулук', 'майыптыгы'],
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
const PREFIXES = ['client', 'clients', 'beneficiary', 'beneficiaries', 'victim', 'victims', 'survivor', 'survivors', 'person', 'participant', 'case', 'кардардын'].map(headerKey);
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

/** A hint in brackets: "(dd.mm.yyyy)", "(ISO)", «(лет)». */
const BRACKETS = /[([{][^()[\]{}]*[)\]}]/g;

function withoutAffixes(key: string): string[] {
	const bare = (affixes: string[], cut: (k: string, a: string) => string | null) => [key, ...affixes.map((a) => cut(key, a)).filter((k): k is string => !!k)];
	const prefixLess = bare(PREFIXES, (k, a) => (k.startsWith(a) && k.length > a.length ? k.slice(a.length) : null));
	return prefixLess.flatMap((k) => [k, ...SUFFIXES.map((a) => (k.endsWith(a) && k.length > a.length ? k.slice(0, -a.length) : null)).filter((x): x is string => !!x)]);
}

export function fieldOfHeader(header: string): Field | null {
	const exact = INDEX.get(headerKey(header));
	if (exact) return exact;
	// A loose match never overrides an identifier: "Client name (full)" stays refused.
	if (refusalReason(header, [])) return null;
	const bare = headerKey(header.replace(BRACKETS, ' '));
	for (const key of withoutAffixes(bare)) {
		const field = INDEX.get(key);
		if (field) return field;
	}
	return null;
}

export function fieldOfHxl(tag: string): Field | null {
	const t = tag.trim().toLowerCase();
	return HXL.find(([pattern]) => pattern.test(t))?.[1] ?? null;
}

export function mapHeaders(headers: string[], hxl?: string[] | null): HeaderMapping {
	const byField: Partial<Record<Field, number>> = {};
	const columns = headers.map((header, index): ColumnMapping => {
		const field = fieldOfHeader(header) ?? (hxl?.[index] ? fieldOfHxl(hxl[index]) : null);
		// A recognised field is never an identifier (a pseudonymous id is allowed by the contract).
		const refused = field ? null : refusalReason(header, []);
		if (refused) return { index, header, status: 'refused', reason: refused };
		if (!field) return { index, header, status: 'ignored', reason: 'not a recognised field' };
		if (byField[field] !== undefined) return { index, header, status: 'ignored', reason: `duplicate of column ${byField[field]! + 1}` };
		byField[field] = index;
		return { index, header, status: 'recognised', field };
	});
	return { columns, byField };
}
