/**
 * Direct identifiers are refused, never loaded: by header (names, phones, documents, personal
 * numbers, addresses, e-mail, date of birth, free-text notes) and, for columns whose header says
 * nothing, by what their values look like. A reason names the kind, never a value.
 */
import { headerKey } from './fields';

const BY_HEADER: [string, string[]][] = [
	['a name', ['name', 'first name', 'firstname', 'given name', 'surname', 'last name', 'family name', 'full name', 'fullname', 'patronymic', 'middle name', 'фио', 'имя', 'фамилия', 'отчество', 'ф и о', 'аты', 'аты жону', 'фамилиясы', 'толук аты']],
	['a phone number', ['phone', 'telephone', 'tel', 'mobile', 'mobile phone', 'cell', 'whatsapp', 'phone number', 'телефон', 'тел', 'мобильный', 'номер телефона', 'телефон номери']],
	['a passport or document number', ['passport', 'passport number', 'passport no', 'document number', 'id document', 'паспорт', 'номер паспорта', 'документ', 'номер документа', 'паспорт номери']],
	['a personal number (PIN/ИНН)', ['pin', 'inn', 'personal number', 'personal id number', 'national id', 'tax id', 'инн', 'пин', 'персональный номер', 'идентификационный номер', 'жек', 'жеке номер']],
	['an address', ['address', 'street', 'home address', 'адрес', 'место жительства', 'улица', 'адрес проживания', 'дарек', 'жашаган жери']],
	['an e-mail address', ['email', 'e mail', 'mail', 'email address', 'почта', 'эл почта', 'электронная почта']],
	['a date of birth', ['date of birth', 'dob', 'birth date', 'birthdate', 'birthday', 'born', 'дата рождения', 'др', 'туулган куну', 'туулган датасы']],
	['free-text notes', ['notes', 'note', 'comment', 'comments', 'description', 'remarks', 'story', 'narrative', 'case notes', 'details', 'примечание', 'примечания', 'комментарий', 'комментарии', 'описание', 'заметки', 'эскертуу', 'комментарий']]
];

const HEADER_INDEX = new Map<string, string>();
for (const [kind, headers] of BY_HEADER) for (const h of headers) HEADER_INDEX.set(headerKey(h).replaceAll('ү', 'у').replaceAll('ө', 'о'), kind);

const PATTERNS: [string, RegExp][] = [
	['an e-mail address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
	['a personal number (PIN/ИНН)', /^[12]\d{13}$/],
	['a phone number', /^\+?[\d\s\-()]{7,18}$/],
	['a date of birth', /^(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})$/]
];

function byHeader(header: string): string | null {
	const key = headerKey(header).replaceAll('ү', 'у').replaceAll('ө', 'о');
	const exact = HEADER_INDEX.get(key);
	if (exact) return exact;
	// "client_phone", "mother's name", "birth_date_of_child": a known word inside the header.
	for (const [word, kind] of HEADER_INDEX) if (word.length >= 4 && key.includes(word) && !/date(of)?registration|registrationdate/.test(key)) return kind;
	return null;
}

/** Why a column must not be loaded, or null. `sampleValues` come from the file's first records. */
export function refusalReason(header: string, sampleValues: string[]): string | null {
	const kind = byHeader(header);
	if (kind) return `looks like ${kind} column`;
	const values = sampleValues.map((v) => v.trim()).filter((v) => v !== '');
	if (values.length === 0) return null;
	for (const [kind, pattern] of PATTERNS) {
		// A date column is only a date of birth by its header: registration dates look the same.
		if (kind === 'a date of birth') continue;
		if (values.filter((v) => pattern.test(v)).length / values.length > 0.5) return `looks like ${kind} column (by its values)`;
	}
	const long = values.filter((v) => v.length > 60 && v.includes(' ')).length;
	if (long / values.length > 0.5) return 'looks like free-text notes column (by its values)';
	return null;
}
