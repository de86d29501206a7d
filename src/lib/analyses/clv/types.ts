/** Result of the predictive CLV (BG/NBD or Pareto/NBD + Gamma-Gamma) analysis. */
import type { HoldoutRow, PurchaseModelName } from '../../models/clv/index';
import type { ClvModelSetting } from '../params';
import type { Unavailable } from '../types';

export interface ClvBgnbd {
	r: number;
	alpha: number;
	a: number;
	b: number;
	logLikelihood: number;
	timeUnit: 'day' | 'week';
}

export interface ClvParetoNbd {
	r: number;
	alpha: number;
	s: number;
	beta: number;
	logLikelihood: number;
	timeUnit: 'day' | 'week';
}

/** The purchase model the predictions use. */
export interface ClvModelChoice {
	chosen: PurchaseModelName;
	/** One sentence for the user: which model and why. */
	reason: string;
	/** The user's setting the choice was made under. */
	setting: ClvModelSetting;
	/** RMS error per customer of each model's holdout predictions; null when the models were not compared. */
	holdoutRmse: Record<PurchaseModelName, number | null> | null;
}

export interface ClvSegmentRow {
	segment: string;
	customers: number;
	meanPAlive: number;
	/** Totals over the segment's customers; predictedClv null when the spend model is refused. */
	expectedPurchases: number;
	predictedClv: number | null;
}

export interface ClvResult {
	available: true;
	asOf: string;
	timeUnit: 'day' | 'week';
	horizonMonths: number;
	margin: number;
	monthlyDiscount: number;
	/** Customers summarised (same set as RFM). */
	customers: number;
	bgnbd: ClvBgnbd;
	/** Extra BG/NBD facts not in the `bgnbd` contract. */
	bgnbdFit: { customers: number; converged: boolean };
	/** Null when the Pareto/NBD fit is refused (`paretoNbdRefusal` says why). */
	paretoNbd: ClvParetoNbd | null;
	paretoNbdRefusal: string | null;
	/** Which purchase model P(alive), expected purchases and CLV come from, and why. */
	model: ClvModelChoice;
	/** Null when the spend model is refused (`gammaGammaRefusal` says why): CLV and expected AOV are then null. */
	gammaGamma: { p: number; q: number; v: number } | null;
	gammaGammaRefusal: string | null;
	/** Repeat customers whose mean repeat purchase value is ≤ 0: left out of the spend fit, given the population mean. */
	nonPositiveSpendCustomers: number;
	/**
	 * Set when the parameters of every model (and the calibration fits of the holdout check) were
	 * fitted on a deterministic sample of `customers` of the `of` customers; the predictions still
	 * cover all of them. Null when fitted on every customer or reused from an earlier run.
	 */
	fitSample: { customers: number; of: number } | null;
	totals: { expectedPurchases: number; predictedClv: number | null; meanPAlive: number };
	segments: ClvSegmentRow[];
	/** Predicted CLV histogram: equal-width bins up to the 99th percentile, the last bin open-ended. */
	histogram: { from: number; to: number | null; customers: number }[];
	holdout:
		| { available: true; cutoff: string; calibrationLength: number; holdoutLength: number; customers: number; rows: HoldoutRow[] }
		| Unavailable;
	definition: string;
}
