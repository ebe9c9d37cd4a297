/**
 * Whether a column's values are phone numbers, by a shape a date, an amount or a code cannot have:
 * an international number (+996 555 123 456, 00996…, 996555123456), a national one with its trunk
 * prefix (0555 123 456, 8 (701) 123-45-67), or local digits written in groups (555 12 34 56). A
 * date with dashes (2024-05-17, 01-01-2000) has eight digits, too few for any of them; a column
 * whose values read as dates is a date column whatever else they could be.
 */
import { normaliseDate } from './values';

/** ITU E.164: at most 15 digits with the country code; the shortest national numbers in use here have 9. */
const INTERNATIONAL = /^(?:\+|00)[1-9]/;
const TRUNK = /^(?:0[1-9]|8\s*\(?[1-9])/;
/** Central Asia's codes, as exports write them without the "+": Kyrgyzstan, Uzbekistan, Tajikistan, Turkmenistan. */
const BARE_COUNTRY = /^99[2368]\d{9}$/;
/** "1 234 567 890": an amount's thousands, or a number in groups of three (told apart by the column). */
const THOUSANDS = /^\d{1,3}(?:[ \u00a0]\d{3})+$/;

const digitsOf = (value: string) => value.replace(/\D/g, '').length;

/** A phone number's shape, or 'grouped' for digits in threes that an amount could also be. */
function phoneShape(value: string): 'phone' | 'grouped' | null {
	if (!/^\+?[\d\s\u00a0\-().]+$/.test(value) || /^\d+[.,]\d+$/.test(value)) return null;
	const digits = digitsOf(value);
	if (INTERNATIONAL.test(value)) return digits >= 8 + (value.startsWith('00') ? 2 : 0) && digits <= 15 + (value.startsWith('00') ? 2 : 0) ? 'phone' : null;
	if (BARE_COUNTRY.test(value)) return 'phone';
	if (TRUNK.test(value)) return digits >= 10 && digits <= 11 ? 'phone' : null;
	// Local digits: only as people group them (a bare run of digits is a code as well as anything).
	if (!/[\s\u00a0\-()]/.test(value) || digits < 9 || digits > 12) return null;
	return THOUSANDS.test(value) ? 'grouped' : 'phone';
}

const isDate = (value: string) => normaliseDate(value).value !== null;

/** More than half the (non-blank) values are phone numbers, and the column is no date column. */
export function isPhoneColumn(values: string[]): boolean {
	if (values.length === 0) return false;
	if (values.filter(isDate).length / values.length > 0.5) return false;
	const shapes = values.map(phoneShape);
	// Digits in threes are a phone number only where all numbers are as long: amounts are not.
	const grouped = values.filter((_, i) => shapes[i] === 'grouped');
	const sameLength = new Set(values.filter((_, i) => shapes[i] !== null).map(digitsOf)).size === 1;
	const phones = shapes.filter((s) => s === 'phone').length + (sameLength ? grouped.length : 0);
	return phones / values.length > 0.5;
}
