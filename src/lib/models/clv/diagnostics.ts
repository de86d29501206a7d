import { expectedFuturePurchases, type PurchaseModelParams } from './purchase-model';
import type { CustomerSummary } from './types';

export interface HoldoutRow {
	/** Calibration repeat purchases; the last row holds everyone with at least this many. */
	frequency: number;
	/** "0", "1", …, "7+". */
	label: string;
	customers: number;
	actualMean: number;
	predictedMean: number;
}

/**
 * Out-of-sample check of a BG/NBD or Pareto/NBD fit (FHL 2005, Figure 4): customers grouped by calibration
 * frequency 0, 1, …, maxFrequency+ , with the mean number of purchases they actually made in the
 * holdout period next to the mean the model predicted for it from the calibration data alone.
 * Empty buckets are left out. `holdoutPurchases[i]` is the purchases of calibration row i in the
 * holdout period (per customer, when the row has a weight).
 */
export function holdoutComparison(
	params: PurchaseModelParams,
	calibration: readonly CustomerSummary[],
	holdoutPurchases: readonly number[],
	holdoutLength: number,
	maxFrequency = 7
): HoldoutRow[] {
	if (calibration.length !== holdoutPurchases.length) {
		throw new RangeError('holdoutComparison: one holdout count is needed per calibration customer');
	}
	const buckets = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: 0, predicted: 0 }));
	calibration.forEach((customer, i) => {
		const w = customer.weight ?? 1;
		const bucket = buckets[Math.min(customer.frequency, maxFrequency)];
		bucket.customers += w;
		bucket.actual += w * holdoutPurchases[i];
		bucket.predicted += w * expectedFuturePurchases(params, customer, holdoutLength);
	});
	return buckets.flatMap((bucket, frequency) =>
		bucket.customers === 0
			? []
			: [
					{
						frequency,
						label: frequency === maxFrequency ? `${frequency}+` : String(frequency),
						customers: bucket.customers,
						actualMean: bucket.actual / bucket.customers,
						predictedMean: bucket.predicted / bucket.customers
					}
				]
	);
}
