import { insufficientDataReason, invalidSummaryReason, prepareBgnbd } from './bgnbd-data';
import { preparedBgnbdLogLikelihood } from './bgnbd-likelihood';
import { maximiseLogLikelihood } from './mle';
import type { BgnbdFit, CustomerSummary, FitOutcome, TimeUnit } from './types';

/**
 * Fitted values beyond this factor from 1 (after time rescaling) mean the likelihood kept improving
 * towards a boundary of the parameter space rather than having an interior optimum.
 */
const ABSURD_LOG = Math.log(1e6);

const PARAMETER_MEANING = ['purchase-rate shape r', 'purchase-rate scale α', 'drop-out shape a', 'drop-out shape b'];

/**
 * Maximum-likelihood BG/NBD fit (Fader, Hardie & Lee 2005). Identical (x, t_x, T) rows, or rows
 * carrying `weight`, cost one likelihood term, so pre-aggregated summaries fit in time proportional
 * to the number of distinct rows.
 */
export function fitBgnbd(customers: readonly CustomerSummary[], options: { timeUnit: TimeUnit }): FitOutcome<BgnbdFit> {
	const problem = invalidSummaryReason(customers) ?? insufficientDataReason(customers);
	if (problem) return { ok: false, reason: problem };

	// Measuring time in units of the longest customer age puts α near 1 in the optimiser's space
	// whatever the unit, so one start point and one set of bounds serve days and weeks alike.
	let timeScale = 0;
	for (const c of customers) timeScale = Math.max(timeScale, c.T);
	const data = prepareBgnbd(customers, timeScale);

	// Start with r = 1 and α matching the observed repeat-purchase rate, a = b = 1 (uniform drop-out probability).
	const start = [0, Math.log(data.totalAge / data.totalRepeatPurchases), 0, 0];

	const best = maximiseLogLikelihood((u, gradient) => preparedBgnbdLogLikelihood(u, data, gradient), start, data.customers);
	if (!Number.isFinite(best.logLikelihood) || !best.logParams.every(Number.isFinite)) {
		return {
			ok: false,
			reason: 'The purchase model could not find a finite best fit for these customers. Check the summaries for extreme values (for example one customer with thousands of purchases) or use a longer calibration period.'
		};
	}
	const extreme = best.logParams.findIndex((u) => Math.abs(u) > ABSURD_LOG);
	if (extreme >= 0) {
		const value = Math.exp(best.logParams[extreme]) * (extreme === 1 ? timeScale : 1);
		return {
			ok: false,
			reason: `The purchase model's best fit is degenerate (its ${PARAMETER_MEANING[extreme]} drifted to ${value.toPrecision(3)}): the data do not show enough variation in how often customers buy, or in when they stop, to estimate it. This usually means a short calibration period or few repeat buyers; use a longer period or more customers.`
		};
	}

	const [r, alphaScaled, a, b] = best.logParams.map(Math.exp);
	return {
		ok: true,
		fit: {
			r,
			alpha: alphaScaled * timeScale,
			a,
			b,
			// Rescaling times by s multiplies each customer's likelihood by s^x (α^r/(α+T)^(r+x) is
			// homogeneous of degree −x), so the log-likelihood in the caller's unit differs by −ln(s)·Σx.
			logLikelihood: best.logLikelihood - Math.log(timeScale) * data.totalRepeatPurchases,
			timeUnit: options.timeUnit,
			customers: data.customers,
			converged: best.converged
		}
	};
}
