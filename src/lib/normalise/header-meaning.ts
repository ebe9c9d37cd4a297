/**
 * A header read for what it means, not as typed: the other ways of writing the same name that
 * fields.ts looks up when the header as it stands is no known one. Survey tools' group paths
 * ("group_intake/date_of_service" is date_of_service), the number sign and its abbreviations
 * («№ дела», "Case #", "Case No." are the case number), a unit after a comma («Возраст, лет»),
 * camelCase and plurals ("ageCategories" is age category), a question ("Person with disability?").
 * Also the columns a survey tool adds to every submission (KoboToolbox, ODK), and a row's serial
 * number («№ п/п»), which are neither a field nor a person's id.
 */
import { splitWords } from './header-words';

/** Lower case, ё→е, letters and digits only (fields.ts's key for a header). */
export function headerKey(header: string): string {
	return header.normalize('NFKC').toLowerCase().replaceAll('ё', 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A hint in brackets: "(dd.mm.yyyy)", "(ISO)", «(м/ж)», «(лет)». */
export const BRACKETS = /[([{][^()[\]{}]*[)\]}]/g;

/**
 * The columns KoboToolbox and ODK add to each submission (as in their CSV exports): they say which
 * submission a row is and when it was sent, nothing of the person. Lower case, as written.
 */
const SURVEY_METADATA = new Set(
	[
		'_id', '_uuid', '_submission_time', '_index', '_parent_index', '_parent_table_name', '_submitted_by', '_status', '_validation_status', '_notes',
		'_tags', '_version_', '__version__', '_xform_id_string', '_attachments', '_geolocation', '_duration', '_media_count', '_total_media', 'start', 'end',
		'today', 'deviceid', 'simserial', 'subscriberid', 'audit', 'audit_url', 'instanceid', 'instancename', 'formhub/uuid', 'meta/instanceid',
		'meta/instancename', 'meta/deprecatedid', 'meta/rootuuid', 'meta/audit', 'key', 'submissiondate', 'submitterid', 'submittername', 'attachmentspresent',
		'attachmentsexpected', 'reviewstate', 'edits', 'formversion', 'parent_key'
	].map((h) => h.toLowerCase())
);
/** Headers only a survey tool writes: a file with one of them is a survey export. */
const SURVEY_SIGNS = new Set(['_uuid', '_submission_time', '_index', '_submitted_by', '_validation_status', '_xform_id_string', 'meta/instanceid', 'formhub/uuid', '__version__', 'submissiondate']);

const bareHeader = (header: string) => header.normalize('NFKC').trim().toLowerCase();

/** Whether the headers are a KoboToolbox or ODK export's: a metadata column only they write, or group paths. */
export function isSurveyExport(headers: string[]): boolean {
	const bare = headers.map(bareHeader);
	return bare.some((h) => SURVEY_SIGNS.has(h)) || bare.filter((h) => GROUP_PATH.test(h)).length >= 2;
}

/** Whether a header is one of the columns a survey tool adds to each submission (`_id`, `_uuid`, `start`, `today`, …). */
export function isSurveyMetadata(header: string): boolean {
	return SURVEY_METADATA.has(bareHeader(header));
}

/**
 * A row's serial number: «№», «№ п/п», «п/п», "#", "No.", "S/N", "Sl. No.". Never a person's id
 * (each row has its own), nor a count.
 */
export function isRowNumber(header: string): boolean {
	// Not NFKC: it makes «№» the letters "No".
	const text = header.trim().toLowerCase().replace(/\s+/g, ' ');
	return /^(?:№|#|no\.?|nr\.?|n°|№ ?п\/?п|п\/?п|№ ?по ?порядку|s\/?n|s\.? ?no\.?|sl\.? ?no\.?|sr\.? ?no\.?|row|row number|row no\.?|номер п\/?п|порядковый номер|катар саны|р\/с|ирет саны)$/u.test(text);
}

/** A group path as KoboToolbox writes it ("group_intake/date_of_service", "grp/sub/field"): no spaces, at least one slash. */
const GROUP_PATH = /^[^\s/]+(?:\/[^\s/]+)+$/u;
/** Group prefixes joined by "-", ":" or "." (ODK Central, Briefcase): only when the first part names a group. */
const GROUP_PREFIX = /^(?:group|grp|g|section|sect|sec|page|module|block|part|meta|repeat|rpt)(?:_[\p{L}\p{N}_]*|\d*)[-:.]/iu;

/** The header's own name inside a survey tool's group path, or null. */
function lastOfPath(header: string): string | null {
	const text = header.trim();
	if (GROUP_PATH.test(text)) return text.slice(text.lastIndexOf('/') + 1);
	if (GROUP_PREFIX.test(text)) return text.replace(/^.*[-:.]/u, '');
	return null;
}

/** The number sign and its abbreviations, as a word of each language that fields.ts's aliases use. */
const NUMBER_SIGN = /№|#|\bn°|(?<=^|[\s_.(-])(?:no|nr|num)\.?(?=$|[\s_.)-])|(?<=^|\s)n(?=\s|$)/giu;
const HAS_NUMBER_SIGN = new RegExp(NUMBER_SIGN.source, 'iu');
const NUMBER_WORDS = ['number', 'номер', 'номери'];

/** English plurals made singular, word by word: categories → category, groups → group (never "status" → "statu"). */
export function singular(word: string): string {
	if (word.length <= 3 || /(?:ss|us|is|ys)$/.test(word) || !/^[a-z]+$/.test(word)) return word;
	if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
	if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
	return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** A unit or an answer hint after a comma: «Возраст, лет», "Age, years", "Sex, M/F". */
const AFTER_COMMA = /,[^,]*$/;

/**
 * Other readings of a header, as keys (headerKey): each is looked up as a known header (with the
 * affixes fields.ts takes off). The first that is known names the field.
 */
export function headerReadings(header: string): string[] {
	const readings = new Set<string>();
	const add = (text: string) => {
		const bare = text.replace(BRACKETS, ' ').replace(/[?¿!]+/g, ' ').trim();
		if (bare === '') return;
		const variants = HAS_NUMBER_SIGN.test(bare) ? NUMBER_WORDS.map((w) => bare.replace(NUMBER_SIGN, ` ${w} `)) : [bare];
		for (const v of variants) {
			readings.add(headerKey(v));
			readings.add(splitWords(v).map(singular).join(''));
		}
	};
	const path = lastOfPath(header);
	for (const text of path === null ? [header] : [header, path]) {
		add(text);
		if (AFTER_COMMA.test(text)) add(text.replace(AFTER_COMMA, ''));
	}
	readings.delete('');
	return [...readings];
}

/**
 * Fields a header names by one of its words, when it is a question or a phrase no alias has
 * ("Does the client have a disability?", «Гражданство клиента (страна)»): only the fields whose
 * words are unambiguous, and never when the header says it is about something else (a type of
 * disability, the sex of a perpetrator, a date).
 */
const FIELD_WORDS: [string, RegExp][] = [
	['disability', /^(?:disability|disabilities|disabled|handicap|pwd|инвалид\p{L}*|овз|ловз|майып\p{L}*)$/u],
	['nationality', /^(?:nationality|nationalities|citizenship|citizen|гражданств\p{L}*|жаран\p{L}*)$/u],
	['sex', /^(?:sex|gender|пол|жыныс\p{L}*)$/u],
	['age', /^(?:age|возраст\p{L}*|курак\p{L}*)$/u],
	['region', /^(?:region|oblast|province|област\p{L}*|регион\p{L}*|облус\p{L}*)$/u]
];
/** Words that make a header about something other than the person's own field ("child" is not one: in a children's register "Age of child" is the person's age). */
const OTHER_SUBJECT =
	/^(?:type|types|kind|kinds|degree|level|status|cause|reason|date|year|day|month|comment|note|notes|details|description|perpetrator|trafficker|offender|violence|based|gbv|насили\p{L}*|зомбулук\p{L}*|father|mother|parent|spouse|partner|head|household|member|members|staff|worker|interviewer|enumerator|вид|тип|статус|степень|группа|причина|дата|год|преступник\p{L}*|отец|мать|супруг\p{L}*|родител\p{L}*|сотрудник\p{L}*|түрү|датасы|жылы|ата|эне)$/u;
const MAX_QUESTION_WORDS = 8;

export function fieldOfWords(header: string): string | null {
	const words = splitWords(header.replace(BRACKETS, ' '));
	// A number is no word of a header's question: "Age 30-38" is a value (a record read as the header).
	if (words.length === 0 || words.length > MAX_QUESTION_WORDS || words.some((w) => OTHER_SUBJECT.test(w) || /^\p{N}+$/u.test(w))) return null;
	const fields = new Set(FIELD_WORDS.filter(([, pattern]) => words.some((w) => pattern.test(w))).map(([field]) => field));
	return fields.size === 1 ? [...fields][0] : null;
}

/**
 * The person's id or the registration date named in words no alias has: an id word (id, code, number,
 * ref, «№», номер, код, шифр) with whose it is (case, client, beneficiary, file, card, «дела»,
 * «получателя», «кардардын»), or a date word with the event (registration, intake, admission, first
 * contact, service start, «обращения», «поступления», «кайрылган»). Never a visit's number («Номер
 * обращения») or another date (of birth, closure, referral, the last visit). "Client code" is an id
 * as «Код клиента» is (the page tells staff to name the column so); a column a list names
 * (`victim_id`) is still the id before it (fields.ts, rank).
 */
const ID_NOUN = /^(?:id|code|number|ref|reference|uid|identifier|номер|номери|код|коду|шифр|идентификатор)$/u;
const ID_WHOSE =
	/^(?:case|client|beneficiary|person|individual|participant|respondent|survivor|victim|file|card|record|registration|unique|дел[оа]|личного|клиент\p{L}*|получател\p{L}*|бенефициар\p{L}*|карт\p{L}*|регистрац\p{L}*|регистрационн\p{L}*|досье|уникальн\p{L}*|кардар\p{L}*|иштин|каттоо)$/u;
const ID_NOT = /^(?:phone|passport|document|tax|national|visit|appeal|row|order|invoice|household|family|обращени\p{L}*|визит\p{L}*|строки|телефон\p{L}*|паспорт\p{L}*|семьи|сап\p{L}*)$/u;
const DATE_NOUN = /^(?:date|дата|датасы|күнү|куну)$/u;
const DATE_EVENT =
	/^(?:registration|registered|intake|admission|admitted|reception|contact|visit|service|enrolment|enrollment|entry|opened|open|opening|start|first|appeal|регистрац\p{L}*|обращени\p{L}*|поступлени\p{L}*|при[её]м\p{L}*|начал\p{L}*|учет\p{L}*|первич\p{L}*|открыти\p{L}*|кайрыл\p{L}*|каттоо|катталган|кабыл)$/u;
const DATE_NOT =
	/^(?:birth|born|closed|closure|close|end|exit|discharge|departure|referral|referred|death|update|updated|modified|submission|export|follow|last|next|рождени\p{L}*|туулган|закрыти\p{L}*|выбыти\p{L}*|окончани\p{L}*|направлени\p{L}*|смерти|последн\p{L}*|выгрузк\p{L}*|изменени\p{L}*)$/u;

export function keyFieldOfWords(header: string): 'id' | 'date' | null {
	const text = (lastOfPath(header) ?? header).replace(BRACKETS, ' ').replace(NUMBER_SIGN, ' number ');
	const words = splitWords(text).map(singular);
	if (words.length === 0 || words.length > MAX_QUESTION_WORDS) return null;
	if (words.some((w) => ID_NOUN.test(w)) && words.some((w) => ID_WHOSE.test(w)) && !words.some((w) => ID_NOT.test(w) || DATE_NOUN.test(w))) return 'id';
	if (words.some((w) => DATE_NOUN.test(w)) && words.some((w) => DATE_EVENT.test(w)) && !words.some((w) => DATE_NOT.test(w))) return 'date';
	return null;
}

