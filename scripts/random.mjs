/**
 * mulberry32: tiny, fast, seeded pseudo-random numbers in [0, 1), good enough for synthetic
 * registers and a test's random selections; the same seed gives the same numbers on every run.
 * @param {number} seed
 * @returns {() => number}
 */
export function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
