/**
 * Seeded simulation of the BG/NBD and Gamma-Gamma generative processes, for tests and benchmarks.
 * Deterministic for a given seed (in a given JavaScript engine's Math.log/Math.cos).
 */
import type { BgnbdParams, CustomerSummary, GammaGammaParams } from './types';

type Random = () => number;

/** mulberry32: small, fast, seedable uniform generator on [0, 1). Not cryptographic. */
function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Uniform on (0, 1]: safe to take the logarithm of. */
const openUniform = (random: Random): number => 1 - random();

function standardNormal(random: Random): number {
	// Box–Muller; the second variate is discarded to keep the generator stateless.
	return Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
function sampleGamma(random: Random, shape: number, rate: number): number {
	if (shape < 1) return sampleGamma(random, shape + 1, rate) * Math.pow(openUniform(random), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		const x = standardNormal(random);
		const v = (1 + c * x) ** 3;
		if (v <= 0) continue;
		if (Math.log(openUniform(random)) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
	}
}

export interface SimulatedCustomer extends CustomerSummary {
	/** Repeat purchases in (T, T + holdout]. */
	holdoutPurchases: number;
	/** Mean value of the calibration-period repeat purchases (0 without any); only with spend parameters. */
	monetary: number;
}

export interface SimulationOptions {
	customers: number;
	/** Age T of each customer at the end of calibration: fixed, or uniform on [min, max]. */
	age: number | readonly [number, number];
	/** Length of a holdout period after T (default 0). */
	holdout?: number;
	/** Gamma-Gamma spend parameters; without them `monetary` is 0. */
	spend?: GammaGammaParams;
	seed: number;
}

/**
 * Customers drawn from the BG/NBD story: purchase rate λ ~ Gamma(r, α), drop-out probability
 * p ~ Beta(a, b); purchases follow a Poisson(λ) process from the first purchase at time 0, and after
 * each repeat purchase the customer leaves for good with probability p. Optionally, each customer
 * has a spend rate ν ~ Gamma(q, γ) and order values ~ Gamma(p, ν) (Gamma-Gamma).
 */
export function simulateCustomers(params: BgnbdParams, options: SimulationOptions): SimulatedCustomer[] {
	const random = seededRandom(options.seed);
	const holdout = options.holdout ?? 0;
	const { age, spend } = options;
	const out: SimulatedCustomer[] = [];
	for (let i = 0; i < options.customers; i++) {
		const T = typeof age === 'number' ? age : age[0] + (age[1] - age[0]) * random();
		const lambda = sampleGamma(random, params.r, params.alpha);
		const x1 = sampleGamma(random, params.a, 1);
		const dropout = x1 / (x1 + sampleGamma(random, params.b, 1));
		const spendRate = spend ? sampleGamma(random, spend.q, spend.v) : 0;

		let time = 0;
		let frequency = 0;
		let recency = 0;
		let holdoutPurchases = 0;
		let spent = 0;
		for (;;) {
			time -= Math.log(openUniform(random)) / lambda;
			if (time > T + holdout) break;
			if (time <= T) {
				frequency++;
				recency = time;
				if (spend) spent += sampleGamma(random, spend.p, spendRate);
			} else {
				holdoutPurchases++;
			}
			if (random() < dropout) break;
		}
		out.push({ frequency, recency, T, holdoutPurchases, monetary: frequency > 0 ? spent / frequency : 0 });
	}
	return out;
}
