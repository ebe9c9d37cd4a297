#!/usr/bin/env node
/**
 * Writes src/lib/i18n/country-names-ky.ts: every ISO 3166-1 country's name in Kyrgyz, from Node's
 * full ICU. Browsers with a reduced ICU (Chromium among them) have no Kyrgyz names, and would
 * otherwise name countries in English on /ky/. Run after a Node (ICU) upgrade:
 *   node scripts/country-names.mjs
 * (a unit test fails when the file no longer matches this Node's ICU).
 */
import { readFileSync, writeFileSync } from 'node:fs';

// The alpha-2 codes, as countries.ts writes them ('AD AND|AE ARE|…').
const source = readFileSync('src/lib/normalise/countries.ts', 'utf8');
const codes = [...source.matchAll(/\b([A-Z]{2}) [A-Z]{3}\b/g)].map((m) => m[1]);
if (codes.length < 249) throw new Error(`expected 249 ISO codes in src/lib/normalise/countries.ts, found ${codes.length}`);
const names = new Intl.DisplayNames(['ky'], { type: 'region', fallback: 'none' });
const entries = codes.map((code) => [code, names.of(code)]).filter(([, name]) => name);
writeFileSync(
	'src/lib/i18n/country-names-ky.ts',
	`/** Country names in Kyrgyz, from Node's ICU: written by scripts/country-names.mjs, do not edit. */\nexport default {\n${entries.map(([c, n]) => `\t${c}: ${JSON.stringify(n)}`).join(',\n')}\n} as Record<string, string>;\n`
);
console.log(`${entries.length} names written`);
