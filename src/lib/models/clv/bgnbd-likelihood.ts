import { prepareBgnbd, type PreparedBgnbd } from './bgnbd-data';
import { digamma, lgamma } from './special';
import type { BgnbdParams, CustomerSummary } from './types';

/**
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) of (r, α, a, b) = exp(logParams),
 * with α in the prepared data's scaled time. Per customer, in log space:
 *   A1 = lnΓ(r+x) − lnΓ(r) + r ln α
 *   A2 = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x)          (x > 0 only)
 *   ℓ = A1 + A2 + ln(e^A3 + [x>0]·e^A4)
 * The last term is a log-sum-exp: e^A3 and e^A4 underflow for frequent buyers long before ℓ does.
 * When `gradient` is given it receives ∂ℓ/∂ ln θ, so a gradient-based optimiser can work on the
 * same log scale as the simplex.
 */
export function preparedBgnbdLogLikelihood(logParams: readonly number[], data: PreparedBgnbd, gradient?: number[]): number {
	const r = Math.exp(logParams[0]);
	const alpha = Math.exp(logParams[1]);
	const a = Math.exp(logParams[2]);
	const b = Math.exp(logParams[3]);
	const logAlpha = logParams[1];
	const logA = logParams[2];
	const n = data.customers;

	// Terms that do not depend on the customer.
	let ll = n * (-lgamma(r) + r * logAlpha + lgamma(a + b) - lgamma(b));
	let dr = n * (-digamma(r) + logAlpha);
	let dAlpha = (n * r) / alpha;
	let da = n * digamma(a + b);
	let db = n * (digamma(a + b) - digamma(b));

	const { xValues, xWeights } = data;
	const logBxMinus1 = new Float64Array(xValues.length);
	for (let i = 0; i < xValues.length; i++) {
		const x = xValues[i];
		const w = xWeights[i];
		ll += w * (lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x));
		const psiABX = digamma(a + b + x);
		dr += w * digamma(r + x);
		da -= w * psiABX;
		db += w * (digamma(b + x) - psiABX);
		if (x > 0) logBxMinus1[i] = Math.log(b + x - 1);
	}

	const { ageValues, recencyValues } = data;
	const logAge = new Float64Array(ageValues.length);
	const invAge = new Float64Array(ageValues.length);
	for (let i = 0; i < ageValues.length; i++) {
		logAge[i] = Math.log(alpha + ageValues[i]);
		invAge[i] = 1 / (alpha + ageValues[i]);
	}
	const logRecency = new Float64Array(recencyValues.length);
	const invRecency = new Float64Array(recencyValues.length);
	for (let i = 0; i < recencyValues.length; i++) {
		logRecency[i] = Math.log(alpha + recencyValues[i]);
		invRecency[i] = 1 / (alpha + recencyValues[i]);
	}

	const { zeroAgeIndex, zeroWeights } = data;
	for (let i = 0; i < zeroAgeIndex.length; i++) {
		const k = zeroAgeIndex[i];
		const w = zeroWeights[i];
		ll -= w * r * logAge[k];
		dr -= w * logAge[k];
		dAlpha -= w * r * invAge[k];
	}

	const { rowX, rowXIndex, rowAgeIndex, rowRecencyIndex, rowWeights } = data;
	for (let i = 0; i < rowX.length; i++) {
		const rx = r + rowX[i];
		const la = logAge[rowAgeIndex[i]];
		const lr = logRecency[rowRecencyIndex[i]];
		const w = rowWeights[i];
		const a3 = -rx * la;
		const a4 = logA - logBxMinus1[rowXIndex[i]] - rx * lr;
		const d = a4 - a3;
		const e = Math.exp(-Math.abs(d));
		// log(1 + e) rather than log1p: e ∈ (0, 1] here, so the absolute error is the same and it is faster.
		ll += w * ((d > 0 ? a4 : a3) + Math.log(1 + e));
		// Share of the likelihood coming from the "dropped out after the last purchase" branch.
		const s4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
		const s3 = 1 - s4;
		dr -= w * (s3 * la + s4 * lr);
		dAlpha -= w * rx * (s3 * invAge[rowAgeIndex[i]] + s4 * invRecency[rowRecencyIndex[i]]);
		da += (w * s4) / a;
		db -= (w * s4) / (b + rowX[i] - 1);
	}

	if (gradient) {
		gradient[0] = dr * r;
		gradient[1] = dAlpha * alpha;
		gradient[2] = da * a;
		gradient[3] = db * b;
	}
	return ll;
}

/** BG/NBD log-likelihood of the summaries (times in their own unit, no rescaling). */
export function bgnbdLogLikelihood(params: BgnbdParams, customers: readonly CustomerSummary[]): number {
	const data = prepareBgnbd(customers, 1);
	return preparedBgnbdLogLikelihood([Math.log(params.r), Math.log(params.alpha), Math.log(params.a), Math.log(params.b)], data);
}
