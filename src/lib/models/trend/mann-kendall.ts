/**
 * Mann–Kendall trend test: is a series monotonically rising or falling, beyond what chance ordering
 * gives? Rank-based, so one huge month cannot carry it and zero or negative values are fine (a
 * log-linear regression would need positive revenue). Normal approximation with the tie-corrected
 * variance and a continuity correction (Kendall 1975; Hipel & McLeod 1994, ch. 23).
 */

/** Two-sided 5 % critical value of the standard normal. */
export const MANN_KENDALL_Z = 1.959963984540054;

/**
 * The fewest values that can reach significance: with 4, even a strictly monotone series gives
 * z = 5 / √(26/3) ≈ 1.70; with 5, z = 9 / √(50/3) ≈ 2.20.
 */
export const MANN_KENDALL_MIN_N = 5;

export interface MannKendall {
	/** Number of values tested. */
	n: number;
	/** S = Σ_{i<j} sign(x_j − x_i). */
	s: number;
	/** Var(S) under no trend, corrected for ties. */
	variance: number;
	/** (S − sign(S)) / √Var(S); 0 when S = 0 or the variance is 0. */
	z: number;
	/** 'up' or 'down' when |z| exceeds the two-sided 5 % critical value, else 'none'. */
	direction: 'up' | 'down' | 'none';
}

/**
 * Significant digits to which two values count as tied. Revenue sums are floating point, and the
 * same months summed in another order (another thread split, another plan) differ in the last
 * bits: without this, equal months would count as rising or falling by chance.
 */
const TIE_DIGITS = 12;

export function mannKendall(raw: readonly number[]): MannKendall {
	const values = raw.map((v) => (Number.isFinite(v) ? Number(v.toPrecision(TIE_DIGITS)) : v));
	const n = values.length;
	let s = 0;
	for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(values[j] - values[i]);
	const ties = new Map<number, number>();
	for (const v of values) ties.set(v, (ties.get(v) ?? 0) + 1);
	let tieTerm = 0;
	for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
	const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
	const z = s === 0 || variance <= 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
	const direction = z > MANN_KENDALL_Z ? 'up' : z < -MANN_KENDALL_Z ? 'down' : 'none';
	return { n, s, variance, z, direction };
}
