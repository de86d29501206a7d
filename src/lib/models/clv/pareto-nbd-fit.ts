import { insufficientDataReason, invalidSummaryReason, prepareBgnbd } from './bgnbd-data';
import { preparedParetoNbdLogLikelihood } from './pareto-nbd-likelihood';
import { maximiseLogLikelihood } from './mle';
import type { CustomerSummary, FitOutcome, ParetoNbdFit, TimeUnit } from './types';

/** As for BG/NBD: fitted values this far from 1 (in rescaled time) sit on a boundary, not an optimum. */
const ABSURD_LOG = Math.log(1e6);

const PARAMETER_MEANING = ['purchase-rate shape r', 'purchase-rate scale α', 'drop-out-rate shape s', 'drop-out-rate scale β'];

/**
 * Maximum-likelihood Pareto/NBD fit (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader,
 * Hardie & Lee 2005), with the data checks, time rescaling and optimiser of the BG/NBD fit.
 */
export function fitParetoNbd(customers: readonly CustomerSummary[], options: { timeUnit: TimeUnit }): FitOutcome<ParetoNbdFit> {
	const problem = invalidSummaryReason(customers) ?? insufficientDataReason(customers);
	if (problem) return { ok: false, reason: problem };

	let timeScale = 0;
	for (const c of customers) timeScale = Math.max(timeScale, c.T);
	const data = prepareBgnbd(customers, timeScale);

	// r = s = 1, α from the observed repeat-purchase rate, β = 1: an expected lifetime about as long as the data.
	const start = [0, Math.log(data.totalAge / data.totalRepeatPurchases), 0, 0];
	const best = maximiseLogLikelihood((u, gradient) => preparedParetoNbdLogLikelihood(u, data, gradient), start, data.customers);
	if (!Number.isFinite(best.logLikelihood) || !best.logParams.every(Number.isFinite)) {
		return {
			ok: false,
			reason: 'The Pareto/NBD purchase model could not find a finite best fit for these customers. Check the summaries for extreme values or use a longer calibration period.'
		};
	}
	const extreme = best.logParams.findIndex((u) => Math.abs(u) > ABSURD_LOG);
	if (extreme >= 0) {
		const value = Math.exp(best.logParams[extreme]) * (extreme % 2 === 1 ? timeScale : 1);
		return {
			ok: false,
			reason: `The Pareto/NBD purchase model's best fit is degenerate (its ${PARAMETER_MEANING[extreme]} drifted to ${value.toPrecision(3)}): the data do not show enough variation in how often customers buy, or in when they stop, to estimate it. Use a longer period or more customers.`
		};
	}

	const [r, alphaScaled, s, betaScaled] = best.logParams.map(Math.exp);
	return {
		ok: true,
		fit: {
			r,
			alpha: alphaScaled * timeScale,
			s,
			beta: betaScaled * timeScale,
			// Each customer's likelihood is homogeneous of degree −x in (times, α, β), as for BG/NBD.
			logLikelihood: best.logLikelihood - Math.log(timeScale) * data.totalRepeatPurchases,
			timeUnit: options.timeUnit,
			customers: data.customers,
			converged: best.converged
		}
	};
}
