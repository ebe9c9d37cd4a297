/** Nothing case-level reaches the built site, and every published row respects k. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { peopleByYear, sourceRecords } from './oracle';
import { BUILD_DIR } from './global-setup';

const settings = JSON.parse(readFileSync('data/settings.json', 'utf8')) as { k: number };

function* files(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) yield* files(full);
		else yield full;
	}
}

describe('the built site', () => {
	const texts = [...files(BUILD_DIR)].filter((f) => !f.endsWith('.wasm')).map((f) => [f, readFileSync(f, 'latin1')] as const);

	it('holds no export and no value of the id column, in any file', () => {
		expect(texts.some(([f]) => f.endsWith('.csv') && !f.endsWith('release.csv'))).toBe(false);
		const { records } = sourceRecords();
		const ids = [...new Set(records.map((r) => r.id))];
		expect(ids.length).toBeGreaterThan(1000);
		const leaks = ids.filter((id) => texts.some(([, text]) => text.includes(id)));
		expect(leaks).toEqual([]);
	});

	it('holds no row of the source export', () => {
		const { records } = sourceRecords();
		// A row without its id is still case-level: look for the rest of each row, joined as in the CSV.
		const rows = records.slice(0, 500).map((r) => r.row.slice(1).join(','));
		const leaks = rows.filter((row) => texts.some(([, text]) => text.includes(row)));
		expect(leaks).toEqual([]);
	});

	it('publishes no release row below k, and carries an audit that checked the small hidden counts and found no violation', () => {
		const release = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8')) as {
			rows: { n: number }[];
			audit: { checked: number; violations: unknown[] }[];
		};
		expect(release.rows.filter((r) => r.n < settings.k)).toEqual([]);
		expect(release.rows.length).toBeGreaterThan(50);
		expect(release.audit.reduce((s, a) => s + a.checked, 0)).toBeGreaterThan(100);
		expect(release.audit.flatMap((a) => a.violations)).toEqual([]);
	});

	it('keeps every year total (each year, all organisations) equal to the exact number of unique people in the export', () => {
		const release = JSON.parse(readFileSync(`${BUILD_DIR}/data/release.json`, 'utf8')) as { rows: { view: string; year: string; organisation: string; n: number }[] };
		const totals = new Map<number, number>();
		// The level "each year, all organisations": one row per year.
		for (const r of release.rows) if (r.view === 'total' && /^\d{4}$/.test(r.year) && r.organisation === '~all') totals.set(Number(r.year), r.n);
		expect(Object.fromEntries(totals)).toEqual(Object.fromEntries(peopleByYear(sourceRecords().records)));
	});

	it('its published CSV blanks every count from 1 to k−1', () => {
		const csv = readFileSync(`${BUILD_DIR}/data/release.csv`, 'utf8').trim().split('\n').slice(1);
		for (const line of csv) {
			const n = line.split(',').at(-2);
			if (n !== '') expect(Number(n)).toBeGreaterThanOrEqual(settings.k);
		}
	});
});
