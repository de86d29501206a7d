/**
 * The headline numbers of a four-file marketplace export recomputed in plain TypeScript from the
 * CSV texts, without the app's SQL or its join code, from the definitions: an order's lines are
 * its rows in the items file (each row one unit, its price the revenue); an order is cancelled when
 * its status starts with "cancel"; a cancelled order's lines leave the money; customers are the
 * distinct real customers (`customer_unique_id`) of the orders that have lines; an order's rating
 * is its latest review (by review date, the later row on a tie) and counts once.
 */
import { readRows } from './plain-csv';

export interface MarketplaceTexts {
	orders: string;
	items: string;
	customers: string;
	reviews: string;
}

export interface MarketplaceKpis {
	revenue: number;
	orders: number;
	customers: number;
	units: number;
	avgRating: number;
	ratedOrders: number;
}

export function plainMarketplace(t: MarketplaceTexts): MarketplaceKpis {
	const orders = new Map(readRows(t.orders).map((r) => [r.order_id, r]));
	const realCustomer = new Map(readRows(t.customers).map((r) => [r.customer_id, r.customer_unique_id]));
	const items = readRows(t.items);
	const withLines = new Set(items.map((i) => i.order_id));
	const cancelled = (id: string) => /^cancel/i.test(orders.get(id)?.order_status ?? '');
	let revenue = 0;
	let units = 0;
	for (const i of items) {
		if (cancelled(i.order_id)) continue;
		revenue += Number(i.price);
		units += 1;
	}
	const kept = [...withLines].filter((id) => orders.has(id));
	const customers = new Set(kept.map((id) => realCustomer.get(orders.get(id)!.customer_id) ?? orders.get(id)!.customer_id));
	const latest = new Map<string, { date: string; score: number }>();
	for (const r of readRows(t.reviews)) {
		const prev = latest.get(r.order_id);
		if (!prev || r.review_creation_date >= prev.date) latest.set(r.order_id, { date: r.review_creation_date, score: Number(r.review_score) });
	}
	const rated = kept.filter((id) => latest.has(id)).map((id) => latest.get(id)!.score);
	return {
		revenue,
		orders: kept.filter((id) => !cancelled(id)).length,
		customers: customers.size,
		units,
		avgRating: rated.reduce((s, x) => s + x, 0) / rated.length,
		ratedOrders: rated.length
	};
}
