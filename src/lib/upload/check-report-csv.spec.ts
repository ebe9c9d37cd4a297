import { expect, it } from 'vitest';
import { checkReportCsv } from './check-report-csv';

it('checkReportCsv(files) lists the summary, each problem and each refused or ignored column', () => {
	const csv = checkReportCsv([
		{
			file: 'x.csv', headers: ['year', 'phone', 'colour'], rowsRead: 3, rowsLoaded: 2, rowsRejected: 1,
			columns: [
				{ index: 0, header: 'year', status: 'recognised', field: 'year' },
				{ index: 1, header: 'phone', status: 'refused', reason: 'looks like a phone number column' },
				{ index: 2, header: 'colour', status: 'ignored', reason: 'not a recognised field' }
			],
			problems: [{ field: 'year', kind: 'invalid year', values: ['20233'], rows: 1, lines: [4], rejected: true }]
		}
	]);
	expect(csv.split('\n')).toEqual([
		'file,outcome,field or column,problem,rows,lines,values',
		'x.csv,summary,,3 rows read = 2 loaded + 1 rejected,3,,',
		'x.csv,row rejected,year,invalid year,1,4,20233',
		'x.csv,column refused,phone,looks like a phone number column,,1,',
		'x.csv,column ignored,colour,not a recognised field,,1,'
	]);
});
