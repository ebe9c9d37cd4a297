import { describe, expect, it } from 'vitest';
import { ALL } from '$lib/types';
import { release } from './index';
import { parseReleaseDocument, releaseDocument } from './release-file';

const person = { year: 2024, organisation: 'A', programme: 'P', group: 'G', region: 'Chuy', sex: 'female', age: '18-59', nationality: 'KG', disability: 'no', n: 40 } as const;

describe('parseReleaseDocument(spec, source, k)', () => {
	it('takes back what releaseDocument wrote', async () => {
		const doc = releaseDocument(await release([person], { k: 10, scope: [] }), '2026-01-15');
		expect(parseReleaseDocument(JSON.parse(JSON.stringify(doc)), 'data/release.json', 10)).toEqual(doc);
	});

	it('keeps a lineage, a headline and what a revision replaces; a file from before lineages gets its span from its rows', async () => {
		const first = await release([person, { ...person, year: 2023 }], { k: 10, scope: [] });
		const doc = releaseDocument({ ...first, lineage: [{ exportDate: '2025-01-10', period: '2023-2023', rows: 2 }], headline: { from: 2023, to: 2023 }, revises: '2025-06-01' }, '2026-01-15');
		expect([doc.span, doc.headline, doc.revises, doc.periods]).toEqual([{ from: 2023, to: 2024 }, { from: 2023, to: 2023 }, '2025-06-01', ['2023-2023']]);
		expect(parseReleaseDocument(JSON.parse(JSON.stringify(doc)), 'data/release.json', 10)).toEqual(doc);
		const { span: _span, headline: _headline, lineage: _lineage, ...old } = releaseDocument(first, '2026-01-15');
		expect(parseReleaseDocument(old, 'old.json', 10)).toMatchObject({ span: { from: 2023, to: 2024 }, headline: { from: 2023, to: 2024 }, lineage: [] });
	});

	it('refuses a row below k, an audit with a violation, a smaller k and an older format, naming the file', async () => {
		const doc = releaseDocument(await release([person], { k: 10, scope: [] }), '2026-01-15');
		const small = { ...doc, rows: [...doc.rows, { view: 'total', year: '2025', organisation: ALL, programme: ALL, group: ALL, category: '', n: 3 }] };
		expect(() => parseReleaseDocument(small, 'data/release.json', 10)).toThrow(`data/release.json: row ${doc.rows.length + 1} (total 2025 ) stands for 3 people, fewer than k = 10`);
		const violated = { ...doc, audit: [{ view: 'total', checked: 1, smallestLargest: 3, violations: [{ view: 'total', cell: '2025', n: 3, largest: 3 }], ms: 1 }] };
		expect(() => parseReleaseDocument(violated, 'data/release.json', 10)).toThrow('data/release.json: its audit is missing or found a violation');
		expect(() => parseReleaseDocument(doc, 'data/release.json', 12)).toThrow("data/release.json: it was protected with k = 10, below the settings' k = 12");
		expect(() => parseReleaseDocument({ ...doc, format: 'impact-dashboard-release/1' }, 'x.json', 10)).toThrow('x.json: not a release file of this version');
	});
});
