/**
 * Loading / ready / error for figures recomputed in the browser. Only the latest request may
 * land (a slow answer to an old filter never overwrites a newer one), and "ready" is set only
 * after the DOM shows the new figures — the `<main data-state>` test contract.
 */
import { tick } from 'svelte';

export type QueryState = 'loading' | 'ready' | 'error';

const ownMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** `describe`: an error in the page's words (an engine fault, see engine-fault-text.ts). */
export function createQueryRunner<T>(initial: () => T, describe: (error: unknown) => string = ownMessage) {
	let state = $state<QueryState>('ready');
	let value = $state<T>(initial());
	let error = $state('');
	let failure: unknown = null;
	let live = $state(false);
	let latest = 0;

	return {
		get state() {
			return state;
		},
		get value() {
			return value;
		},
		get error() {
			return error;
		},
		/** The error itself (its kind decides what the page does next), as `error` describes it. */
		get failure() {
			return failure;
		},
		/** True once figures come from the browser's engine rather than from the build. */
		get live() {
			return live;
		},
		async run(compute: () => Promise<T>) {
			const id = ++latest;
			state = 'loading';
			try {
				const result = await compute();
				if (id !== latest) return;
				value = result;
				live = true;
				await tick();
				state = 'ready';
			} catch (e) {
				if (id !== latest) return;
				failure = e;
				error = describe(e);
				state = 'error';
			}
		},
		/** The prerendered figures are current: say so once the app has started (app.html said "loading"). */
		async settle() {
			if (latest !== 0) return;
			// Svelte writes an attribute only when its value changes, and it last wrote "ready" (the
			// prerendered page): step through "loading" so that "ready" is written over app.html's mark.
			state = 'loading';
			await tick();
			if (latest === 0) state = 'ready';
		}
	};
}
