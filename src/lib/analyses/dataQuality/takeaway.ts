/**
 * The data-quality panel's sentence: the import summary's counts when there is one (else the
 * scope's own line counts), plus what the scope's checks add: the value of cancelled orders left
 * out of the money, and order ids found in more than one file (overlapping exports double-count).
 */
import { formatCount, formatMoney, plural } from '../../format/index';
import type { AnalysisResults, Takeaway } from '../types';

export function dataQualityFindings(r: Pick<Partial<AnalysisResults>, 'dataQuality'>, currency?: string): string[] {
	const q = r.dataQuality;
	if (!q?.available) return [];
	const out: string[] = [];
	const lo = q.leftOutCancelled;
	if (lo.orders > 0) {
		out.push(`${plural(lo.orders, 'cancelled order')} worth ${formatMoney(lo.revenue, currency)} ${lo.orders === 1 ? 'is' : 'are'} left out of revenue, units and every customer value.`);
	}
	const ov = q.overlappingOrders;
	if (ov.orders > 0) {
		const ids = ov.examples.map((e) => `${e.orderId} (${e.files.join(', ')})`).join('; ');
		out.push(`${plural(ov.orders, 'order id')} ${ov.orders === 1 ? 'appears' : 'appear'} in more than one file, e.g. ${ids}: overlapping exports count the same orders twice.`);
	}
	return out;
}

export const dataQualityTakeaway: Takeaway = (r, { currency, quality }) => {
	const findings = dataQualityFindings(r, currency);
	if (quality) {
		const f = quality.flagged;
		const excluded = f.badDates.count + f.missingRevenue.count;
		const text = `Of ${plural(quality.rowsRead, 'row')} read, ${formatCount(excluded)} were excluded (unreadable date or no revenue); ${formatCount(f.cancellationLines)} cancellation lines, ${formatCount(f.returnLines)} return lines and ${formatCount(f.missingCustomerId)} lines without a customer id were kept and flagged.`;
		return { id: 'dataQuality', analysis: 'dataQuality', value: excluded, text: [text, ...findings].join(' ') };
	}
	const q = r.dataQuality;
	if (!q?.available) return null;
	const text = `${plural(q.lines, 'order line')} from ${q.firstDate ?? '?'} to ${q.lastDate ?? '?'}; ${plural(q.returnLines, 'return line')}, ${plural(q.cancelledOrders, 'cancelled order')} and ${plural(q.linesWithoutCustomer, 'line')} without a customer kept and flagged.`;
	return { id: 'dataQuality', analysis: 'dataQuality', value: q.lines, text: [text, ...findings].join(' ') };
};
