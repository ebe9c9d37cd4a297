import { expect, it } from 'vitest';
import { csvCell } from './csv-cell';

it('csvCell(value) neutralises what a spreadsheet would run, and keeps numbers', () => {
	expect(['=HYPERLINK("#x","x")', '+1+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)', '\t=1', '\r=1'].map(csvCell)).toEqual([
		`'=HYPERLINK("#x","x")`, "'+1+1", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)", "'\t=1", "'\r=1"
	]);
	expect([-12, '-12', '-0.25', 'Кыргызстан', 'a=b', ''].map(csvCell)).toEqual([-12, '-12', '-0.25', 'Кыргызстан', 'a=b', '']);
});
