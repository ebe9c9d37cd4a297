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
