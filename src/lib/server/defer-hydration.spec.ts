import { describe, expect, it } from 'vitest';
import { deferHydration } from './defer-hydration';

// The shape SvelteKit 2 writes into a prerendered page (abridged from build/index.html).
const page = `<head>
		<link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/B.js" rel="modulepreload">
		<link href="./_app/immutable/assets/2.css" rel="stylesheet">
	</head><body><div><main data-state="ready">figures</main>
			<script>
				{
					const element = document.currentScript.parentElement;
					Promise.all([
						import("./_app/immutable/entry/start.A.js"),
						import("./_app/immutable/entry/app.C.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {});
					});
				}
			</script></div></body>`;

describe('deferHydration', () => {
	const out = deferHydration(page);
	const script = out.slice(out.indexOf('<script>') + 8, out.indexOf('</script>'));

	it('takes the modulepreloads out of the head and adds them back from the boot script', () => {
		expect(out).not.toContain('rel="modulepreload"');
		expect(out).toContain('<link href="./_app/immutable/assets/2.css" rel="stylesheet">');
		expect(script).toContain('["./_app/immutable/entry/start.A.js","./_app/immutable/chunks/B.js"]');
		expect(out).toContain('<main data-state="ready">figures</main>');
	});

	it('leaves a boot script that parses and imports the app after the first paint, or a second in a hidden tab', async () => {
		const log: string[] = [];
		let observed: (() => void) | undefined;
		const timers: [() => void, number][] = [];
		const run = new Function('document', 'PerformanceObserver', 'setTimeout', 'import_', script.replaceAll('import(', 'import_('));
		const document = {
			currentScript: { parentElement: 'root' },
			head: { append: (link: { rel: string; href: string }) => log.push(`${link.rel} ${link.href}`) },
			createElement: () => ({})
		};
		class Observer {
			constructor(callback: () => void) {
				observed = callback;
			}
			observe(options: object) {
				log.push(`observe ${JSON.stringify(options)}`);
			}
		}
		const setTimeout = (fn: () => void, ms = 0) => timers.push([fn, ms]);
		const import_ = (url: string) => {
			log.push(`import ${url}`);
			return Promise.resolve({ start: (_app: unknown, element: unknown) => log.push(`start in ${element}`) });
		};
		run(document, Observer, setTimeout, import_);
		expect(log).toEqual(['observe {"type":"paint","buffered":true}']);
		observed?.();
		await Promise.resolve();
		expect(log).toHaveLength(1); // painted: the import waits for the next task
		timers.find(([, ms]) => ms === 0)?.[0]();
		await new Promise((resolve) => globalThis.setTimeout(resolve));
		expect(log.slice(1)).toEqual([
			'modulepreload ./_app/immutable/entry/start.A.js',
			'modulepreload ./_app/immutable/chunks/B.js',
			'import ./_app/immutable/entry/start.A.js',
			'import ./_app/immutable/entry/app.C.js',
			'start in root'
		]);
		expect(timers.map(([, ms]) => ms)).toEqual([1000, 0]);
	});

	it('leaves a page without a boot script alone, and fails on a boot script of another shape', () => {
		expect(deferHydration('<p>no app here</p>')).toBe('<p>no app here</p>');
		expect(() => deferHydration(page.replace(']).then(([kit, app]) => {', ']).then((modules) => {'))).toThrow(/boot script has changed shape/);
	});
});
