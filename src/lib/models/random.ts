/**
 * Small seeded pseudo-random number generator plus the sampling helpers the
 * sample-data generators and simulations need.
 *
 * Core generator: mulberry32 (32-bit state, period 2^32). It is fast and good
 * enough for simulation and test data; it is NOT cryptographic.
 *
 * Everything here is deterministic: the same seed gives the same sequence on
 * every platform (only integer ops, Math.imul, and V8's fdlibm-based
 * Math.log / Math.exp / Math.cos / Math.sqrt are used).
 */

import { lgamma } from './clv/special';

export type RandomSource = () => number;

/** mulberry32: returns a function giving uniform floats in [0, 1). */
export function mulberry32(seed: number): RandomSource {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 32-bit FNV-1a hash of a string (UTF-16 code units). Useful to derive seeds from labels. */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Seeded random generator with common distributions. */
export class Prng {
	private readonly src: RandomSource;

	constructor(seed: number | string = 1) {
		this.src = mulberry32(typeof seed === 'string' ? hashString(seed) : seed);
	}

	/** Independent child generator, derived from this one's next value and a label. */
	fork(label = ''): Prng {
		const base = Math.floor(this.next() * 4294967296) >>> 0;
		return new Prng((base ^ hashString(label)) >>> 0);
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.src();
	}

	/** Uniform in (0, 1): never exactly 0, safe for Math.log. */
	nextOpen(): number {
		let u = this.src();
		while (u === 0) u = this.src();
		return u;
	}

	/** Uniform in [min, max). */
	uniform(min = 0, max = 1): number {
		return min + (max - min) * this.src();
	}

	/** Uniform integer in [min, max] (both inclusive). */
	int(min: number, max: number): number {
		return min + Math.floor(this.src() * (max - min + 1));
	}

	/** true with probability p. */
	bernoulli(p: number): boolean {
		return this.src() < p;
	}

	/** Normal(mean, sd) by Box–Muller (one value per call, two uniforms consumed). */
	normal(mean = 0, sd = 1): number {
		const u1 = this.nextOpen();
		const u2 = this.src();
		return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Log-normal: exp(Normal(mu, sigma)). */
	logNormal(mu: number, sigma: number): number {
		return Math.exp(this.normal(mu, sigma));
	}

	/** Exponential with the given rate (mean 1/rate). */
	exponential(rate = 1): number {
		return -Math.log(this.nextOpen()) / rate;
	}

	/** Gamma(shape, scale) — mean shape·scale. Marsaglia & Tsang (2000). */
	gamma(shape: number, scale = 1): number {
		if (!(shape > 0) || !(scale > 0)) throw new RangeError('gamma: shape and scale must be > 0');
		if (shape < 1) {
			// Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
			const g = this.gamma(shape + 1, 1);
			return scale * g * Math.pow(this.nextOpen(), 1 / shape);
		}
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = this.normal();
				v = 1 + c * x;
			} while (v <= 0);
			v = v * v * v;
			const u = this.nextOpen();
			if (u < 1 - 0.0331 * x * x * x * x) return scale * d * v;
			if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return scale * d * v;
		}
	}

	/** Beta(a, b) via two gammas. */
	beta(a: number, b: number): number {
		const x = this.gamma(a, 1);
		const y = this.gamma(b, 1);
		return x / (x + y);
	}

	/**
	 * Poisson(lambda). Knuth's product method for lambda < 30, otherwise
	 * Hörmann's transformed rejection (PTRS, 1993).
	 */
	poisson(lambda: number): number {
		if (!(lambda >= 0)) throw new RangeError('poisson: lambda must be >= 0');
		if (lambda === 0) return 0;
		if (lambda < 30) {
			const l = Math.exp(-lambda);
			let k = 0;
			let p = this.src();
			while (p > l) {
				k++;
				p *= this.src();
			}
			return k;
		}
		const slam = Math.sqrt(lambda);
		const loglam = Math.log(lambda);
		const b = 0.931 + 2.53 * slam;
		const a = -0.059 + 0.02483 * b;
		const invalpha = 1.1239 + 1.1328 / (b - 3.4);
		const vr = 0.9277 - 3.6224 / (b - 2);
		for (;;) {
			const u = this.src() - 0.5;
			const v = this.nextOpen();
			const us = 0.5 - Math.abs(u);
			const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
			if (us >= 0.07 && v <= vr) return k;
			if (k < 0 || (us < 0.013 && v > us)) continue;
			if (
				Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
				-lambda + k * loglam - lgamma(k + 1)
			)
				return k;
		}
	}

	/** Geometric: number of failures before the first success, success probability p. */
	geometric(p: number): number {
		if (p >= 1) return 0;
		return Math.floor(Math.log(this.nextOpen()) / Math.log(1 - p));
	}

	/** A uniformly chosen element. */
	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new RangeError('pick: empty array');
		return items[Math.floor(this.src() * items.length)];
	}

	/** An element chosen with probability proportional to its weight (linear scan). */
	weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
		return items[this.weightedIndex(weights)];
	}

	/** An index chosen with probability proportional to weights[i] (linear scan). */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		if (!(total > 0)) throw new RangeError('weightedIndex: weights must sum to > 0');
		let r = this.src() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		// Floating-point fall-through: last index with a positive weight.
		for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
		return weights.length - 1;
	}

	/** Fisher–Yates shuffle in place; returns the array. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.src() * (i + 1));
			const tmp = items[i];
			items[i] = items[j];
			items[j] = tmp;
		}
		return items;
	}

	/** k distinct elements (k ≤ items.length), in random order. */
	sample<T>(items: readonly T[], k: number): T[] {
		const copy = items.slice();
		const n = Math.min(k, copy.length);
		for (let i = 0; i < n; i++) {
			const j = i + Math.floor(this.src() * (copy.length - i));
			const tmp = copy[i];
			copy[i] = copy[j];
			copy[j] = tmp;
		}
		return copy.slice(0, n);
	}
}

/**
 * Precomputed sampler for many draws from one discrete distribution
 * (cumulative weights + binary search, O(log n) per draw).
 */
export class WeightedSampler<T> {
	private readonly cum: Float64Array;
	private readonly total: number;

	constructor(
		readonly items: readonly T[],
		weights: readonly number[]
	) {
		if (items.length !== weights.length || items.length === 0)
			throw new RangeError('WeightedSampler: items and weights must be non-empty and equal length');
		this.cum = new Float64Array(weights.length);
		let acc = 0;
		for (let i = 0; i < weights.length; i++) {
			if (!(weights[i] >= 0)) throw new RangeError('WeightedSampler: weights must be >= 0');
			acc += weights[i];
			this.cum[i] = acc;
		}
		if (!(acc > 0)) throw new RangeError('WeightedSampler: weights must sum to > 0');
		this.total = acc;
	}

	index(rng: Prng): number {
		const r = rng.next() * this.total;
		let lo = 0;
		let hi = this.cum.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.cum[mid] > r) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	draw(rng: Prng): T {
		return this.items[this.index(rng)];
	}
}
