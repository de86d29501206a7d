/** Result of the order-status distribution. */

export interface StatusResult {
	available: true;
	rows: { status: string; isMissing: boolean; lines: number; orders: number; revenue: number; share: number | null }[];
}
