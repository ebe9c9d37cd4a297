/** The hooks docs/testing.md's test contract names: `[data-testid="…"]`, `[data-kpi="…"]`, `[data-chart="…"]` → their values. */
import { readFileSync } from 'node:fs';

export function contractHooks(path = 'docs/testing.md'): string[] {
	const testing = readFileSync(path, 'utf8');
	const contract = testing.slice(testing.indexOf('## Test contract'));
	const hooks: string[] = [];
	for (const [, code] of contract.matchAll(/`([^`]+)`/g))
		for (const [, , values] of code.matchAll(/\[data-(testid|kpi|chart)=([^\]]+)\]/g))
			for (const [, value] of values.matchAll(/"([^"]+)"/g)) hooks.push(value);
	return hooks;
}
