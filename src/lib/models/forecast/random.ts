/**
 * Seeded pseudo-random numbers, so simulated prediction intervals are reproducible:
 * the same input always gives the same forecast.
 */
export { mulberry32 } from '../random';

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
