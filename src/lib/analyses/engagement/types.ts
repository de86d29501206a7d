/** Result of the engagement (DAU/MAU) analysis. */

export interface EngagementPoint {
	date: string;
	dau: number;
	mau: number;
	/** dau / mau; null when mau = 0. */
	ratio: number | null;
}

export interface EngagementResult {
	available: true;
	from: string;
	to: string;
	days: number;
	avgDau: number;
	avgMau: number;
	/** avgDau / avgMau; null when avgMau = 0. */
	stickiness: number | null;
	series: EngagementPoint[];
	/** True when the series was averaged into `step`-day buckets (more than 4,000 days). */
	downsampled: boolean;
	step: number;
}
