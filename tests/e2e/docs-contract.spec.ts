/** Every hook the test contract (docs/testing.md) names is in the built site: its pages and the code they load. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from './global-setup';
import { contractHooks } from '../contract-hooks';

describe('the test contract of docs/testing.md', () => {
	it('names only hooks the built site writes', () => {
		const built = readdirSync(BUILD_DIR, { recursive: true, withFileTypes: true })
			.filter((f) => f.isFile() && /\.(html|js)$/.test(f.name))
			.map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
			.join('\n');
		const hooks = contractHooks();
		expect(hooks.length).toBeGreaterThan(20);
		expect(hooks.filter((value) => !built.includes(value))).toEqual([]);
	});
});
