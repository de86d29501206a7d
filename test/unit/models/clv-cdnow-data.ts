/**
 * The CDNOW data of Fader, Hardie & Lee (2005) from ../shared/datasets/cdnow. Tests that use it are
 * skipped, saying so, when the folder is missing, and fail when CUSTOMER_LENS_REQUIRE_DATASETS=1.
 */
import { readFileSync } from 'node:fs';
import type { CustomerSummary, SpendSummary } from '../../../src/lib/models/clv';
import { datasetPath, needDatasets } from '../../datasets';

const folder = datasetPath('cdnow') + '/';

export const CDNOW = needDatasets('cdnow');

/** The published calibration summaries (ID, frequency, recency, T in weeks). */
export function cdnowSummaries(): CustomerSummary[] {
	return readFileSync(folder + 'cdnow_customers_summary.csv', 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const [, frequency, recency, T] = line.split(',').map(Number);
			return { frequency, recency, T };
		});
}

/** CDNOW summaries with spend: ID, x, t_x, T, zbar (CRLF line ends, no final newline). */
export function cdnowSpend(): SpendSummary[] {
	return readFileSync(folder + 'cdnow_customers_summary_with_transactions.csv', 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const [, frequency, , , monetary] = line.split(',').map(Number);
			return { frequency, monetary };
		});
}

/** Day number (days since 1970-01-01) of a YYYYMMDD string. */
export const dayNumber = (yyyymmdd: string): number =>
	Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) / 86_400_000;

/** The 1/10 sample's transactions: customer (master id), day number and dollars. */
export function cdnowTransactions(): { customer: string; day: number; dollars: number }[] {
	return readFileSync(folder + 'CDNOW_sample.txt', 'utf8')
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const [customer, , date, , dollars] = line.trim().split(/\s+/);
			return { customer, day: dayNumber(date), dollars: Number(dollars) };
		});
}
