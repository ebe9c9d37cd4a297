import { it, expect } from 'vitest';
import { buildLevels, SEP } from './levels';
it('rel', () => {
	const l = buildLevels([2018, 2019, 2023, 2024], ['A' + SEP + 'P1', 'A' + SEP + 'P2', 'B' + SEP + 'P1', 'B' + SEP + 'P2', 'B' + SEP + 'P3'], ['organisation', 'programme'], [{ from: 2017, to: 2019 }]);
	for (const r of l.relations) if (r.parent.startsWith('~all')) console.log(r.parent.replaceAll(SEP, '|'), '->', r.children.map((c) => c.replaceAll(SEP, '|')).join(', '));
	console.log(l.scopes.map((s) => s.key.replaceAll(SEP, '|') + '@' + s.depth).join(' '));
	expect(1).toBe(1);
});
