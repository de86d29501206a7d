/** Result of the unusual-days analysis. */

export interface UnusualDay {
	date: string;
	/** ISO weekday 1 = Monday … 7 = Sunday. */
	weekday: number;
	revenue: number;
	expected: number;
	z: number;
	/** revenue / expected − 1 (null when expected is 0). */
	deviation: number | null;
	direction: 'high' | 'low';
}

export interface UnusualDaysResult {
	available: true;
	threshold: number;
	/** Days in the calendar from first to last order date. */
	days: number;
	/** Days scored (their weekday's median revenue is positive). */
	daysScored: number;
	weekdayMedians: { weekday: number; median: number }[];
	/** 'mad' normally; 'meanad' when the MAD is 0 (1.253314 × mean absolute deviation instead). */
	scale: 'mad' | 'meanad' | 'none';
	unusual: UnusualDay[];
}
