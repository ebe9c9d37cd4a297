import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from './engine-node';
import type { Engine } from '$lib/db/engine';
import { RefusedExports, releaseExports } from './release-exports';

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
});
afterAll(() => engine?.close());

const settings = { k: 10, scope: ['organisation' as const], periods: [], exportDate: '2026-01-15' };
const file = (rows: string[]) => ({ name: 'export.csv', bytes: new TextEncoder().encode(['case_id,registration_date,sex', ...rows].join('\n') + '\n') });

describe('releaseExports(engine, files, settings)', () => {
	it('refuses an export whose every row is rejected (found by DuckDB\'s corpus, rejects/dr_who.csv), naming no value', async () => {
		const rows = Array.from({ length: 12 }, (_, i) => `Q-${i},32.13.20${i},F`);
		const refused = await releaseExports(engine, [file(rows)], settings).catch((e) => e);
		expect(refused).toBeInstanceOf(RefusedExports);
		expect(refused.message).toContain('no row could be loaded: all 12 rows read were rejected');
		expect(refused.message).not.toMatch(/Q-\d|32\.13/);
		expect(refused.check).toContain('12 rows read');
	}, 30_000);

	it('releases the same export once its dates can be read', async () => {
		const rows = Array.from({ length: 12 }, (_, i) => `Q-${i},2024-03-${String(i + 1).padStart(2, '0')},F`);
		const { ingest, released } = await releaseExports(engine, [file(rows)], settings);
		expect(ingest.people).toBe(12);
		expect(released.rows.find((r) => r.view === 'total' && r.year === '~all' && r.organisation === '~all')?.n).toBe(12);
	}, 30_000);
});
