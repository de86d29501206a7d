import { preparedParetoNbdLogLikelihood } from './pareto-nbd-likelihood';
import { fitPurchaseModel } from './fit-purchase-model';
import type { CustomerSummary, FitOutcome, ParetoNbdFit, TimeUnit } from './types';

/**
 * Maximum-likelihood Pareto/NBD fit (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader,
 * Hardie & Lee 2005), with the data checks, time rescaling and optimiser of the BG/NBD fit.
 */
export function fitParetoNbd(customers: readonly CustomerSummary[], options: { timeUnit: TimeUnit }): FitOutcome<ParetoNbdFit> {
	const out = fitPurchaseModel(customers, {
		name: 'Pareto/NBD purchase model',
		parameters: ['purchase-rate shape r', 'purchase-rate scale α', 'drop-out-rate shape s', 'drop-out-rate scale β'],
		timeScales: [1, 3],
		logLikelihood: preparedParetoNbdLogLikelihood
	});
	if (!out.ok) return out;
	const [r, alpha, s, beta] = out.params;
	return { ok: true, fit: { r, alpha, s, beta, logLikelihood: out.logLikelihood, timeUnit: options.timeUnit, customers: out.customers, converged: out.converged } };
}
