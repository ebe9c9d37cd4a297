import { it, expect } from 'vitest';
import { createNodeEngine } from '$lib/server/engine-node';
import { readExports, readSettings } from '$lib/server/read-data';
import { loadExports } from '$lib/ingest/load-export';
import { release } from './index';
import { formatLossReport } from './loss-report';
import { formatAudit } from './audit';
import { writeFileSync } from 'node:fs';

it('scratch: sample release', async () => {
	const settings = await readSettings();
	const engine = await createNodeEngine();
	const ingest = await loadExports(engine, await readExports());
	writeFileSync('/tmp/scratch/people.json', JSON.stringify(ingest.rows));
	const t0 = performance.now();
	const r = await release(ingest.rows, { k: settings.k, scope: settings.scope, periods: settings.periods });
	console.log('ms', performance.now() - t0, 'rounds', r.rounds, 'rows', r.rows.length);
	console.log(formatLossReport(r.loss));
	console.log(formatAudit(r.audit, settings.k));
	writeFileSync('/tmp/scratch/release.json', JSON.stringify(r, null, 1));
	expect(r.rows.length).toBeGreaterThan(0);
	await engine.close();
}, 600_000);
