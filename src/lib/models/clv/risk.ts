/**
 * Drop-out risk groups from P(alive). BG/NBD lets customers drop out only right after a repeat
 * purchase, so it gives every one-time buyer P(alive) = 1 however long ago they bought: that
 * figure says nothing about their risk. Their risk comes from Pareto/NBD, which lets anyone drop
 * out at any time; without a Pareto/NBD fit they are never called low risk.
 */
import { paretoNbdProbabilityAlive } from './pareto-nbd';
import { aliveProbability, isParetoNbd, type PurchaseModelParams } from './purchase-model';
import type { CustomerSummary, ParetoNbdParams } from './types';

/** P(alive) below `high` is high risk, below `medium` medium risk, otherwise low risk. */
export const P_ALIVE_RISK_THRESHOLDS = { high: 0.3, medium: 0.7 } as const;

export type AliveRiskGroup = 'High' | 'Medium' | 'Low';

export interface AliveRisk {
	group: AliveRiskGroup;
	/** The P(alive) the group was read from; null when no model can tell (see the module note). */
	pAlive: number | null;
}

/**
 * Risk group of one customer. `model` is the purchase model in use; `paretoNbd` is a Pareto/NBD fit
 * on the same data (the same parameters when Pareto/NBD is the model in use), or null when it
 * could not be fitted.
 */
export function aliveRisk(
	customer: Pick<CustomerSummary, 'frequency' | 'recency' | 'T'>,
	model: PurchaseModelParams,
	paretoNbd: ParetoNbdParams | null
): AliveRisk {
	let pAlive: number | null;
	if (isParetoNbd(model) || customer.frequency > 0) pAlive = aliveProbability(model, customer);
	else pAlive = paretoNbd ? paretoNbdProbabilityAlive(paretoNbd, customer) : null;
	if (pAlive === null) return { group: 'Medium', pAlive };
	const group = pAlive < P_ALIVE_RISK_THRESHOLDS.high ? 'High' : pAlive < P_ALIVE_RISK_THRESHOLDS.medium ? 'Medium' : 'Low';
	return { group, pAlive };
}
