/** A registration year: 2024, "2024.0" (a spreadsheet's number), «2024 г.». */
import { isBlank, plain, problem, type Normalised } from './common';

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;

export const inYears = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

/**
 * `latest`: the export's date (yyyy-mm-dd). No one was registered after the register was exported,
 * so a later year or date is rejected like one before 1950.
 */
export function normaliseYear(raw: string, latest?: string): Normalised<number | null> {
	if (isBlank(raw)) return { value: null, problem: 'missing year' };
	// "2024.0" is what a spreadsheet writes for a year stored as a number; «2024 г.» is Russian usage.
	const m = /^(\d{4})(?:\.0+)?(?: ?(?:г|год|года|ж|жыл)\.?)?$/.exec(plain(raw));
	const year = m ? Number(m[1]) : NaN;
	if (!inYears(year)) return problem(null, 'invalid year', raw);
	return latest && year > Number(latest.slice(0, 4)) ? problem(null, `year after the export date (${latest})`, raw) : { value: year };
}
