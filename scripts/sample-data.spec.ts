import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { COLUMNS, sampleCsv } from './sample-data.mjs';

it('sampleCsv() is seeded: the same bytes as data/sample-export.csv, every time', () => {
	const csv = sampleCsv();
	expect(csv).toBe(sampleCsv());
	expect(csv).toBe(readFileSync('data/sample-export.csv', 'utf8'));
	expect(sampleCsv({ seed: 1 })).not.toBe(csv);
});

it('has the contract columns, 2019–2025, and people who return in a later year', () => {
	const [header, ...rows] = Papa.parse<string[]>(sampleCsv(), { skipEmptyLines: true }).data;
	expect(header).toEqual(COLUMNS);
	const years = new Map<string, Set<string>>();
	for (const r of rows) years.set(r[0], (years.get(r[0]) ?? new Set()).add(r[1].slice(0, 4)));
	expect(new Set(rows.map((r) => r[1].slice(0, 4)))).toEqual(new Set(['2019', '2020', '2021', '2022', '2023', '2024', '2025']));
	const returning = [...years.values()].filter((y) => y.size > 1).length;
	expect(returning / years.size).toBeGreaterThan(0.05);
	expect(rows.every((r) => r[5] === 'F' || r[3] !== 'Retreat camp for girls')).toBe(true);
});
