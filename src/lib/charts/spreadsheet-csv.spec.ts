import { expect, it } from 'vitest';
import Papa from 'papaparse';
import { spreadsheetCsv } from './spreadsheet-csv';

const rows = [
	['Доля с инвалидностью', '0.2500', 12],
	['Люди; всего', '1200', 'a "quoted" word']
];

it('writes a BOM, the separator and decimal sign of the language, and quotes what needs it', () => {
	expect(spreadsheetCsv(['indicator', 'value', 'n'], rows, 'ru')).toBe(
		'\ufeffindicator;value;n\r\nДоля с инвалидностью;0,2500;12\r\n"Люди; всего";1200;"a ""quoted"" word"'
	);
	expect(spreadsheetCsv(['indicator', 'value', 'n'], rows, 'en')).toBe(
		'\ufeffindicator,value,n\r\nДоля с инвалидностью,0.2500,12\r\nЛюди; всего,1200,"a ""quoted"" word"'
	);
});

it('reads back as written (the separator is found again, the cells are the same)', () => {
	const text = spreadsheetCsv(['a', 'b'], [['x;y', '1.5'], ['', '7']], 'ky').slice(1);
	const parsed = Papa.parse<string[]>(text);
	expect(parsed.meta.delimiter).toBe(';');
	expect(parsed.data).toEqual([['a', 'b'], ['x;y', '1,5'], ['', '7']]);
});

it('writes no cell a spreadsheet would run, in every language, and keeps negative figures as numbers', () => {
	for (const lang of ['en', 'ru', 'ky'] as const) {
		const text = spreadsheetCsv(['value', 'n'], [['=HYPERLINK("#x","x")', -3], ['@SUM(A1)', '-0.25'], ['+1', '\t=2']], lang).slice(1);
		const cells = Papa.parse<string[]>(text).data.slice(1);
		expect(cells).toEqual([[`'=HYPERLINK("#x","x")`, '-3'], ["'@SUM(A1)", lang === 'en' ? '-0.25' : '-0,25'], ["'+1", "'\t=2"]]);
	}
});
