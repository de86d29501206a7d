/** A small data-quality summary of the scope: what is there, what is missing, returns and cancellations. */
import { CANONICAL_FIELDS } from '../../ingest/canonical-fields';
import type { AnalysisContext } from '../context';
import type { DataQualityResult } from './types';
import type { Maybe } from '../types';

export async function computeDataQuality(ctx: AnalysisContext): Promise<Maybe<DataQualityResult>> {
	const { lines, returnLines, cancelledLines, zeroRevenueLines } = ctx.lineStats;
	let cancelledOrders = 0;
	if (!ctx.empty) {
		const orders = await ctx.orders();
		[{ n: cancelledOrders }] = await ctx.engine.query<{ n: number }>(`SELECT count(DISTINCT order_id) AS n FROM ${orders} WHERE cancelled`);
	}
	return {
		available: true,
		lines,
		linesWithoutCustomer: lines - ctx.nonNull.customer_id,
		returnLines,
		cancelledLines,
		cancelledOrders,
		linesWithoutProduct: lines - ctx.nonNull.product,
		zeroRevenueLines,
		firstDate: ctx.firstDate,
		lastDate: ctx.lastDate,
		columns: CANONICAL_FIELDS.map((f) => ({ field: f.field, nonNull: ctx.nonNull[f.field] })),
		customersTable: (await ctx.customerColumns()).has('customer_id')
	};
}
