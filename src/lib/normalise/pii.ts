/**
 * Direct identifiers are refused, never loaded: by header (names, phones, documents, personal
 * numbers, addresses, e-mail, date of birth, free-text notes) and, for columns whose header says
 * nothing, by what their values look like. A reason names the kind, never a value.
 *
 * Headers are read as words (header-words.ts): "Cancelled" is no phone for holding "cell",
 * "country_name" is the name of a country, "mail_city" a city. Values decide only by patterns a
 * date, an amount or a code cannot match (phone-numbers.ts).
 */
import { headerWords, splitWords, wordKey } from './header-words';
import { isPhoneColumn } from './phone-numbers';

type Kind = 'a name' | 'a phone number' | 'a passport or document number' | 'a personal number (PIN/ИНН)' | 'an address' | 'an e-mail address' | 'a date of birth' | 'free-text notes';

const BY_HEADER: [Kind, string[]][] = [
	['a name', ['name', 'first name', 'given name', 'surname', 'last name', 'family name', 'full name', 'maiden name', 'nickname', 'patronymic', 'middle name', 'фио', 'имя', 'фамилия', 'отчество', 'ф и о', 'аты', 'аты жону', 'фамилиясы', 'толук аты']],
	['a phone number', ['phone', 'telephone', 'tel', 'mobile', 'mobile phone', 'cell', 'cellphone', 'whatsapp', 'phone number', 'телефон', 'тел', 'мобильный', 'номер телефона', 'телефон номери']],
	['a passport or document number', ['passport', 'passport number', 'passport no', 'document number', 'id document', 'паспорт', 'номер паспорта', 'документ', 'номер документа', 'паспорт номери']],
	['a personal number (PIN/ИНН)', ['pin', 'inn', 'personal number', 'personal id number', 'national id', 'tax id', 'инн', 'пин', 'персональный номер', 'идентификационный номер', 'жек', 'жеке номер']],
	['an address', ['address', 'street', 'home address', 'адрес', 'место жительства', 'улица', 'адрес проживания', 'дарек', 'жашаган жери']],
	['an e-mail address', ['email', 'e mail', 'mail', 'email address', 'почта', 'эл почта', 'электронная почта']],
	['a date of birth', ['date of birth', 'dob', 'birth date', 'birthdate', 'birthday', 'date born', 'дата рождения', 'туулган куну', 'туулган датасы']],
	['free-text notes', ['notes', 'note', 'comment', 'comments', 'description', 'remarks', 'story', 'narrative', 'case notes', 'details', 'примечание', 'примечания', 'комментарий', 'комментарии', 'описание', 'заметки', 'эскертуу']]
];

/** Identifiers only when they are the whole header: «др.» is a date of birth, "и др." (and others) is not. */
const WHOLE_HEADER: [Kind, string][] = [
	['a date of birth', 'др'],
	['a date of birth', 'born']
];

/**
 * Things with a name that are not people: "country_name", "org_name", "programme name", «Уюмдун аты»;
 * "item_name", "brand_name", "Store Name Key" (DuckDB's CSV corpus: a shop's exports refused as names).
 */
const NAMED_THINGS = new Set(
	[
		'country', 'nationality', 'citizenship', 'org', 'organisation', 'organization', 'ngo', 'agency', 'partner', 'donor', 'programme', 'program', 'project',
		'activity', 'service', 'page', 'file', 'sheet', 'region', 'oblast', 'province', 'state', 'district', 'rayon', 'city', 'town', 'village', 'site', 'office',
		'branch', 'location', 'facility', 'school', 'shelter', 'centre', 'center', 'institution', 'company', 'group', 'category', 'type', 'product', 'course',
		'event', 'team', 'unit', 'field', 'column', 'table', 'language', 'item', 'brand', 'store', 'shop', 'страны', 'организации', 'программы', 'проекта', 'услуги', 'региона', 'области',
		'района', 'города', 'села', 'файла', 'уюмдун', 'долбоордун', 'программанын', 'олконун', 'файлдын'
	].map(wordKey)
);

/** A place no finer than a town, after an address or mail word: "mail_city", "address_country" are not the address. */
const PLACES = new Set(['city', 'town', 'country', 'region', 'state', 'province', 'oblast', 'district', 'rayon', 'zip', 'postcode', 'город', 'страна', 'область', 'район'].map(wordKey));

/** Words around identifiers in headers written as one word ("clientphone", "dateofbirth", "mothersname"). */
const QUALIFIERS = ['client', 'clients', 'beneficiary', 'victim', 'survivor', 'person', 'participant', 'mother', 'mothers', 'father', 'fathers', 'parent', 'child', 'childs', 'guardian', 'contact', 'emergency', 'home', 'work', 'personal', 'primary', 'secondary', 'alt', 'number', 'no', 'nr', 'num', 'of', 'date', 'birth', 'code', 'line'];

const phraseWords = (phrase: string) => splitWords(phrase);
/** The longest first: "email_address" is an e-mail address before it is an address. */
const PHRASES = BY_HEADER.flatMap(([kind, phrases]) => phrases.map((p) => ({ kind, words: phraseWords(p), key: phraseWords(p).join('') }))).sort((a, b) => b.key.length - a.key.length);
/** Single letters are left out: "ф и о" is matched as words, and no word is cut into letters. */
const VOCABULARY = new Set([...PHRASES.flatMap((p) => p.words), ...NAMED_THINGS, ...PLACES, ...QUALIFIERS].filter((w) => w.length > 1));

/** "names", "notes", «телефона», «адреса»: a word of an identifier with a plural or case ending (words of four letters or more). */
const ENDING = /^(?:s|es|а|я|у|ю|ом|ем|е|ы|и|ов|ев|ей|ами|ах|ях)$/;
const inflected = (word: string, key: string) => word === key || (key.length >= 4 && word.startsWith(key) && ENDING.test(word.slice(key.length)));

/** The kind of identifier a header names, looking at its words, or null. */
function byHeader(header: string): Kind | null {
	const words = headerWords(header, VOCABULARY);
	const whole = WHOLE_HEADER.find(([, w]) => words.join(' ') === w);
	if (whole) return whole[0];
	for (const { kind, key } of PHRASES)
		for (let start = 0; start < words.length; start++) {
			// A phrase may be written as one word or as several ("e-mail", "WhatsApp" read as whats, app).
			let run = '';
			for (let end = start; end < words.length && run.length < key.length + 3; end++) {
				run += words[end];
				if (!inflected(run, key)) continue;
				if (!namesSomethingElse(kind, words, start, end)) return kind;
			}
		}
	return null;
}

/** Whether the identifier words at [start, end] name something that is not one: the name of a thing, a town of an address. */
function namesSomethingElse(kind: Kind, words: string[], start: number, end: number): boolean {
	const before = words[start - 1];
	const after = words[end + 1];
	if (kind === 'a name' && end === start) {
		if (before !== undefined && NAMED_THINGS.has(before)) return true;
		// "name of organisation", «Имя файла», «Аты уюмдун».
		const owner = after === 'of' ? words[end + 2] : after;
		if (owner !== undefined && NAMED_THINGS.has(owner)) return true;
	}
	return (kind === 'an address' || kind === 'an e-mail address') && after !== undefined && PLACES.has(after);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PIN = /^[12]\d{13}$/;

/** Why a column must not be loaded, or null. `sampleValues` come from the file's first records. */
export function refusalReason(header: string, sampleValues: string[]): string | null {
	const kind = byHeader(header);
	if (kind) return `looks like ${kind} column`;
	const values = sampleValues.map((v) => v.trim()).filter((v) => v !== '');
	if (values.length === 0) return null;
	const most = (test: (v: string) => boolean) => values.filter(test).length / values.length > 0.5;
	if (most((v) => EMAIL.test(v))) return 'looks like an e-mail address column (by its values)';
	if (most((v) => PIN.test(v))) return 'looks like a personal number (PIN/ИНН) column (by its values)';
	if (isPhoneColumn(values)) return 'looks like a phone number column (by its values)';
	// No value pattern for a date of birth: registration dates look the same, so only its header says it.
	if (most((v) => v.length > 60 && v.includes(' '))) return 'looks like free-text notes column (by its values)';
	return null;
}
