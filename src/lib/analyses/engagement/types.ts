/** Result of the engagement (DAU/MAU) analysis. */

export interface EngagementPoint {
	date: string;
	dau: number;
	mau: number;
	/** dau / mau; null when mau = 0. */
	ratio: number | null;
	/** The 30-day window of this day (of a bucket's first day) starts on or after the first order date. */
	complete: boolean;
}

export interface EngagementResult {
	available: true;
	from: string;
	to: string;
	days: number;
	/** First day whose 30-day window lies within the data (first order date + 29); null when no day does. */
	completeFrom: string | null;
	/** Days from `completeFrom` to `to`. */
	completeDays: number;
	/** Mean DAU over every day. */
	avgDau: number;
	/** Mean MAU over the complete days only; null when there is none. */
	avgMau: number | null;
	/** Mean DAU / mean MAU, both over the complete days; null when there is none or their MAU is 0. */
	stickiness: number | null;
	series: EngagementPoint[];
	/** True when the series was averaged into `step`-day buckets (more than 4,000 days). */
	downsampled: boolean;
	step: number;
}
