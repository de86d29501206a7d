/**
 * A small generated export in the layout of the best-known public marketplace data set (a
 * Brazilian marketplace): four related files, joined by order id and customer id.
 *
 * - orders: one row per order, with a per-order `customer_id` (as in the original, a new id per order);
 * - order_items: one row per item (no quantity column: the price is the line's revenue);
 * - customers: one row per per-order `customer_id`, with the real `customer_unique_id`, city and state;
 * - order_reviews: usually one review per order (score 1–5, a short comment on some), a few orders
 *   with a second, later review; orders without items (unavailable, some canceled) exist, as in the original.
 *
 * Repeat buying follows the last review: after a bad review (1–2 stars) a customer comes back less
 * often, so unhappy customers churn more. Late deliveries get worse reviews. Pure function of the seed.
 */
import { Prng } from '../lib/models/random';

export const MARKETPLACE_FILES = {
	orders: 'marketplace-orders.csv',
	items: 'marketplace-order-items.csv',
	customers: 'marketplace-customers.csv',
	reviews: 'marketplace-order-reviews.csv'
} as const;

export const MARKETPLACE_HEADERS = {
	orders: 'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_customer_date,order_estimated_delivery_date',
	items: 'order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value',
	customers: 'customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state',
	reviews: 'review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,review_answer_timestamp'
} as const;

const CITIES: Array<[string, string, string]> = [
	['sao paulo', 'SP', '01'],
	['rio de janeiro', 'RJ', '20'],
	['belo horizonte', 'MG', '30'],
	['curitiba', 'PR', '80'],
	['porto alegre', 'RS', '90'],
	['salvador', 'BA', '40'],
	['brasilia', 'DF', '70'],
	['campinas', 'SP', '13']
];
const CITY_WEIGHTS = [0.34, 0.16, 0.1, 0.08, 0.08, 0.08, 0.08, 0.08];

/** [product id, base price in cents]. */
const PRODUCTS: Array<[string, number]> = Array.from({ length: 24 }, (_, i) => [`prod${String(i + 1).padStart(3, '0')}`, [1990, 2990, 3990, 4990, 5990, 7990, 8990, 12990, 14990, 19990, 24990, 34990][i % 12]]);
const SELLERS = ['sel01', 'sel02', 'sel03', 'sel04', 'sel05', 'sel06'];

const COMMENTS: Record<number, readonly string[]> = {
	1: ['never arrived', 'product broken on arrival', 'wrong item sent, very disappointed', 'late and damaged'],
	2: ['arrived late', 'poor quality for the price', 'packaging damaged'],
	3: ['ok product', 'as described but slow delivery'],
	4: ['good product', 'arrived on time', 'good value'],
	5: ['excellent, arrived early', 'great quality, recommend', 'perfect, very fast delivery', 'love it']
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** Minutes since 2023-01-01 00:00 UTC → `YYYY-MM-DD HH:MM:SS`. */
function stamp(minutes: number): string {
	const d = new Date(Date.UTC(2023, 0, 1) + minutes * 60000);
	return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}
const dayStamp = (minutes: number) => `${stamp(Math.floor(minutes / 1440) * 1440).slice(0, 10)} 00:00:00`;
const cents = (c: number) => `${Math.floor(c / 100)}.${pad2(c % 100)}`;
const hex = (r: Prng, n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
const csv = (fields: Array<string | number>) => fields.map((f) => (/[",\n]/.test(String(f)) ? `"${String(f).replace(/"/g, '""')}"` : String(f))).join(',');

/** The span of purchase times: 2023-01-01 to 2024-06-30. */
const SPAN_MIN = (Date.UTC(2024, 5, 30) - Date.UTC(2023, 0, 1)) / 60000;

export interface MarketplaceSample {
	orders: string;
	items: string;
	customers: string;
	reviews: string;
}

/** Star rating given a delivery delay in days (late deliveries are rated lower). */
function score(r: Prng, lateDays: number, canceled: boolean): number {
	const weights = canceled || lateDays > 5 ? [0.5, 0.2, 0.15, 0.1, 0.05] : lateDays > 0 ? [0.15, 0.2, 0.3, 0.2, 0.15] : [0.04, 0.04, 0.1, 0.3, 0.52];
	return r.weightedIndex(weights) + 1;
}

export function generateMarketplace(seed = 20240630, people = 220): MarketplaceSample {
	const r = new Prng(seed);
	const orders: string[] = [MARKETPLACE_HEADERS.orders];
	const items: string[] = [MARKETPLACE_HEADERS.items];
	const customers: string[] = [MARKETPLACE_HEADERS.customers];
	const reviews: string[] = [MARKETPLACE_HEADERS.reviews];
	const rows: Array<{ at: number; order: string[]; items: string[][]; customer: string[]; reviews: string[][] }> = [];
	for (let p = 0; p < people; p++) {
		const unique = `u${hex(r, 12)}`;
		const city = CITIES[r.weightedIndex(CITY_WEIGHTS)];
		const zip = `${city[2]}${String(r.int(0, 999)).padStart(3, '0')}`;
		let at = Math.floor(r.uniform(0, SPAN_MIN * 0.8));
		for (;;) {
			const orderId = `o${hex(r, 12)}`;
			const customerId = `c${hex(r, 12)}`;
			const roll = r.next();
			const status = roll < 0.02 ? 'unavailable' : roll < 0.05 ? 'canceled' : roll < 0.08 ? 'shipped' : 'delivered';
			const hasItems = status !== 'unavailable' && !(status === 'canceled' && r.bernoulli(0.5));
			const approved = status === 'unavailable' ? '' : stamp(at + r.int(5, 600));
			const estimated = at + r.int(10, 25) * 1440;
			const lateDays = status === 'delivered' ? Math.max(-8, Math.round(r.normal(-3, 5))) : 0;
			const delivered = status === 'delivered' ? stamp(estimated + lateDays * 1440 + r.int(0, 600)) : '';
			const row = { at, order: [orderId, customerId, status, stamp(at), approved, delivered, dayStamp(estimated)], items: [] as string[][], customer: [customerId, unique, zip, city[0], city[1]], reviews: [] as string[][] };
			if (hasItems) {
				const n = 1 + r.weightedIndex([0.8, 0.15, 0.05]);
				for (let i = 1; i <= n; i++) {
					const [product, base] = PRODUCTS[r.int(0, PRODUCTS.length - 1)];
					const price = Math.round(base * r.uniform(0.9, 1.1));
					row.items.push([orderId, String(i), product, SELLERS[r.int(0, SELLERS.length - 1)], stamp(at + 3 * 1440), cents(price), cents(r.int(500, 3000))]);
				}
			}
			let stars = 0;
			if (status !== 'unavailable' && r.bernoulli(0.96)) {
				stars = score(r, lateDays, status === 'canceled');
				const written = (status === 'delivered' ? estimated + lateDays * 1440 : at + 12 * 1440) + 1440;
				const comment = stars <= 2 ? r.bernoulli(0.7) : r.bernoulli(0.35);
				const text = comment ? COMMENTS[stars][r.int(0, COMMENTS[stars].length - 1)] : '';
				row.reviews.push([`r${hex(r, 12)}`, orderId, String(stars), '', text, dayStamp(written), stamp(written + r.int(600, 4000))]);
				// A few customers change their mind later (a second, later review of the same order).
				if (r.bernoulli(0.04)) {
					const again = stars <= 2 ? Math.min(5, stars + 2) : Math.max(1, stars - 2);
					const later = written + r.int(3, 20) * 1440;
					row.reviews.push([`r${hex(r, 12)}`, orderId, String(again), '', again <= 2 ? 'problem came back' : 'seller solved it', dayStamp(later), stamp(later + r.int(600, 4000))]);
					stars = again;
				}
			}
			rows.push(row);
			// Unhappy customers come back less often.
			const comeBack = stars === 0 ? 0.35 : stars <= 2 ? 0.18 : 0.5;
			const next = at + Math.floor(r.exponential(1 / 70) * 1440) + 1440;
			if (!r.bernoulli(comeBack) || next >= SPAN_MIN) break;
			at = next;
		}
	}
	rows.sort((a, b) => a.at - b.at || a.order[0].localeCompare(b.order[0]));
	for (const row of rows) {
		orders.push(csv(row.order));
		for (const it of row.items) items.push(csv(it));
		customers.push(csv(row.customer));
		for (const rv of row.reviews) reviews.push(csv(rv));
	}
	const text = (lines: string[]) => lines.join('\n') + '\n';
	return { orders: text(orders), items: text(items), customers: text(customers), reviews: text(reviews) };
}
