/** Result of the churn analysis. */
import type { ChurnRisk, PAliveRisk } from '../customerScoring/types';
import type { Unavailable } from '../types';

export interface ChurnResult {
	available: true;
	asOf: string;
	churnDays: number;
	customers: number;
	churned: number;
	churnRate: number;
	/** Recency limits (days) of the Low and Medium groups: ≤ window/3 (and more than one order), ≤ 2·window/3. */
	thresholds: { low: number; medium: number };
	groups: { group: ChurnRisk; customers: number; share: number; revenue: number; avgRecency: number | null }[];
	/**
	 * P(alive) risk of the purchase model in use: High < 0.3 ≤ Medium < 0.7 ≤ Low, one-time buyers
	 * Medium when no model can see them drop out (models/clv `aliveRisk`); unavailable when the model is refused.
	 */
	pAlive:
		| {
				available: true;
				thresholds: { high: number; medium: number };
				groups: { group: PAliveRisk; customers: number; share: number; meanPAlive: number | null }[];
				crossTab: { churnRisk: ChurnRisk; pAliveRisk: PAliveRisk; customers: number }[];
		  }
		| Unavailable;
}
