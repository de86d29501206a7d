/**
 * Seeded simulation of the BG/NBD, Pareto/NBD and Gamma-Gamma generative processes, for tests and benchmarks.
 * Deterministic for a given seed (in a given JavaScript engine's Math.log/Math.cos).
 */
import { Prng } from '../random';
import type { BgnbdParams, CustomerSummary, GammaGammaParams, ParetoNbdParams } from './types';

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
	const rng = new Prng(options.seed);
	const holdout = options.holdout ?? 0;
	const { age, spend } = options;
	const out: SimulatedCustomer[] = [];
	for (let i = 0; i < options.customers; i++) {
		const T = typeof age === 'number' ? age : rng.uniform(age[0], age[1]);
		const lambda = rng.gamma(params.r, 1 / params.alpha);
		const dropout = rng.beta(params.a, params.b);
		const spendRate = spend ? rng.gamma(spend.q, 1 / spend.v) : 0;

		let time = 0;
		let frequency = 0;
		let recency = 0;
		let holdoutPurchases = 0;
		let spent = 0;
		for (;;) {
			time += rng.exponential(lambda);
			if (time > T + holdout) break;
			if (time <= T) {
				frequency++;
				recency = time;
				if (spend) spent += rng.gamma(spend.p, 1 / spendRate);
			} else {
				holdoutPurchases++;
			}
			if (rng.bernoulli(dropout)) break;
		}
		out.push({ frequency, recency, T, holdoutPurchases, monetary: frequency > 0 ? spent / frequency : 0 });
	}
	return out;
}

/**
 * Customers drawn from the Pareto/NBD story: purchase rate λ ~ Gamma(r, α), drop-out rate
 * μ ~ Gamma(s, β); each customer buys as a Poisson(λ) process from the first purchase at time 0
 * until an exponential(μ) lifetime ends. Spend is not simulated (`monetary` is 0).
 */
export function simulateParetoNbdCustomers(params: ParetoNbdParams, options: Omit<SimulationOptions, 'spend'>): SimulatedCustomer[] {
	const rng = new Prng(options.seed);
	const holdout = options.holdout ?? 0;
	const { age } = options;
	const out: SimulatedCustomer[] = [];
	for (let i = 0; i < options.customers; i++) {
		const T = typeof age === 'number' ? age : rng.uniform(age[0], age[1]);
		const lambda = rng.gamma(params.r, 1 / params.alpha);
		const lifetime = rng.exponential(rng.gamma(params.s, 1 / params.beta));
		const end = Math.min(lifetime, T + holdout);
		let time = 0;
		let frequency = 0;
		let recency = 0;
		let holdoutPurchases = 0;
		for (;;) {
			time += rng.exponential(lambda);
			if (time > end) break;
			if (time <= T) {
				frequency++;
				recency = time;
			} else {
				holdoutPurchases++;
			}
		}
		out.push({ frequency, recency, T, holdoutPurchases, monetary: 0 });
	}
	return out;
}
