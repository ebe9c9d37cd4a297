/**
 * CSV for people who open it in a spreadsheet. Excel reads a CSV without a byte-order mark in the
 * system's code page (Windows-1251 in a Russian locale: Cyrillic comes out garbled), and splits it
 * at the region's list separator, which is ";" where the decimal sign is "," (Russian, Kyrgyz).
 * So: a BOM, and the separator and decimal sign of the page's language; no cell a spreadsheet
 * would run as a formula (csvCell). Files for tools (the release) stay plain comma-separated UTF-8.
 */
import Papa from 'papaparse';
import { csvCell } from '$lib/csv-cell';
import type { Lang } from '$lib/types';

const REGION: Record<Lang, { delimiter: string; decimal: string }> = {
	en: { delimiter: ',', decimal: '.' },
	ru: { delimiter: ';', decimal: ',' },
	ky: { delimiter: ';', decimal: ',' }
};

/** A decimal number as the data gives it ("0.2500"): written with the region's decimal sign. */
const DECIMAL = /^-?\d+\.\d+$/;

export function spreadsheetCsv(fields: string[], rows: (string | number)[][], lang: Lang): string {
	const { delimiter, decimal } = REGION[lang];
	// Numbers first (a decimal sign written as the region writes it), then nothing a spreadsheet would run.
	const cell = (value: string | number) => {
		const text = String(value);
		return DECIMAL.test(text) ? text.replace('.', decimal) : csvCell(value);
	};
	return '\ufeff' + Papa.unparse({ fields, data: rows.map((row) => row.map(cell)) }, { delimiter, newline: '\r\n' });
}
