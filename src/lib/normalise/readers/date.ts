/** A registration date, read for its year: ISO, dd.mm.yyyy (with a time), words («15 марта 2024»), a month or a quarter. */
import { isBlank, plain, problem, type Normalised } from './common';
import { inYears } from './year';

/** yyyy-mm-dd, compared as text. */
const isoDay = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function isCalendarDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	// Day 0 of the next month is the last day of this one (leap years included).
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First three letters of month names in English and Russian (nominative and genitive share them). */
const MONTHS = new Map<string, number>(
	['jan янв', 'feb фев', 'mar мар', 'apr апр', 'may май мая', 'jun июн', 'jul июл', 'aug авг', 'sep сен', 'oct окт', 'nov ноя', 'dec дек'].flatMap(
		(names, i) => names.split(' ').map((n) => [n, i + 1] as [string, number])
	)
);
const monthOf = (name: string) => MONTHS.get(name.slice(0, 3)) ?? 0;

// Excel stores dates as days since 1899-12-30: 18264 is 1950-01-01, 73415 is 2100-12-31.
const EXCEL_FIRST = 18264;
const EXCEL_LAST = 73415;

/** Optional time of day after a date: "10:22", "10:22:00.5", "12:00:00 am", "T10:22Z", "+06:00". */
const TIME = String.raw`(?:[t ] ?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[ap]\.?m\.?)?(?: ?(?:z|[+-]\d{2}(?::?\d{2})?))?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const YMD_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const DMY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const DMY_SHORT = new RegExp(String.raw`^\d{1,2}([-/.])\d{1,2}\1\d{2}${TIME}$`);
const YM = /^(\d{4})-(\d{1,2})$/;
const MY = /^(\d{1,2})[-/.](\d{4})$/;
const D_MONTH_Y = /^(\d{1,2})[ -]?([a-zа-я]{3,})\.?,?[ -]?(\d{2}|\d{4})$/;
const MONTH_D_Y = /^([a-z]{3,})\.? (\d{1,2}),? (\d{2}|\d{4})$/;
/** Only the year counts, so a month or a quarter of a year is enough: «март 2024», "Q1 2024", «I кв. 2024». */
const MONTH_Y = /^([a-zа-я]{3,})\.?,? (\d{4})$/;
const QUARTER_Y = /^(?:q[1-4]|[1-4iv]{1,3} ?(?:кв|квартал)\.?) ?(\d{4})$/;

/**
 * The year of a date. Only the year is kept, so a date need only be real under one reading.
 * `latest`: the export's date (yyyy-mm-dd); a date after it is rejected, one that may be on or
 * before it under some reading (a month without a day, dd/mm or mm/dd) is not.
 */
export function normaliseDate(raw: string, latest?: string): Normalised<number | null> {
	if (isBlank(raw)) return { value: null, problem: 'missing date' };
	const text = plain(raw).replace(/ ?(?:г|года?)\.?$/, '');
	// `first`: the earliest day the value can mean.
	const dated = (y: number, ok: boolean, first = isoDay(y, 1, 1)): Normalised<number | null> =>
		!ok
			? problem(null, 'invalid date', raw)
			: !inYears(y)
				? problem(null, 'date out of range', raw)
				: latest && first > latest
					? problem(null, `date after the export date (${latest})`, raw)
					: { value: y };

	let m = YMD.exec(text) ?? YMD_BASIC.exec(text);
	if (m) {
		const [y, mo, d] = (m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]]).map(Number);
		return dated(y, isCalendarDate(y, mo, d), isoDay(y, mo, d));
	}
	if ((m = DMY.exec(text))) {
		const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
		// dd/mm and mm/dd cannot be told apart when both parts are ≤ 12, but both give the same year.
		const readings = [[b, a], [a, b]].filter(([mo, d]) => isCalendarDate(y, mo, d)).map(([mo, d]) => isoDay(y, mo, d));
		return dated(y, readings.length > 0, readings.sort()[0]);
	}
	if ((m = YM.exec(text))) return dated(Number(m[1]), Number(m[2]) >= 1 && Number(m[2]) <= 12, isoDay(Number(m[1]), Number(m[2]), 1));
	if ((m = MY.exec(text))) return dated(Number(m[2]), Number(m[1]) >= 1 && Number(m[1]) <= 12, isoDay(Number(m[2]), Number(m[1]), 1));
	m = D_MONTH_Y.exec(text);
	const named = m ? { d: m[1], mo: m[2], y: m[3] } : (m = MONTH_D_Y.exec(text)) ? { d: m[2], mo: m[1], y: m[3] } : undefined;
	if (named && monthOf(named.mo)) {
		if (named.y.length === 2) return problem(null, 'two-digit year in date', raw);
		const [y, mo, d] = [Number(named.y), monthOf(named.mo), Number(named.d)];
		return dated(y, isCalendarDate(y, mo, d), isoDay(y, mo, d));
	}
	if ((m = MONTH_Y.exec(text)) && monthOf(m[1])) return dated(Number(m[2]), true, isoDay(Number(m[2]), monthOf(m[1]), 1));
	if ((m = QUARTER_Y.exec(text))) return dated(Number(m[1]), true);
	// "15.03.24" could be 1924 or 2024: ambiguous, so reported rather than guessed.
	if (DMY_SHORT.test(text)) return problem(null, 'two-digit year in date', raw);
	// A date column that holds only years (also as a spreadsheet number, "2024.0").
	if ((m = /^(\d{4})(?:\.0+)?$/.exec(text))) return inYears(Number(m[1])) ? dated(Number(m[1]), true) : problem(null, 'invalid date', raw);
	// A serial could count from 1900 or (old Mac Excel) 1904: reported, not converted.
	m = /^(\d{1,6})(?:[.,]\d+)?$/.exec(text);
	if (m && Number(m[1]) >= EXCEL_FIRST && Number(m[1]) <= EXCEL_LAST) return problem(null, 'looks like an Excel serial date', raw);
	return problem(null, 'invalid date', raw);
}
