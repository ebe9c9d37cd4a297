import { expect, it } from 'vitest';
import { recallChoice, rememberChoice } from './mapping-memory';

it('rememberChoice / recallChoice keep a choice per header set, ignoring case and spaces at the ends', () => {
	const store = new Map<string, string>();
	const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
	rememberChoice(storage, ['When', 'Sex'], { year: 0 });
	expect(recallChoice(storage, [' when', 'sex '])).toEqual({ year: 0 });
	expect(recallChoice(storage, ['when', 'sex', 'age'])).toBeUndefined();
});
