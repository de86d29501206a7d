import { preparedBgnbdLogLikelihood } from './bgnbd-likelihood';
import { fitPurchaseModel } from './fit-purchase-model';
import type { BgnbdFit, CustomerSummary, FitOutcome, TimeUnit } from './types';

/** Maximum-likelihood BG/NBD fit (Fader, Hardie & Lee 2005). */
export function fitBgnbd(customers: readonly CustomerSummary[], options: { timeUnit: TimeUnit }): FitOutcome<BgnbdFit> {
	const out = fitPurchaseModel(customers, {
		name: 'purchase model',
		parameters: ['purchase-rate shape r', 'purchase-rate scale α', 'drop-out shape a', 'drop-out shape b'],
		timeScales: [1],
		logLikelihood: preparedBgnbdLogLikelihood
	});
	if (!out.ok) return out;
	const [r, alpha, a, b] = out.params;
	return { ok: true, fit: { r, alpha, a, b, logLikelihood: out.logLikelihood, timeUnit: options.timeUnit, customers: out.customers, converged: out.converged } };
}
