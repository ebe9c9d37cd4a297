import { describe, expect, it } from 'vitest';
import { checkCaseRecords, hostingVariable } from './case-records';

describe('case records in data/', () => {
	it('hostingVariable(env) names what says the build runs on a CI runner or a host', () => {
		expect(hostingVariable({ CI: 'true' })).toBe('CI');
		expect(hostingVariable({ NETLIFY: 'true', CI: '' })).toBe('NETLIFY');
		expect(hostingVariable({ CI: 'false', HOME: '/root' })).toBe(null);
	});

	it('checkCaseRecords(files, synthetic, env) refuses raw exports on a host, warns locally, lets synthetic data and a release through', () => {
		expect(() => checkCaseRecords(['data/cases.csv'], false, { CF_PAGES: '1' })).toThrow(
			'data/ holds case-level exports (data/cases.csv) and this build runs on a CI runner or a host (CF_PAGES is set)'
		);
		expect(checkCaseRecords(['data/cases.csv'], false, {})).toMatch(/^data\/ holds case-level exports \(data\/cases.csv\): keep them on this computer/);
		expect(checkCaseRecords(['data/sample.csv'], true, { CI: 'true' })).toBe(null);
		expect(checkCaseRecords([], false, { CI: 'true' })).toBe(null);
	});
});
