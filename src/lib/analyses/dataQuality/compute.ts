/** A small data-quality summary of the scope: what is there, what is missing, returns, cancellations and overlapping files. */
import { CANONICAL_FIELDS } from '../../ingest/index';
import type { AnalysisContext } from '../context';
import type { DataQualityResult } from './types';
import type { Maybe } from '../types';

/** How many order ids found in more than one file are named as examples. */
export const OVERLAP_EXAMPLES = 5;

export async function computeDataQuality(ctx: AnalysisContext): Promise<Maybe<DataQualityResult>> {
	const { lines, returnLines, cancelledLines, zeroRevenueLines } = ctx.lineStats;
	let cancelledOrders = 0;
	let leftOut = { orders: 0, lines: 0, revenue: 0 };
	let overlap: DataQualityResult['overlappingOrders'] = { orders: 0, examples: [] };
	if (!ctx.empty) {
		const orders = await ctx.orders();
		const [c] = await ctx.engine.query<{ n: number; lo_orders: number; lo_lines: number; lo_revenue: number }>(
			`SELECT count(DISTINCT order_id) FILTER (WHERE cancelled) AS n,
				count(DISTINCT order_id) FILTER (WHERE left_out_lines > 0) AS lo_orders,
				coalesce(sum(left_out_lines), 0) AS lo_lines, coalesce(sum(left_out_revenue), 0) AS lo_revenue
			FROM ${orders}`
		);
		cancelledOrders = Number(c.n);
		leftOut = { orders: Number(c.lo_orders), lines: Number(c.lo_lines), revenue: Number(c.lo_revenue) };
		overlap = await overlappingOrders(ctx);
	}
	return {
		available: true,
		lines,
		linesWithoutCustomer: lines - ctx.nonNull.customer_id,
		returnLines,
		cancelledLines,
		cancelledOrders,
		leftOutCancelled: leftOut,
		overlappingOrders: overlap,
		linesWithoutProduct: lines - ctx.nonNull.product,
		zeroRevenueLines,
		firstDate: ctx.firstDate,
		lastDate: ctx.lastDate,
		columns: CANONICAL_FIELDS.map((f) => ({ field: f.field, nonNull: ctx.nonNull[f.field] })),
		customersTable: (await ctx.customerColumns()).has('customer_id')
	};
}

/**
 * Order ids that occur in more than one uploaded file: two exports covering the same period put
 * the same orders in twice, and every total counts them twice.
 */
async function overlappingOrders(ctx: AnalysisContext): Promise<DataQualityResult['overlappingOrders']> {
	if (!(await ctx.fromSeveralFiles())) return { orders: 0, examples: [] };
	const shared = `SELECT order_id, list(DISTINCT source_file ORDER BY source_file) AS files FROM ${ctx.scope} GROUP BY order_id HAVING count(DISTINCT source_file) > 1`;
	const [{ n }] = await ctx.engine.query<{ n: number }>(`SELECT count(*) AS n FROM (${shared})`);
	if (Number(n) === 0) return { orders: 0, examples: [] };
	const rows = await ctx.engine.query<{ order_id: string; files: string }>(
		`SELECT order_id, array_to_string(files, chr(10)) AS files FROM (${shared}) ORDER BY order_id LIMIT ${OVERLAP_EXAMPLES}`
	);
	return { orders: Number(n), examples: rows.map((r) => ({ orderId: String(r.order_id), files: String(r.files).split('\n') })) };
}
