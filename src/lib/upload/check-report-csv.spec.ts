import { expect, it } from 'vitest';
import en from '$lib/i18n/messages/en';
import ru from '$lib/i18n/messages/ru';
import type { FileReport } from '$lib/ingest/load-export';
import { checkReportCsv } from './check-report-csv';
import { countedByRow } from '$lib/ingest/person-id';

const files: FileReport[] = [
	{
		file: 'x.csv', headers: ['Год', 'phone', 'colour'], rowsRead: 3, rowsLoaded: 2, rowsRejected: 1,
		columns: [
			{ index: 0, header: 'Год', status: 'recognised', field: 'year' },
			{ index: 1, header: 'phone', status: 'refused', reason: 'looks like a phone number column' },
			{ index: 2, header: 'colour', status: 'ignored', reason: 'not a recognised field' }
		],
		fieldColumns: { year: 'Год', id: 'Код' },
		problems: [{ field: 'year', kind: 'invalid year', values: ['20233'], rows: 1, lines: [4], rejected: true }]
	}
];

it('checkReportCsv(files) lists the summary, each problem and each refused or ignored column, columns named as in the file', () => {
	expect(checkReportCsv(files, en, 'en').split('\r\n')).toEqual([
		'\ufeffFile,Outcome,Column,Problem,Rows,First lines,Values',
		'x.csv,summary,,3 rows read = 2 loaded + 1 rejected,3,,',
		'x.csv,row rejected,Год,invalid year,1,4,20233',
		'x.csv,column refused,phone,looks like a phone number column,,1,',
		'x.csv,column ignored,colour,not a recognised field,,1,'
	]);
});

it('is written in the page\'s language, for a spreadsheet of that region', () => {
	expect(checkReportCsv(files, ru, 'ru').split('\r\n')).toEqual([
		'\ufeffФайл;Результат;Столбец;Проблема;Строк;Первые строки;Значения',
		'x.csv;итог;;прочитано строк: 3 = загружено 2 + отклонено 1;3;;',
		'x.csv;строка отклонена;Год;неверный год;1;4;20233',
		'x.csv;столбец отклонён;phone;похоже на столбец с номерами телефонов;;1;',
		'x.csv;столбец пропущен;colour;поле не распознано;;1;'
	]);
});

it('says at the top of a file counted row by row (no id, no counts) that each row is one person', () => {
	const byRow = files.map((f) => ({ ...f, fieldColumns: { year: 'Год' } }));
	expect(checkReportCsv(byRow, en, 'en').split('\r\n')[2]).toBe(`x.csv,summary,,"${en.noPersonId}",,,`);
	expect(checkReportCsv(byRow, ru, 'ru').split('\r\n')[2]).toBe(`x.csv;итог;;${ru.noPersonId};;;`);
	expect(checkReportCsv(files, en, 'en')).not.toContain(en.noPersonId);
});

it('countedByRow(file): no id and no counts, for a file that was read', () => {
	const file = { ...files[0], fieldColumns: { year: 'Год' } };
	expect(countedByRow(file)).toBe(true);
	expect(countedByRow({ ...file, fieldColumns: { year: 'Год', id: 'ID' } })).toBe(false);
	expect(countedByRow({ ...file, fieldColumns: { year: 'year', count: 'n' } })).toBe(false);
	expect(countedByRow({ ...file, error: 'not a CSV' })).toBe(false);
	expect(countedByRow({ ...file, rowsLoaded: 0 })).toBe(false);
});
