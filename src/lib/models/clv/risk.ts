/**
 * Drop-out risk groups from P(alive). BG/NBD lets customers drop out only right after a repeat
 * purchase, so it gives every one-time buyer P(alive) = 1 however long ago they bought: that
 * figure says nothing about their risk. Their risk comes from Pareto/NBD, which lets anyone drop
 * out at any time, provided its fit does see customers leave: on some data (a year of Online
 * Retail) the best fit has almost no drop-out at all, and then its P(alive) is near 1 for every
 * one-time buyer too. Without an informative Pareto/NBD fit one-time buyers are never called low risk.
 */
import { paretoNbdProbabilityAlive } from './pareto-nbd';
import { aliveProbability, isParetoNbd, type PurchaseModelParams } from './purchase-model';
import type { CustomerSummary, ParetoNbdParams } from './types';

/** P(alive) below `high` is high risk, below `medium` medium risk, otherwise low risk. */
export const P_ALIVE_RISK_THRESHOLDS = { high: 0.3, medium: 0.7 } as const;

/**
 * A Pareto/NBD fit whose prior gives fewer than this share of customers a drop-out within the
 * observation span cannot tell a one-time buyer who left from one who buys rarely.
 */
export const MIN_DROPOUT_SHARE = 0.01;

/** Share of new customers who drop out within `span` time units: 1 − (β/(β+span))^s. */
export function paretoNbdDropoutShare(params: ParetoNbdParams, span: number): number {
	return -Math.expm1(-params.s * Math.log1p(span / params.beta));
}

export type AliveRiskGroup = 'High' | 'Medium' | 'Low';

export interface AliveRisk {
	group: AliveRiskGroup;
	/** The P(alive) the group was read from; null when no model can tell (see the module note). */
	pAlive: number | null;
}

/**
 * Risk group of one customer. `model` is the purchase model in use; `paretoNbd` is a Pareto/NBD fit
 * on the same data (the same parameters when Pareto/NBD is the model in use), or null when it
 * could not be fitted; `span` is the longest customer age T in the data, in the fit's time unit.
 */
export function aliveRisk(
	customer: Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>,
	model: PurchaseModelParams,
	paretoNbd: ParetoNbdParams | null,
	span: number
): AliveRisk {
	let pAlive: number | null = null;
	if (customer.frequency > 0) pAlive = aliveProbability(model, customer);
	else {
		const pareto = isParetoNbd(model) ? model : paretoNbd;
		if (pareto && paretoNbdDropoutShare(pareto, span) >= MIN_DROPOUT_SHARE) pAlive = paretoNbdProbabilityAlive(pareto, customer);
	}
	if (pAlive === null) return { group: 'Medium', pAlive };
	const group = pAlive < P_ALIVE_RISK_THRESHOLDS.high ? 'High' : pAlive < P_ALIVE_RISK_THRESHOLDS.medium ? 'Medium' : 'Low';
	return { group, pAlive };
}
