import { describe, expect, it } from 'vitest';
import { mapHeaders } from './fields';
import { refusalReason } from './pii';

describe('mapHeaders(headers, hxl)', () => {
	it('recognises headers in English, Russian and Kyrgyz, whatever the case and punctuation', () => {
		const { byField } = mapHeaders(['Case ID', 'Дата регистрации', 'ORGANISATION', 'Долбоор', 'target_group', 'Пол', 'Жашы', 'Гражданство', 'has_disability', 'Облус', 'Количество']);
		expect(byField).toEqual({ id: 0, date: 1, organisation: 2, programme: 3, group: 4, sex: 5, age: 6, nationality: 7, disability: 8, region: 9, count: 10 });
		expect(mapHeaders(['yearOfRegistration', 'ageBroad', 'Жыл']).byField).toEqual({ year: 0, age: 1 });
		expect(mapHeaders(['yearOfRegistration', 'ageBroad', 'Жыл']).columns[2]).toMatchObject({ status: 'ignored', reason: 'duplicate of column 1' });
	});

	it('reads headers as real exports spell them: camelCase, snake_case, prefixes, suffixes, a hint in brackets', () => {
		const ctdc = ['yearOfRegistration', 'gender', 'ageBroad', 'majorityStatus', 'citizenship', 'typeOfExploitConcatenated', 'CountryOfExploitation'];
		expect(mapHeaders(ctdc).byField).toEqual({ year: 0, sex: 1, age: 2, majority: 3, nationality: 4, exploitation: 5 });
		expect(mapHeaders(ctdc).columns[6]).toMatchObject({ status: 'ignored', reason: 'not a recognised field' });
		const spelt = ['Registration Date (dd.mm.yyyy)', 'age_group', 'Client_Sex', 'citizenship_code', 'ExploitType', 'oblast_code'];
		expect(mapHeaders(spelt).byField).toEqual({ date: 0, age: 1, sex: 2, nationality: 3, exploitation: 4, region: 5 });
		expect(mapHeaders(['AgeCategory']).byField).toEqual({ age: 0 });
		expect(mapHeaders(['Возрастная категория', 'Возраст клиента', 'Гражданство (код ISO)', 'Вид эксплуатации', 'Тип случая']).byField).toEqual({ age: 0, nationality: 2, exploitation: 3 });
		expect(mapHeaders(['Case type', 'Эксплуатациянын түрү', 'Пол клиента']).byField).toEqual({ exploitation: 0, sex: 2 });
	});

	it('takes a prefix or suffix off only when what is left is a known header, and never from an identifier', () => {
		const cols = mapHeaders(['Client name', 'Victim phone', 'Date (of birth)', 'Case status', 'Client code', 'victim_id']).columns;
		expect(cols.map((c) => c.status)).toEqual(['refused', 'refused', 'refused', 'ignored', 'ignored', 'recognised']);
		expect(cols[5].field).toBe('id');
	});

	it('maps the six Washington Group domains, with prefixes', () => {
		const { byField } = mapHeaders(['wg_seeing', 'WGSS hearing', 'difficulty walking', 'remembering', 'self-care', 'Общение']);
		expect(byField).toEqual({ wg_seeing: 0, wg_hearing: 1, wg_walking: 2, wg_remembering: 3, wg_self_care: 4, wg_communicating: 5 });
	});

	it('honours an HXL row where the header says nothing known', () => {
		expect(mapHeaders(['Когда', 'x'], ['#date+reported', '#affected+id']).byField).toEqual({ date: 0, id: 1 });
	});

	it('refuses identifier columns by header, and by values for unknown headers, naming the kind only', () => {
		const cols = mapHeaders(['ФИО', 'phone', 'Passport No', 'ИНН', 'address', 'e-mail', 'date of birth', 'Примечание', 'case_id', 'registration_date', 'Organisation name']).columns;
		expect(cols.map((c) => c.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'refused', 'recognised', 'recognised', 'recognised']);
		expect(cols[1].reason).toBe('looks like a phone number column');
		expect(refusalReason('contact', ['+996 555 123 456', '0700 11 22 33'])).toBe('looks like a phone number column (by its values)');
		expect(refusalReason('x', ['a@b.kg', 'c@d.org'])).toBe('looks like an e-mail address column (by its values)');
		expect(refusalReason('code', ['21204199900123', '11505198800456'])).toBe('looks like a personal number (PIN/ИНН) column (by its values)');
		expect(refusalReason('colour', ['red', 'blue'])).toBeNull();
	});
});
