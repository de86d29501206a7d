/**
 * Pareto/NBD predictions (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005). Unlike
 * BG/NBD, a customer can drop out at any moment, so a one-time buyer's P(alive) falls as time passes.
 * All times are in the fit's time unit.
 */
import { logBracket } from './pareto-nbd-likelihood';
import type { CustomerSummary, ParetoNbdParams } from './types';

type History = Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>;

/** P(alive | x, t_x, T): the share of the likelihood from "still alive at T". */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, customer: History): number {
	return logBracket(params, customer.frequency, customer.recency, customer.T).alive;
}

/**
 * Expected purchases in (T, T+t] for a customer alive at T. Given survival to T the posterior is
 * λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T), so
 *   E = (r+x)/(α+T) · (β+T)/(s−1) · [1 − ((β+T)/(β+T+t))^(s−1)],
 * written with expm1 so that s = 1 (where it becomes (β+T)·ln(1 + t/(β+T))) and short horizons
 * lose no digits. Like BG/NBD it depends on x and T only, so callers may cache it by (x, T).
 */
export function paretoNbdExpectedPurchasesIfAlive(params: ParetoNbdParams, customer: Pick<CustomerSummary, 'frequency' | 'T'>, t: number): number {
	if (t <= 0) return 0;
	const { r, alpha, s, beta } = params;
	const betaT = beta + customer.T;
	const logGrowth = Math.log1p(t / betaT);
	const survivalIntegral = s === 1 ? logGrowth : -Math.expm1(-(s - 1) * logGrowth) / (s - 1);
	return ((r + customer.frequency) / (alpha + customer.T)) * betaT * survivalIntegral;
}

/** E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive at T] (FHL 2005 note, eq. 17). */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParams, customer: History, t: number): number {
	return paretoNbdProbabilityAlive(params, customer) * paretoNbdExpectedPurchasesIfAlive(params, customer, t);
}
