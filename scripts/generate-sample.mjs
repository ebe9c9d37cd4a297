#!/usr/bin/env node
/**
 * npm run sample                         → data/sample-export.csv (the site's synthetic sample)
 * npm run sample -- --rows 1000000 --out /tmp/big.csv   → a large export for benchmarks
 */
import { writeSampleCsv } from './sample-data.mjs';

const args = process.argv.slice(2);
const option = (name) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const rows = option('rows');
const out = option('out') ?? 'data/sample-export.csv';
// About 1.07 records per new person (returning people), over 7 years.
const perYear = rows ? Math.ceil(Number(rows) / 7 / 1.07) : 400;
const written = await writeSampleCsv(out, { perYear, seed: Number(option('seed') ?? 42) });
console.log(`${out}: ${written} rows (synthetic)`);
