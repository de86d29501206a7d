/**
 * Choosing between BG/NBD and Pareto/NBD for one data set by how well each, fitted on a
 * calibration period, predicts the purchases of the holdout period that follows it.
 */
import { fitBgnbd } from './bgnbd-fit';
import { fitParetoNbd } from './pareto-nbd-fit';
import { expectedFuturePurchases, type PurchaseModelParams } from './purchase-model';
import type { BgnbdFit, CustomerSummary, FitOutcome, ParetoNbdFit, PurchaseModelName, TimeUnit } from './types';

export interface HoldoutCustomer extends CustomerSummary {
	/** Purchases in the holdout period (the mean per customer when the row has a weight). */
	holdoutPurchases: number;
}

export interface ModelChoice {
	chosen: PurchaseModelName;
	/** One sentence for the user: which model and why. */
	reason: string;
	/** Fits on the calibration period. */
	bgnbd: FitOutcome<BgnbdFit>;
	paretoNbd: FitOutcome<ParetoNbdFit>;
	/**
	 * Root-mean-square error of predicted against actual holdout purchases per customer, null when
	 * the model could not be fitted. With weighted rows it is the error of each row's mean: the
	 * spread inside a row adds the same amount to both models' squared errors, so the ranking is
	 * the per-customer ranking.
	 */
	holdoutRmse: Record<PurchaseModelName, number | null>;
}

export const PURCHASE_MODEL_LABEL: Readonly<Record<PurchaseModelName, string>> = { bgnbd: 'BG/NBD', paretoNbd: 'Pareto/NBD' };

function holdoutRmse(params: PurchaseModelParams, customers: readonly HoldoutCustomer[], holdoutLength: number): number {
	let squares = 0;
	let total = 0;
	for (const c of customers) {
		const w = c.weight ?? 1;
		squares += w * (expectedFuturePurchases(params, c, holdoutLength) - c.holdoutPurchases) ** 2;
		total += w;
	}
	return Math.sqrt(squares / total);
}

/**
 * Fits both models on the calibration summaries and picks the one whose predictions of the
 * holdout purchases have the lower RMSE; an exact tie keeps BG/NBD, the simpler model to explain.
 * `holdoutLength` is in the summaries' time unit. Fails only when neither model can be fitted.
 */
export function chooseModel(
	customers: readonly HoldoutCustomer[],
	holdoutLength: number,
	options: { timeUnit: TimeUnit }
): FitOutcome<ModelChoice> {
	if (!(holdoutLength > 0)) throw new RangeError(`The holdout period must be longer than 0, got ${holdoutLength}`);
	const bgnbd = fitBgnbd(customers, options);
	const paretoNbd = fitParetoNbd(customers, options);
	if (!bgnbd.ok && !paretoNbd.ok) return { ok: false, reason: bgnbd.reason };
	const errors: Record<PurchaseModelName, number | null> = {
		bgnbd: bgnbd.ok ? holdoutRmse(bgnbd.fit, customers, holdoutLength) : null,
		paretoNbd: paretoNbd.ok ? holdoutRmse(paretoNbd.fit, customers, holdoutLength) : null
	};
	const period = `a period held out from fitting (the last ${+holdoutLength.toFixed(1)} ${options.timeUnit === 'week' ? 'weeks' : 'days'})`;
	let chosen: PurchaseModelName;
	let reason: string;
	if (errors.bgnbd === null || errors.paretoNbd === null) {
		chosen = errors.bgnbd === null ? 'paretoNbd' : 'bgnbd';
		const failed = errors.bgnbd === null ? bgnbd : paretoNbd;
		const other = chosen === 'bgnbd' ? 'paretoNbd' : 'bgnbd';
		reason = `${PURCHASE_MODEL_LABEL[chosen]} was used because ${PURCHASE_MODEL_LABEL[other]} could not be fitted: ${failed.ok ? '' : failed.reason}`;
	} else {
		const bg = errors.bgnbd;
		const pn = errors.paretoNbd;
		chosen = pn < bg ? 'paretoNbd' : 'bgnbd';
		const [mine, theirs] = chosen === 'paretoNbd' ? [pn, bg] : [bg, pn];
		const other = chosen === 'bgnbd' ? 'paretoNbd' : 'bgnbd';
		const fmt = (e: number): string => e.toPrecision(4);
		// Errors equal to four digits: "2.033 against 2.033" would read as a slip.
		reason =
			pn === bg
				? `BG/NBD was used: both models predicted the purchases of ${period} equally well (RMS error ${fmt(bg)} per customer).`
				: fmt(mine) === fmt(theirs)
					? `${PURCHASE_MODEL_LABEL[chosen]} was used because it predicted the purchases of ${period} marginally better: both RMS errors are ${fmt(mine)} per customer to four digits.`
					: `${PURCHASE_MODEL_LABEL[chosen]} was used because it predicted the purchases of ${period} better: RMS error ${fmt(mine)} per customer against ${fmt(theirs)} for ${PURCHASE_MODEL_LABEL[other]}.`;
	}
	return { ok: true, fit: { chosen, reason, bgnbd, paretoNbd, holdoutRmse: errors } };
}
