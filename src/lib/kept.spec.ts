import { describe, expect, it } from 'vitest';
import { kept } from './kept';

describe('kept', () => {
	it('imports once and hands out the same promise; a failed import is tried again', async () => {
		let calls = 0;
		let fail = true;
		const load = kept(async () => {
			calls++;
			if (fail) throw new Error('offline');
			return { module: calls };
		});
		await expect(load()).rejects.toThrow('offline');
		fail = false;
		const first = load();
		expect(load()).toBe(first);
		expect(await first).toEqual({ module: 2 });
		expect(calls).toBe(2);
	});
});
