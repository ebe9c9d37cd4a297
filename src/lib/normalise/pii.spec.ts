import { describe, expect, it } from 'vitest';
import { mapHeaders } from './fields';
import { refusalReason } from './pii';
import { isPhoneColumn } from './phone-numbers';
import { headerWords, splitWords } from './header-words';

describe('splitWords(header), headerWords(header, vocabulary)', () => {
	it('splits at punctuation, camelCase humps and digits, and cuts a run of letters only into known words', () => {
		expect(splitWords('CancellationCode')).toEqual(['cancellation', 'code']);
		expect(splitWords('page_namespace')).toEqual(['page', 'namespace']);
		expect(splitWords('IDNumber2')).toEqual(['id', 'number', '2']);
		expect(splitWords('Ф.И.О.')).toEqual(['ф', 'и', 'о']);
		const vocabulary = new Set(['client', 'phone', 'cell', 'name']);
		expect(headerWords('clientphone', vocabulary)).toEqual(['client', 'phone']);
		expect(headerWords('Cancelled', vocabulary)).toEqual(['cancelled']);
		expect(headerWords('namespace', vocabulary)).toEqual(['namespace']);
	});
});

describe('refusalReason(header, values): headers by their words', () => {
	it.each([
		['country_name'],
		['nationality_name'],
		['org_name'],
		['programme name'],
		['Name of organisation'],
		['Уюмдун аты'],
		['Cancelled'],
		['CancellationCode'],
		['mail_city'],
		['address_country'],
		['page_namespace'],
		['FlightDate'],
		['installation_date'],
		['closed_on'],
		['born_abroad'],
		['и др.'],
		// DuckDB's CSV corpus (14512_og.csv, test_ignore_errors.csv): a shop's items, brands and stores.
		['item_name'],
		['brand_name'],
		['Store Name Key'],
		['Item Name'],
		['ItemName']
	])('%s is no identifier', (header) => {
		expect(refusalReason(header, [])).toBeNull();
	});

	it.each([
		['name', 'a name'],
		['Client name', 'a name'],
		['client_name', 'a name'],
		['ClientName', 'a name'],
		['mothers_name', 'a name'],
		['FirstName', 'a name'],
		['Ф.И.О.', 'a name'],
		['Имя клиента', 'a name'],
		['Аты-жөнү', 'a name'],
		['Customer Name', 'a name'],
		['store_manager_name', 'a name'],
		['phone', 'a phone number'],
		['clientphone', 'a phone number'],
		['Mobile_Phone', 'a phone number'],
		['Cell', 'a phone number'],
		['WhatsApp', 'a phone number'],
		['Номер телефона', 'a phone number'],
		['Тел.', 'a phone number'],
		['Passport No', 'a passport or document number'],
		['passportNumber', 'a passport or document number'],
		['Номер паспорта', 'a passport or document number'],
		['NationalID', 'a personal number (PIN/ИНН)'],
		['national_id_number', 'a personal number (PIN/ИНН)'],
		['ИНН', 'a personal number (PIN/ИНН)'],
		['PIN code', 'a personal number (PIN/ИНН)'],
		['home_address', 'an address'],
		['Address line 1', 'an address'],
		['Адрес проживания', 'an address'],
		['Street', 'an address'],
		['E-mail', 'an e-mail address'],
		['email_address', 'an e-mail address'],
		['Mail', 'an e-mail address'],
		['Электронная почта', 'an e-mail address'],
		['date_of_birth', 'a date of birth'],
		['DateOfBirth', 'a date of birth'],
		['dateofbirth', 'a date of birth'],
		['BirthDate', 'a date of birth'],
		['DOB', 'a date of birth'],
		['Дата рождения', 'a date of birth'],
		['Др.', 'a date of birth'],
		['Case notes', 'free-text notes'],
		['Примечания', 'free-text notes'],
		['comments', 'free-text notes']
	])('%s is refused as %s', (header, kind) => {
		expect(refusalReason(header, [])).toBe(`looks like ${kind} column`);
	});
});

describe('refusalReason(header, values): values by a shape nothing else has', () => {
	it('a column of dates is a date column, however the dates are written', () => {
		for (const dates of [
			['2024-05-17', '2023-11-02', '2025-01-30'],
			['01-01-2000', '15-03-2024', '28-02-2019'],
			['17.05.2024', '02.11.2023'],
			['2024/05/17', '2023/11/02']
		]) {
			expect(isPhoneColumn(dates)).toBe(false);
			expect(refusalReason('closed_on', dates)).toBeNull();
		}
	});

	it('amounts and codes are no phone numbers', () => {
		for (const values of [
			['68527.00', '1200.50', '99.99'],
			['1 234 567', '12 345 678 901', '250 000 000'],
			['1234567', '7654321', '1000001'],
			['123456789', '987654321012'],
			['720001', '720040'],
			['0', '1', '0', '1'],
			['P-0001', 'P-0002'],
			['20240517', '20231102']
		])
			expect(refusalReason('x', values), values.join(' ')).toBeNull();
	});

	it('phone numbers are refused as people write them', () => {
		for (const values of [
			['+996 555 123 456', '+996 700 000 000'],
			['+996555123456', '+79161234567'],
			['00996 555 123 456', '00996 700 112 233'],
			['996555123456', '996700112233'],
			['0555 123 456', '0700 11 22 33'],
			['0555123456', '0312621234'],
			['8 (701) 123-45-67', '8 (916) 765-43-21'],
			['555 12 34 56', '700 11 22 33'],
			['555 123 456', '700 112 233'],
			['(312) 62-12-34', '(312) 66-00-11']
		])
			expect(refusalReason('contact', values), values.join(' ')).toBe('looks like a phone number column (by its values)');
	});
});

describe('mapHeaders(headers): names of things are read as the thing', () => {
	it('reads country_name as the nationality, org_name as the organisation, and keeps Cancelled ignored', () => {
		const { byField, columns } = mapHeaders(['year', 'country_name', 'org_name', 'programme name', 'Cancelled', 'CancellationCode', 'mail_city', 'page_namespace']);
		expect(byField).toEqual({ year: 0, nationality: 1, organisation: 2, programme: 3 });
		expect(columns.slice(4).map((c) => c.status)).toEqual(['ignored', 'ignored', 'ignored', 'ignored']);
		expect(mapHeaders(['nationality_name']).byField).toEqual({ nationality: 0 });
		expect(mapHeaders(['Client name', 'client_phone']).columns.map((c) => c.status)).toEqual(['refused', 'refused']);
	});
});
