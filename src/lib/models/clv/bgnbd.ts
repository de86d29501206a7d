/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
 * All times are in the fit's time unit.
 */
import { hyp2f1Excess, logAddExp } from './special';
import type { BgnbdParams, CustomerSummary } from './types';

type History = Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>;

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * Customers without a repeat purchase are alive with certainty: the model only lets customers
 * drop out immediately after a repeat purchase.
 */
export function probabilityAlive(params: BgnbdParams, customer: History): number {
	const { r, alpha, a, b } = params;
	const x = customer.frequency;
	if (x === 0) return 1;
	const logOddsDead = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + customer.T) - Math.log(alpha + customer.recency));
	// In log space because the odds of having dropped out can exceed 1e308 for frequent buyers gone quiet.
	return Math.exp(-logAddExp(0, logOddsDead));
}

/** expm1(εy)/ε, with its limit y at ε = 0. */
const expm1Ratio = (epsilon: number, y: number): number => (epsilon === 0 ? y : Math.expm1(epsilon * y) / epsilon);

/**
 * E[X(t)] under BG/NBD(r, α, a, b) for a customer who is alive at the start of the window
 * (FHL eq. 7), with z = t/(α+t) and c = a+b−1:
 *   E[X(t)] = c/(a−1) · [1 − (1−z)^r · 2F1(r, b; c; z)].
 * Euler's transformation (1−z)^r·2F1(r, b; c; z) = (1−z)^(a−1)·2F1(c−r, a−1; c; z) and
 * 2F1(c−r, a−1; c; z) = 1 + (a−1)·G(z), G = hyp2f1Excess, turn this into
 *   E[X(t)] = c · [−expm1((a−1)·ln(1−z))/(a−1) − (1−z)^(a−1)·G(z)],
 * which has no 0/0 at a = 1, no cancellation of "1 − 1" for short horizons, and a G that stays
 * bounded as z → 1 (the raw 2F1 grows like (1−z)^(a−1−r), which overflows for frequent buyers,
 * whose r here is r+x).
 */
function expectedPurchases(r: number, alpha: number, a: number, b: number, t: number): number {
	if (t <= 0) return 0;
	const z = t / (alpha + t);
	const logOneMinusZ = -Math.log1p(t / alpha);
	if (a + b < 2) {
		// c = a+b−1 near 0 is a pole of 2F1. Splitting the Beta(a, b) weight as
		// (1−p)^(b−1) = (1−p)^b + p(1−p)^(b−1) gives the contiguous relation
		//   E_b = b/(a+b)·E_{b+1} + 1 − (1−z)^a·2F1(a+b−r, a; a+b; z),
		// which raises c by one per use.
		const direct = -Math.expm1(a * logOneMinusZ) - Math.exp(a * logOneMinusZ) * a * hyp2f1Excess(a + b - r, a, a + b, z);
		return (b / (a + b)) * expectedPurchases(r, alpha, a, b + 1, t) + direct;
	}
	const c = a + b - 1;
	const aMinus1 = a - 1;
	return c * (-expm1Ratio(aMinus1, logOneMinusZ) - Math.exp(aMinus1 * logOneMinusZ) * hyp2f1Excess(c - r, aMinus1, c, z));
}

/** E[X(t)]: expected repeat purchases of a new customer in the first t units (FHL eq. 7). */
export function expectedPurchasesNewCustomer(params: BgnbdParams, t: number): number {
	return expectedPurchases(params.r, params.alpha, params.a, params.b, t);
}

/**
 * Expected purchases in (T, T+t] for a customer known to be alive at T. Given survival, the
 * posterior is again BG/NBD with r+x, α+T, a, b+x, so only x and T matter (not t_x): callers
 * predicting many customers can cache this by (x, T).
 */
export function expectedPurchasesIfAlive(params: BgnbdParams, customer: Pick<CustomerSummary, 'frequency' | 'T'>, t: number): number {
	const x = customer.frequency;
	return expectedPurchases(params.r + x, params.alpha + customer.T, params.a, params.b + x, t);
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t units (FHL eq. 10) = P(alive)·E[Y(t) | alive]. */
export function conditionalExpectedPurchases(params: BgnbdParams, customer: History, t: number): number {
	return probabilityAlive(params, customer) * expectedPurchasesIfAlive(params, customer, t);
}
