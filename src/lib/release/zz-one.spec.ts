import { it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { exactCounts } from './count-tables';
import { buildLevels, SEP } from './levels';
import { protect } from './protect';
import { auditProblems } from './publish';
import { audit } from './audit';
it('one', async () => {
	const d = JSON.parse(readFileSync(process.env.CASE ?? '/tmp/scratch/bad1.json', 'utf8'));
	const exact = exactCounts(d.people, d.scope);
	const levels = buildLevels(exact.years, exact.finest, exact.scope, d.periods);
	const p = protect(exact, levels, d.k);
	const v = exact.views.indexOf(d.view);
	console.log('hiddenTotals', [...p.hiddenTotals].map((g) => g.replaceAll(SEP, '|')).join('  '));
	for (const [g, st] of p.breakdowns.get(d.view)!) console.log(g.replaceAll(SEP, '|').padEnd(30), st.nodes.map((n) => `${n.category}:${n.n}${n.hidden ? 'H' : ''}`).join(' '));
	const res = await audit(auditProblems(p), d.k);
	console.log(JSON.stringify(res.flatMap((r) => r.violations)));
	expect(v).toBeGreaterThanOrEqual(0);
});
it('totals trace', async () => {
	const d = JSON.parse(readFileSync(process.env.CASE ?? '/tmp/scratch/bad1.json', 'utf8'));
	const exact = exactCounts(d.people, d.scope);
	const levels = buildLevels(exact.years, exact.finest, exact.scope, d.periods);
	const p = protect(exact, levels, d.k);
	const k = (s: string) => s.replaceAll('|', SEP);
	for (const g of ['~all|A|~all', '~all|A|P1', '~all|A|P2', '2024|A|P1', '2024|A|~all']) console.log(g, p.totals.get(k(g)), p.hiddenTotals.has(k(g)));
	expect(1).toBe(1);
});
