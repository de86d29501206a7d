import type { CustomerSummary } from './types';

/**
 * One customer's calibration summary from their purchase days (whole day numbers, e.g. days since
 * 1970-01-01, several purchases on one day counting as one), observed up to the as-of date.
 * The observation ends on the last day before the as-of date and includes it, the convention of
 * lifetimes, BTYD and CLVTools: a customer first seen on 1997-01-01 with as-of 1997-10-01 has
 * T = 272 days (38.86 weeks), as in the published CDNOW calibration data, not 273.
 *   x = purchaseDays − 1, t_x = lastDay − firstDay, T = (asOfDay − 1) − firstDay.
 * In SQL over the days before the as-of date this is
 *   count(*) − 1, date_diff('day', min(d), max(d)), date_diff('day', min(d), asOf) − 1.
 */
export function summariseObservation(
	customer: { firstDay: number; lastDay: number; purchaseDays: number },
	asOfDay: number,
	daysPerUnit: number
): CustomerSummary {
	const { firstDay, lastDay, purchaseDays } = customer;
	if (!(firstDay <= lastDay && lastDay < asOfDay)) {
		throw new RangeError(`Purchase days ${firstDay}…${lastDay} must be ordered and before the as-of day ${asOfDay}`);
	}
	if (!Number.isInteger(purchaseDays) || purchaseDays < 1 || (purchaseDays === 1) !== (firstDay === lastDay)) {
		throw new RangeError(`${purchaseDays} purchase days do not fit a first day ${firstDay} and last day ${lastDay}`);
	}
	return {
		frequency: purchaseDays - 1,
		recency: (lastDay - firstDay) / daysPerUnit,
		T: (asOfDay - 1 - firstDay) / daysPerUnit
	};
}
