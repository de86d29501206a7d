/**
 * Seeded pseudo-random numbers, so simulated prediction intervals are reproducible:
 * the same input always gives the same forecast.
 */

/** Mulberry32: tiny, fast and good enough for Monte-Carlo quantiles (not for cryptography). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard normal draws by the Box–Muller transform, using both values of each pair. */
export function normalSampler(uniform: () => number): () => number {
	let spare: number | null = null;
	return () => {
		if (spare !== null) {
			const v = spare;
			spare = null;
			return v;
		}
		// 1 − u lies in (0, 1], so the logarithm is finite.
		const r = Math.sqrt(-2 * Math.log(1 - uniform()));
		const theta = 2 * Math.PI * uniform();
		spare = r * Math.sin(theta);
		return r * Math.cos(theta);
	};
}
