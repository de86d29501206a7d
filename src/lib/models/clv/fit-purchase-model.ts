import { insufficientDataReason, invalidSummaryReason, prepareBgnbd, type PreparedBgnbd } from './bgnbd-data';
import { maximiseLogLikelihood } from './mle';
import type { CustomerSummary } from './types';

/**
 * Fitted values beyond this factor from 1 (after time rescaling) mean the likelihood kept improving
 * towards a boundary of the parameter space rather than having an interior optimum.
 */
const ABSURD_LOG = Math.log(1e6);

/** What differs between the BG/NBD and Pareto/NBD fits: their likelihood and which of their four parameters are times. */
export interface PurchaseModelSpec {
	/** How messages name the model, e.g. "purchase model". */
	name: string;
	/** What each parameter means, for the message about a degenerate fit. */
	parameters: readonly [string, string, string, string];
	/** Indices of the parameters measured in time units (scales), rescaled back to the caller's unit. */
	timeScales: readonly number[];
	logLikelihood: (logParams: readonly number[], data: PreparedBgnbd, gradient?: number[]) => number;
}

export type PurchaseModelOutcome =
	| { ok: false; reason: string }
	| { ok: true; params: [number, number, number, number]; logLikelihood: number; customers: number; converged: boolean };

/**
 * Maximum-likelihood fit shared by the purchase models. Identical (x, t_x, T) rows, or rows carrying
 * `weight`, cost one likelihood term, so pre-aggregated summaries fit in time proportional to the
 * number of distinct rows.
 */
export function fitPurchaseModel(customers: readonly CustomerSummary[], spec: PurchaseModelSpec): PurchaseModelOutcome {
	const problem = invalidSummaryReason(customers) ?? insufficientDataReason(customers);
	if (problem) return { ok: false, reason: problem };

	// Measuring time in units of the longest customer age puts the scales near 1 in the optimiser's
	// space whatever the unit, so one start point and one set of bounds serve days and weeks alike.
	let timeScale = 0;
	for (const c of customers) timeScale = Math.max(timeScale, c.T);
	const data = prepareBgnbd(customers, timeScale);

	// Shapes 1, the purchase-rate scale matching the observed repeat-purchase rate, the other at 1.
	const start = [0, Math.log(data.totalAge / data.totalRepeatPurchases), 0, 0];
	const best = maximiseLogLikelihood((u, gradient) => spec.logLikelihood(u, data, gradient), start, data.customers, { degenerateBeyond: ABSURD_LOG });
	if (!Number.isFinite(best.logLikelihood) || !best.logParams.every(Number.isFinite)) {
		return {
			ok: false,
			reason: `The ${spec.name} could not find a finite best fit for these customers. Check the summaries for extreme values (for example one customer with thousands of purchases) or use a longer calibration period.`
		};
	}
	const unscale = (i: number, v: number) => (spec.timeScales.includes(i) ? v * timeScale : v);
	const extreme = best.logParams.findIndex((u) => Math.abs(u) > ABSURD_LOG);
	if (extreme >= 0) {
		const value = unscale(extreme, Math.exp(best.logParams[extreme]));
		return {
			ok: false,
			reason: `The ${spec.name}'s best fit is degenerate (its ${spec.parameters[extreme]} drifted to ${value.toPrecision(3)}): the data do not show enough variation in how often customers buy, or in when they stop, to estimate it. This usually means a short calibration period or few repeat buyers; use a longer period or more customers.`
		};
	}
	return {
		ok: true,
		params: best.logParams.map((u, i) => unscale(i, Math.exp(u))) as [number, number, number, number],
		// Rescaling times by s multiplies each customer's likelihood by s^x (both models' likelihoods are
		// homogeneous of degree −x in the times and scales), so in the caller's unit it differs by −ln(s)·Σx.
		logLikelihood: best.logLikelihood - Math.log(timeScale) * data.totalRepeatPurchases,
		customers: data.customers,
		converged: best.converged
	};
}
