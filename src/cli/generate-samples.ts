/**
 * Builds the demo data sets shipped in static/samples/.
 *
 *   npx tsx src/cli/generate-samples.ts [--out static/samples] [--source <online_retail_2010-2011.csv.gz>]
 *
 * 1. online-retail-sample.csv.gz — a deterministic ~25 % subset of the real UCI Online Retail
 *    data (CC BY 4.0). Rows are copied byte for byte; the rule is in keepOnlineRetailRow().
 * 2. b2b-sales.csv — generated B2B order lines in the style of the "Sample Sales Data" file.
 * 3. crm-orders.csv + crm-customers.csv — generated CRM export (BG/NBD-like purchase process).
 * 4. marketplace-*.csv — a generated four-file marketplace export (see generate-marketplace.ts).
 *
 * Every output is a pure function of the code and (for 1) the source file: running this twice
 * gives byte-identical files. See static/samples/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { hashString, Prng, WeightedSampler } from '../lib/models/random';
import { generateMarketplace, MARKETPLACE_FILES } from './generate-marketplace';

export const SAMPLE_FILES = {
	onlineRetail: 'online-retail-sample.csv.gz',
	b2b: 'b2b-sales.csv',
	crmOrders: 'crm-orders.csv',
	crmCustomers: 'crm-customers.csv'
} as const;

export const ONLINE_RETAIL_HEADER =
	'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
export const B2B_HEADER =
	'ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTLINE,MSRP,PRODUCTCODE,CUSTOMERNAME,CITY,COUNTRY,TERRITORY,DEALSIZE';
export const CRM_ORDERS_HEADER =
	'order_id,customer_id,order_date,product,category,quantity,unit_price,channel,status,city,review_score,review_text';
export const CRM_CUSTOMERS_HEADER =
	'customer_id,age,gender,city,signup_date,acquisition_channel,loyalty_member';

/** Repository root (two levels above src/cli/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_RETAIL_SOURCE = resolve(
	REPO_ROOT,
	'../shared/datasets/online_retail_2010-2011.csv.gz'
);

// ---------------------------------------------------------------------------------------------
// Shared helpers

const DAY_MS = 86400000;
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const dateParts = (day: number): { y: number; m: number; d: number; dow: number } => {
	const dt = new Date(day * DAY_MS);
	return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), dow: dt.getUTCDay() };
};
const isoDate = (day: number): string => {
	const p = dateParts(day);
	return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
};
/** Integer cents → "123.40". */
const cents = (c: number): string => {
	const neg = c < 0;
	const a = Math.abs(c);
	return `${neg ? '-' : ''}${Math.floor(a / 100)}.${pad2(a % 100)}`;
};
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** RFC 4180 field: quoted only when needed. */
export function csvField(v: string | number): string {
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (fields: Array<string | number>): string => fields.map(csvField).join(',');

/**
 * gzip with level 9 and a fixed header (mtime 0, OS byte 255 = unknown), so the bytes
 * depend only on the input and the zlib build.
 */
export function gzipStable(text: string): Buffer {
	const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
	gz.writeUInt32LE(0, 4); // MTIME
	gz[9] = 255; // OS
	return gz;
}

// ---------------------------------------------------------------------------------------------
// 1. Online Retail subset (real data)

/** Split one CSV line (no embedded newlines) into fields, honouring double quotes. */
function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"') {
				if (line[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			out.push(field);
			field = '';
		} else field += c;
	}
	out.push(field);
	return out;
}

/**
 * The subset rule. A row is kept when
 *  - it has a CustomerID and CustomerID % 4 == 0 (so every kept customer keeps all invoices), or
 *  - it has no CustomerID and FNV-1a-32(InvoiceNo) % 4 == 0.
 * In the source every invoice has a single CustomerID value (or none), so whole invoices are kept.
 */
export function keepOnlineRetailRow(invoiceNo: string, customerId: string): boolean {
	if (customerId !== '') return Number(customerId) % 4 === 0;
	return hashString(invoiceNo) % 4 === 0;
}

/** Applies keepOnlineRetailRow to the source CSV text; kept lines are copied unchanged. */
export function onlineRetailSubset(sourceCsv: string): string {
	const lines = sourceCsv.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	if (lines[0] !== ONLINE_RETAIL_HEADER) throw new Error('unexpected Online Retail header');
	const out: string[] = [lines[0]];
	for (let i = 1; i < lines.length; i++) {
		const f = splitCsvLine(lines[i]);
		if (f.length !== 8) throw new Error(`Online Retail line ${i + 1}: expected 8 fields`);
		if (keepOnlineRetailRow(f[0], f[6])) out.push(lines[i]);
	}
	return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// 2. B2B sales (generated, "Sample Sales Data" style)

interface B2bCountry {
	name: string;
	territory: string;
	weight: number;
	cities: string[];
	suffixes: string[];
}

const B2B_COUNTRIES: B2bCountry[] = [
	{ name: 'USA', territory: 'NA', weight: 34, cities: ['NYC', 'San Francisco', 'Boston', 'Los Angeles', 'Philadelphia', 'San Diego', 'Chicago', 'Seattle'], suffixes: ['Inc.', 'Co.', 'LLC', 'Corp.'] },
	{ name: 'France', territory: 'EMEA', weight: 12, cities: ['Paris', 'Lyon', 'Nantes', 'Marseille', 'Lille', 'Strasbourg'], suffixes: ['SARL', 'SA', 'et Cie'] },
	{ name: 'Spain', territory: 'EMEA', weight: 10, cities: ['Madrid', 'Barcelona', 'Sevilla', 'Valencia'], suffixes: ['S.L.', 'S.A.'] },
	{ name: 'Australia', territory: 'APAC', weight: 6, cities: ['Melbourne', 'Sydney', 'Brisbane'], suffixes: ['Pty Ltd', 'Co.'] },
	{ name: 'UK', territory: 'EMEA', weight: 6, cities: ['London', 'Manchester', 'Liverpool'], suffixes: ['Ltd.', 'plc', '& Co.'] },
	{ name: 'Italy', territory: 'EMEA', weight: 4, cities: ['Torino', 'Milano', 'Bergamo'], suffixes: ['S.r.l.', 'S.p.A.'] },
	{ name: 'Finland', territory: 'EMEA', weight: 3, cities: ['Helsinki', 'Oulu', 'Espoo'], suffixes: ['Oy', 'Ab'] },
	{ name: 'Norway', territory: 'EMEA', weight: 3, cities: ['Oslo', 'Bergen', 'Stavern'], suffixes: ['AS'] },
	{ name: 'Canada', territory: 'NA', weight: 3, cities: ['Montreal', 'Vancouver', 'Toronto'], suffixes: ['Inc.', 'Ltd.'] },
	{ name: 'Germany', territory: 'EMEA', weight: 3, cities: ['Frankfurt', 'Munich', 'Cologne'], suffixes: ['GmbH', 'KG'] },
	{ name: 'Singapore', territory: 'APAC', weight: 2.5, cities: ['Singapore'], suffixes: ['Pte Ltd'] },
	{ name: 'Denmark', territory: 'EMEA', weight: 2.5, cities: ['Kobenhavn', 'Aarhus'], suffixes: ['ApS', 'A/S'] },
	{ name: 'Japan', territory: 'Japan', weight: 2.5, cities: ['Tokyo', 'Osaka'], suffixes: ['K.K.', 'Co. Ltd.'] },
	{ name: 'Sweden', territory: 'EMEA', weight: 2.5, cities: ['Stockholm', 'Gothenburg'], suffixes: ['AB'] },
	{ name: 'Austria', territory: 'EMEA', weight: 2, cities: ['Vienna', 'Salzburg'], suffixes: ['GmbH'] }
];

const NAME_FIRST = [
	'Alpine', 'Atlas', 'Baltic', 'Bay Area', 'Blue Ridge', 'Cobalt', 'Coastal', 'Crown', 'Golden Gate',
	'Harbor', 'Heritage', 'Iron Horse', 'Lakeside', 'Maple Leaf', 'Meridian', 'Nordic', 'Northwind',
	'Pacific', 'Redwood', 'Royal', 'Silver Arrow', 'Summit', 'Sunrise', 'Tin Toy', 'Westfield',
	'Evergreen', 'Kestrel', 'Oakridge', 'Polar', 'Riviera', 'Sterling', 'Thistle', 'Union', 'Vanguard',
	'Windmill', 'Zenith', 'Chrome', 'Cornerstone', 'Dockside', 'Falcon', 'Granite', 'Juniper',
	'Lighthouse', 'Mosaic', 'Orchard', 'Pinnacle', 'Quayside', 'Rosewood', 'Starlight', 'Tidewater'
];
const NAME_MIDDLE = [
	'Model', 'Scale Model', 'Replica', 'Collectables', 'Miniatures', 'Diecast', 'Hobby', 'Gift',
	'Toy', 'Auto Replicas', 'Classics', 'Souvenirs'
];
const NAME_KIND = ['Imports', 'Traders', 'Distributors', 'Shop', 'Store', 'Depot', 'Emporium', 'Outlet', 'Direct', 'Warehouse'];

interface ProductLine {
	name: string;
	popularity: number; // relative share of order lines
	count: number; // number of product codes
	msrp: [number, number];
	scales: string[];
}

const PRODUCT_LINES: ProductLine[] = [
	{ name: 'Classic Cars', popularity: 34, count: 37, msrp: [60, 215], scales: ['S10', 'S12', 'S18', 'S24'] },
	{ name: 'Vintage Cars', popularity: 21, count: 24, msrp: [35, 170], scales: ['S18', 'S24', 'S32'] },
	{ name: 'Motorcycles', popularity: 12, count: 13, msrp: [60, 195], scales: ['S10', 'S12', 'S18', 'S24', 'S32'] },
	{ name: 'Trucks and Buses', popularity: 11, count: 11, msrp: [55, 140], scales: ['S12', 'S18', 'S24', 'S32', 'S50'] },
	{ name: 'Planes', popularity: 11, count: 12, msrp: [50, 160], scales: ['S18', 'S24', 'S700', 'S72'] },
	{ name: 'Ships', popularity: 8, count: 9, msrp: [50, 125], scales: ['S18', 'S24', 'S700', 'S72'] },
	{ name: 'Trains', popularity: 3, count: 3, msrp: [50, 100], scales: ['S18', 'S32', 'S50'] }
];

/** Month weights for B2B orders: Q4 peak with a strong November. */
const B2B_MONTH = [0, 0.8, 0.75, 0.85, 0.8, 0.9, 0.85, 0.8, 0.9, 0.95, 1.45, 2.8, 0.9];

interface B2bProduct {
	code: string;
	line: number;
	msrp: number;
	popularity: number;
}

interface B2bCustomer {
	name: string;
	city: string;
	country: B2bCountry;
	kind: 'key' | 'regular' | 'oneoff';
	ordersPerYear: number;
	start: number;
	end: number;
	linePref: number[];
	discount: number;
}

export function generateB2bSales(seed = 20230101): string {
	const rng = new Prng(seed);
	const start = dayNumber(2023, 1, 1);
	const end = dayNumber(2025, 12, 31);
	const nDays = end - start + 1;

	// Products.
	const pr = rng.fork('products');
	const products: B2bProduct[] = [];
	const usedCodes = new Set<string>();
	PRODUCT_LINES.forEach((pl, li) => {
		for (let k = 0; k < pl.count; k++) {
			let code: string;
			do code = `${pr.pick(pl.scales)}_${pr.int(1000, 9999)}`;
			while (usedCodes.has(code));
			usedCodes.add(code);
			products.push({
				code,
				line: li,
				msrp: Math.round(pr.uniform(pl.msrp[0], pl.msrp[1])),
				popularity: pr.gamma(3, 1 / 3)
			});
		}
	});

	// Day weights: weekdays only, seasonality and ~22 %/year growth.
	const dayWeight: number[] = [];
	for (let i = 0; i < nDays; i++) {
		const p = dateParts(start + i);
		const weekday = p.dow >= 1 && p.dow <= 5;
		const holiday = (p.m === 12 && p.d >= 24) || (p.m === 1 && p.d === 1);
		dayWeight.push(weekday && !holiday ? B2B_MONTH[p.m] * Math.exp((0.2 * i) / 365) : 0);
	}
	const meanDayWeight = dayWeight.reduce((a, b) => a + b, 0) / nDays;
	const daySampler = new WeightedSampler(
		dayWeight.map((_, i) => i),
		dayWeight
	);

	// Customers.
	const cr = rng.fork('customers');
	const countrySampler = new WeightedSampler(
		B2B_COUNTRIES,
		B2B_COUNTRIES.map((c) => c.weight)
	);
	const usedNames = new Set<string>();
	const customers: B2bCustomer[] = [];
	const nCustomers = 92;
	// 6 key accounts, 24 one-off buyers, the rest regular repeat customers.
	const kinds = cr.shuffle(
		Array.from({ length: nCustomers }, (_, i): B2bCustomer['kind'] => (i < 6 ? 'key' : i < 30 ? 'oneoff' : 'regular'))
	);
	for (let i = 0; i < nCustomers; i++) {
		const country = i < B2B_COUNTRIES.length ? B2B_COUNTRIES[i] : countrySampler.draw(cr);
		let name: string;
		do {
			const base = `${cr.pick(NAME_FIRST)} ${cr.pick(NAME_MIDDLE)}`;
			name = cr.bernoulli(0.6) ? `${base} ${cr.pick(NAME_KIND)}` : base;
			if (cr.bernoulli(0.75)) name += ` ${cr.pick(country.suffixes)}`;
		} while (usedNames.has(name));
		usedNames.add(name);
		const kind = kinds[i];
		const cStart = kind === 'key' ? 0 : cr.bernoulli(0.55) ? 0 : Math.floor(cr.uniform(0, 0.75) * nDays);
		const churns = kind === 'regular' && cr.bernoulli(0.3);
		const cEnd = churns ? Math.min(nDays - 1, cStart + Math.floor(cr.uniform(300, 900))) : nDays - 1;
		customers.push({
			name,
			city: cr.pick(country.cities),
			country,
			kind,
			ordersPerYear: kind === 'key' ? cr.uniform(4.5, 8) : kind === 'regular' ? 0.75 + cr.gamma(3, 0.4) : 0,
			start: cStart,
			end: cEnd,
			linePref: PRODUCT_LINES.map((pl) => pl.popularity * cr.gamma(1.5, 1 / 1.5)),
			discount: kind === 'key' ? cr.uniform(0.04, 0.1) : cr.uniform(-0.03, 0.04)
		});
	}

	// Orders: thinned daily Bernoulli process per customer.
	const or = rng.fork('orders');
	const orders: Array<{ day: number; cust: number }> = [];
	customers.forEach((c, ci) => {
		const before = orders.length;
		if (c.kind !== 'oneoff') {
			for (let d = c.start; d <= c.end; d++) {
				if (dayWeight[d] === 0) continue;
				const p = ((c.ordersPerYear / 365) * dayWeight[d]) / meanDayWeight;
				if (or.next() < p) orders.push({ day: d, cust: ci });
			}
		}
		if (orders.length === before) {
			// One-off buyers (and regulars that drew nothing) get exactly one order.
			let d: number;
			do d = daySampler.draw(or);
			while (d < c.start || d > c.end);
			orders.push({ day: d, cust: ci });
		}
	});
	orders.sort((a, b) => a.day - b.day || a.cust - b.cust);

	// Lines.
	const lr = rng.fork('lines');
	const rows: string[] = [B2B_HEADER];
	let orderNo = 10100;
	const recentFrom = nDays - 45;
	for (const o of orders) {
		const c = customers[o.cust];
		const p = dateParts(start + o.day);
		const dateStr = `${p.m}/${p.d}/${p.y} 0:00`;
		// Status for the whole order.
		let status = 'Shipped';
		const s = lr.next();
		if (o.day >= recentFrom) {
			if (s < 0.35) status = 'In Process';
			else if (s < 0.45) status = 'On Hold';
		} else if (s < 0.02) status = 'Cancelled';
		else if (s < 0.037) status = 'Resolved';
		else if (s < 0.045) status = 'On Hold';
		else if (s < 0.05) status = 'Disputed';

		const nLines = clamp(
			Math.round(lr.normal(c.kind === 'key' ? 10 : 7, c.kind === 'key' ? 3.5 : 4)),
			1,
			18
		);
		const weights = products.map((pd) => c.linePref[pd.line] * pd.popularity / PRODUCT_LINES[pd.line].count);
		const chosen: number[] = [];
		while (chosen.length < nLines) {
			const idx = lr.weightedIndex(weights);
			chosen.push(idx);
			weights[idx] = 0;
		}
		chosen.forEach((idx, j) => {
			const pd = products[idx];
			let qty = clamp(Math.round(lr.gamma(9, c.kind === 'key' ? 4.3 : 3.8)), 6, 97);
			if (lr.bernoulli(0.03)) qty = lr.int(55, 97);
			const priceCents = Math.round(pd.msrp * lr.uniform(0.8, 1.12) * (1 - c.discount) * 100);
			const salesCents = qty * priceCents;
			const dealSize = salesCents < 300000 ? 'Small' : salesCents < 700000 ? 'Medium' : 'Large';
			rows.push(
				csvLine([
					orderNo,
					qty,
					cents(priceCents),
					j + 1,
					cents(salesCents),
					dateStr,
					status,
					Math.ceil(p.m / 3),
					p.m,
					p.y,
					PRODUCT_LINES[pd.line].name,
					pd.msrp,
					pd.code,
					c.name,
					c.city,
					c.country.name,
					c.country.territory,
					dealSize
				])
			);
		});
		orderNo++;
	}
	return rows.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// 3. CRM export (generated): customers + order lines

interface CrmProduct {
	name: string;
	category: number;
	price: number; // 2024 list price
}

const CRM_CATEGORIES = [
	'Electronics',
	'Home & Kitchen',
	'Beauty',
	'Apparel',
	'Sports & Outdoors',
	'Books & Stationery',
	'Toys & Games',
	'Food & Drink'
] as const;

const CRM_PRODUCTS: Array<[string, number, number]> = [
	['Wireless Earbuds', 0, 59.99], ['Bluetooth Speaker', 0, 39.99], ['Phone Charger', 0, 14.99],
	['Smart Watch', 0, 149.0], ['USB-C Cable', 0, 8.99], ['Power Bank', 0, 24.99],
	['Over-ear Headphones', 0, 89.99], ['Tablet Case', 0, 19.99],
	['Coffee Mug Set', 1, 18.5], ["Chef's Knife", 1, 34.0], ['Non-stick Pan', 1, 29.99],
	['Scented Candle', 1, 12.0], ['Throw Blanket', 1, 35.0], ['Storage Jars', 1, 16.0],
	['French Press', 1, 22.0], ['Cushion Cover', 1, 9.5],
	['Face Serum', 2, 24.0], ['Moisturiser', 2, 16.5], ['Lip Balm', 2, 4.5], ['Shampoo', 2, 7.99],
	['Eau de Parfum', 2, 48.0], ['Hand Cream', 2, 6.5], ['Sheet Masks (5)', 2, 9.99],
	['Organic T-shirt', 3, 14.99], ['Hoodie', 3, 39.99], ['Slim Jeans', 3, 49.99], ['Socks (3-pack)', 3, 9.99],
	['Running Shoes', 3, 79.99], ['Rain Jacket', 3, 64.99], ['Wool Scarf', 3, 19.99], ['Baseball Cap', 3, 14.0],
	['Yoga Mat', 4, 24.99], ['Water Bottle', 4, 12.99], ['Resistance Bands', 4, 15.99],
	['Dumbbell Set', 4, 54.99], ['Camping Lantern', 4, 21.99], ['Cycling Gloves', 4, 17.99],
	['Notebook', 5, 6.99], ['Paperback Novel', 5, 8.99], ['Cookbook', 5, 19.99], ['Weekly Planner', 5, 14.99],
	['Pen Set', 5, 11.99], ["Children's Picture Book", 5, 6.49],
	['Board Game', 6, 27.99], ['Jigsaw Puzzle (1000)', 6, 14.99], ['Building Blocks Set', 6, 34.99],
	['Plush Toy', 6, 12.99], ['Card Game', 6, 9.99],
	['Coffee Beans 1kg', 7, 17.99], ['Loose Leaf Tea', 7, 8.5], ['Chocolate Box', 7, 12.5],
	['Olive Oil', 7, 10.99], ['Granola', 7, 5.49]
];

/** Return probability per line, by category. */
const CRM_RETURN_RATE = [0.045, 0.02, 0.012, 0.1, 0.03, 0.01, 0.02, 0.005];
/** Extra units per line (Poisson mean at spend index 1), by category. */
const CRM_EXTRA_QTY = [0.08, 0.2, 0.5, 0.3, 0.2, 0.3, 0.15, 0.8];

const CRM_CITIES: Array<[string, number, number]> = [
	// city, share of customers, spend multiplier
	['London', 28, 1.2], ['Manchester', 9, 1.0], ['Birmingham', 9, 0.95], ['Leeds', 6, 0.95],
	['Glasgow', 6, 0.92], ['Bristol', 6, 1.05], ['Liverpool', 5, 0.9], ['Edinburgh', 5, 1.1],
	['Sheffield', 4, 0.9], ['Newcastle', 4, 0.9], ['Cardiff', 4, 0.95], ['Nottingham', 4, 0.95],
	['Leicester', 3, 0.9], ['Belfast', 3, 0.92], ['Brighton', 4, 1.12]
];

const ACQ_CHANNELS = ['Organic search', 'Paid search', 'Social media', 'Referral', 'Email', 'In store', 'Affiliate'];
const ORDER_CHANNELS = ['Web', 'Mobile app', 'Store', 'Phone'];

/** Monthly purchase-rate multipliers (Q4 peak). */
const CRM_MONTH = [0, 0.82, 0.8, 0.9, 0.92, 0.95, 0.9, 0.92, 0.9, 0.97, 1.05, 1.45, 1.4];
/** Day-of-week multipliers (0 = Sunday): Sunday peak, Saturday dip. */
const CRM_DOW = [1.25, 1.1, 1.0, 0.98, 0.98, 0.92, 0.78];

/** Deliberately unusual days (documented in static/samples/README.md). */
export const CRM_SPECIAL_DAYS = {
	flashSale: '2024-06-12', // 24-hour flash sale: ~3x orders, 25 % off, bigger baskets → ~4x revenue
	outage: '2025-03-18', // payment outage: ~88 % of that day's orders lost
	bulkOrder: '2025-09-24' // one corporate gifting order: 120 Bluetooth speakers in one line
} as const;

interface CrmCustomer {
	signup: number;
	age: number;
	gender: string;
	city: number;
	acq: string;
	loyal: boolean;
	lambda: number; // purchases per day
	dropout: number; // probability to become inactive after each purchase
	spend: number; // spend index (mean ≈ 1)
	catPref: number[];
	chanPref: number[];
	neverBuys: boolean;
}

const customerId = (i: number): string => `C${String(i + 1).padStart(5, '0')}`;

function lastFridayOfNovember(year: number): number {
	let d = dayNumber(year, 11, 30);
	while (dateParts(d).dow !== 5) d--;
	return d;
}

/** Star ratings (1–5) of unhappy and of other customers' orders. */
const CRM_STARS_UNHAPPY = [0.35, 0.3, 0.2, 0.1, 0.05];
const CRM_STARS_HAPPY = [0.03, 0.04, 0.12, 0.33, 0.48];
const CRM_REVIEWS: readonly (readonly string[])[] = [
	['Arrived broken and nobody answered my emails', 'Very disappointed, stopped working after a week', 'Late delivery and poor quality', 'Wrong item sent, the refund took weeks'],
	['Not as described, poor quality', 'Delivery was late again', 'Expected better for the price', 'Customer service was slow to reply'],
	['Okay, nothing special', 'Fine, but delivery was slow', 'Average quality for the price'],
	['Good product, quick delivery', 'Works well, happy with it', 'Nice quality for the price'],
	['Excellent, fast delivery and great quality', 'Love it, will buy again', 'Perfect, exactly as described', 'Great service, highly recommend']
];

export function generateCrm(seed = 20240101): { orders: string; customers: string } {
	const rng = new Prng(seed);
	const winStart = dayNumber(2024, 1, 1);
	const winEnd = dayNumber(2025, 12, 31);
	const preStart = dayNumber(2022, 7, 1);
	const products: CrmProduct[] = CRM_PRODUCTS.map(([name, category, price]) => ({ name, category, price }));
	const byCategory: number[][] = CRM_CATEGORIES.map((_, ci) =>
		products.flatMap((p, i) => (p.category === ci ? [i] : []))
	);

	const flashDay = dayNumber(2024, 6, 12);
	const outageDay = dayNumber(2025, 3, 18);
	const bulkDay = dayNumber(2025, 9, 24);
	const bulkProduct = products.findIndex((p) => p.name === 'Bluetooth Speaker');
	const blackFridays = [lastFridayOfNovember(2023), lastFridayOfNovember(2024), lastFridayOfNovember(2025)];

	// Purchase-intensity multiplier per day (from preStart to winEnd).
	const intensity: number[] = [];
	for (let d = preStart; d <= winEnd; d++) {
		const p = dateParts(d);
		let f = CRM_MONTH[p.m] * CRM_DOW[p.dow];
		if (p.m === 12 && p.d >= 19 && p.d <= 23) f *= 1.3; // last shipping days
		if (p.m === 12 && p.d >= 25) f *= 0.55; // post-Christmas lull
		if (p.m === 12 && p.d === 25) f *= 0.3;
		if (blackFridays.includes(d)) f *= 2.4;
		if (blackFridays.includes(d - 3)) f *= 1.7; // Cyber Monday
		if (d === flashDay) f *= 3.6;
		intensity.push(f);
	}
	const maxIntensity = Math.max(...intensity);

	// Customers.
	const cr = rng.fork('customers');
	const citySampler = new WeightedSampler(
		CRM_CITIES.map((_, i) => i),
		CRM_CITIES.map((c) => c[1])
	);
	const nCustomers = 2500;
	// Signup days: 30 % before the window (existing base), the rest growing through the window.
	const signupDays: number[] = [];
	const acqWeights: number[] = [];
	const lastSignup = dayNumber(2025, 11, 30);
	for (let d = winStart; d <= lastSignup; d++) {
		const p = dateParts(d);
		acqWeights.push((1 + (0.6 * (d - winStart)) / 700) * (p.m >= 11 ? 1.35 : p.m === 1 ? 1.2 : 1));
	}
	const acqSampler = new WeightedSampler(
		acqWeights.map((_, i) => winStart + i),
		acqWeights
	);
	for (let i = 0; i < nCustomers; i++) {
		signupDays.push(cr.bernoulli(0.3) ? cr.int(preStart, winStart - 1) : acqSampler.draw(cr));
	}
	signupDays.sort((a, b) => a - b);

	const customers: CrmCustomer[] = signupDays.map((signup) => {
		const age = clamp(Math.round(cr.normal(39, 13.5)), 18, 84);
		const g = cr.next();
		const gender = g < 0.515 ? 'Female' : g < 0.955 ? 'Male' : g < 0.985 ? 'Non-binary' : '';
		const city = citySampler.index(cr);
		const young = age < 30;
		const acq = cr.weightedPick(ACQ_CHANNELS, [
			30,
			15,
			young ? 30 : 10,
			10,
			age > 50 ? 12 : 6,
			age > 50 ? 20 : 12,
			5
		]);
		const loyal = cr.bernoulli(0.22 + (age > 35 ? 0.1 : 0) + (acq === 'In store' ? 0.1 : 0));
		// Gamma-distributed purchase rate (mean ≈ one purchase every ~7 weeks), loyalty boost.
		const lambda = cr.gamma(1.4, 1 / 1.4 / 30) * (loyal ? 1.5 : 1);
		const dropout = cr.beta(1.1, loyal ? 14 : 8);
		// Spend index: gamma heterogeneity × age × city effects.
		const ageSpend = age < 25 ? 0.72 : age < 35 ? 0.92 : age < 45 ? 1.08 : age < 55 ? 1.2 : age < 65 ? 1.15 : 1.0;
		const spend = cr.gamma(4, 1 / 4) * ageSpend * CRM_CITIES[city][2];
		// Category mix.
		const female = gender === 'Female';
		const male = gender === 'Male';
		const base = [1.0, 1.1, female ? 1.6 : male ? 0.35 : 0.9, female ? 1.25 : 0.9, male ? 1.2 : 0.8, 0.6, 0.5, 0.7];
		if (male) base[0] *= 1.6;
		if (age < 30) {
			base[0] *= 1.4;
			base[3] *= 1.3;
			base[5] *= 0.7;
		}
		if (age >= 30 && age < 46) base[6] *= 2.2; // parents
		if (age >= 55) {
			base[1] *= 1.4;
			base[5] *= 1.8;
			base[7] *= 1.5;
			base[0] *= 0.7;
			base[3] *= 0.7;
		}
		const catPref = base.map((b) => b * cr.gamma(1.2, 1 / 1.2));
		// Order channel preference.
		const mobile = clamp(0.55 - 0.009 * (age - 18), 0.05, 0.6);
		const store = acq === 'In store' ? 0.45 : 0.08 + 0.004 * (age - 18);
		const phone = age >= 60 ? 0.08 : 0.015;
		const chanPref = [Math.max(0.05, 1 - mobile - store - phone), mobile, store, phone];
		return {
			signup,
			age,
			gender,
			city,
			acq,
			loyal,
			lambda,
			dropout,
			spend,
			catPref,
			chanPref,
			neverBuys: cr.bernoulli(0.06)
		};
	});

	// Purchases (BG/NBD-like): first purchase around signup, then a seasonally modulated Poisson
	// process, with dropout after each purchase with probability p.
	const pr = rng.fork('purchases');
	interface Purchase {
		day: number;
		cust: number;
		seq: number;
	}
	const purchases: Purchase[] = [];
	customers.forEach((c, ci) => {
		if (c.neverBuys) return;
		let t = c.signup + pr.geometric(0.6); // first purchase on/just after signup
		let seq = 0;
		for (;;) {
			const day = Math.floor(t);
			if (day > winEnd) break;
			if (seq === 0 || pr.next() < intensity[day - preStart] / maxIntensity) {
				if (day >= winStart) purchases.push({ day, cust: ci, seq });
				seq++;
				if (pr.bernoulli(c.dropout)) break;
			}
			t += pr.exponential(c.lambda * maxIntensity);
		}
	});

	// Order lines.
	const lr = rng.fork('lines');
	// Feedback has its own stream, so adding it left every other column as it was. A customer's mood
	// follows their dropout probability: the customers who leave sooner are more often unhappy.
	const fr = rng.fork('feedback');
	const unhappy = customers.map((c) => fr.bernoulli(clamp(2.5 * c.dropout, 0.03, 0.7)));
	purchases.sort((a, b) => a.day - b.day || a.cust - b.cust || a.seq - b.seq);
	const orderRows: string[] = [CRM_ORDERS_HEADER];
	let orderId = 100001;
	let bulkDone = false;
	for (const pu of purchases) {
		const c = customers[pu.cust];
		const channelIdx = lr.weightedIndex(c.chanPref);
		const channel = ORDER_CHANNELS[channelIdx];
		// Payment outage: almost every order attempted that day failed (and is not in the export).
		if (pu.day === outageDay && lr.bernoulli(0.88)) continue;
		const p = dateParts(pu.day);
		const flash = pu.day === flashDay;
		const w = c.spend * lr.gamma(6, 1 / 6) * (flash ? 1.5 : 1);
		const nLines = Math.min(6, 1 + lr.poisson(0.6 * Math.pow(w, 0.7) + (flash ? 0.3 : 0)));
		const cancelled = lr.bernoulli(0.02);
		const seasonal = c.catPref.map((x, ci) => (ci === 6 && p.m >= 11 ? x * 2.5 : ci === 4 && p.m >= 5 && p.m <= 8 ? x * 1.4 : x));
		const used = new Set<number>();
		const isBulk = !bulkDone && pu.day === bulkDay;
		const rated = !cancelled && fr.bernoulli(0.45);
		const stars = rated ? 1 + fr.weightedIndex(unhappy[pu.cust] ? CRM_STARS_UNHAPPY : CRM_STARS_HAPPY) : 0;
		const review = rated && fr.bernoulli(0.5) ? fr.pick(CRM_REVIEWS[stars - 1]) : '';
		for (let j = 0; j < nLines; j++) {
			let cat = lr.weightedIndex(seasonal);
			const candidates = byCategory[cat].filter((i) => !used.has(i));
			if (candidates.length === 0) continue;
			// Higher spend index → pricier products (gamma-gamma-style spend heterogeneity).
			const tilt = 0.9 * Math.log(w);
			let prod = candidates[lr.weightedIndex(candidates.map((i) => Math.pow(products[i].price, tilt)))];
			let qty = 1 + lr.poisson(CRM_EXTRA_QTY[cat] * Math.sqrt(w) * (flash ? 1.6 : 1));
			if (isBulk && j === 0) {
				// Corporate gifting order: 120 speakers in one line.
				prod = bulkProduct;
				cat = products[prod].category;
				qty = 120;
				bulkDone = true;
			}
			used.add(prod);
			const list = p.y >= 2025 ? Math.round(products[prod].price * 104) : Math.round(products[prod].price * 100);
			let priceCents = list;
			if (flash) priceCents = Math.round(list * 0.75);
			else if (blackFridays.includes(pu.day) || blackFridays.includes(pu.day - 3)) priceCents = Math.round(list * 0.8);
			const returned = !cancelled && lr.bernoulli(CRM_RETURN_RATE[cat]);
			// A return is booked as its own negative line on the order, the convention the canonical model
			// (and the Online Retail data) use, so net revenue nets it out.
			const lines: [number, string][] = cancelled ? [[qty, 'cancelled']] : returned ? [[qty, 'completed'], [-qty, 'returned']] : [[qty, 'completed']];
			for (const [lineQty, status] of lines) {
				orderRows.push(
					csvLine([
						orderId,
						customerId(pu.cust),
						isoDate(pu.day),
						products[prod].name,
						CRM_CATEGORIES[cat],
						lineQty,
						cents(priceCents),
						channel,
						status,
						CRM_CITIES[c.city][0],
						rated ? stars : '',
						review
					])
				);
			}
		}
		orderId++;
	}

	const customerRows: string[] = [CRM_CUSTOMERS_HEADER];
	customers.forEach((c, i) => {
		customerRows.push(
			csvLine([
				customerId(i),
				c.age,
				c.gender,
				CRM_CITIES[c.city][0],
				isoDate(c.signup),
				c.acq,
				c.loyal ? 'yes' : 'no'
			])
		);
	});
	return { orders: orderRows.join('\n') + '\n', customers: customerRows.join('\n') + '\n' };
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface WrittenFile {
	file: string;
	bytes: number;
	rows: number;
}

const countRows = (csv: string): number => csv.split('\n').length - 2; // minus header and final ''

/**
 * Writes the samples into outDir. `source` is the Online Retail .csv.gz; pass null to skip
 * the real-data subset (e.g. when the source is not available).
 */
export function writeSamples(
	outDir: string,
	source: string | null = DEFAULT_RETAIL_SOURCE
): WrittenFile[] {
	mkdirSync(outDir, { recursive: true });
	const written: WrittenFile[] = [];
	const put = (file: string, content: string | Buffer, rows: number): void => {
		writeFileSync(join(outDir, file), content);
		written.push({ file, bytes: Buffer.byteLength(content), rows });
	};
	if (source !== null) {
		const subset = onlineRetailSubset(gunzipSync(readFileSync(source)).toString('utf8'));
		put(SAMPLE_FILES.onlineRetail, gzipStable(subset), countRows(subset));
	}
	const b2b = generateB2bSales();
	put(SAMPLE_FILES.b2b, b2b, countRows(b2b));
	const crm = generateCrm();
	put(SAMPLE_FILES.crmOrders, crm.orders, countRows(crm.orders));
	put(SAMPLE_FILES.crmCustomers, crm.customers, countRows(crm.customers));
	const market = generateMarketplace();
	for (const k of ['orders', 'items', 'customers', 'reviews'] as const) put(MARKETPLACE_FILES[k], market[k], countRows(market[k]));
	return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
	const args = process.argv.slice(2);
	let out = join(REPO_ROOT, 'static/samples');
	let source: string | null = DEFAULT_RETAIL_SOURCE;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--out' && args[i + 1]) out = resolve(args[++i]);
		else if (args[i] === '--source' && args[i + 1]) source = resolve(args[++i]);
		else if (args[i] === '--no-real-data') source = null;
		else {
			console.error('usage: npx tsx src/cli/generate-samples.ts [--out dir] [--source file.csv.gz] [--no-real-data]');
			process.exit(1);
		}
	}
	if (source !== null && !existsSync(source)) {
		console.error(`Online Retail source not found: ${source} (use --source or --no-real-data)`);
		process.exit(1);
	}
	for (const w of writeSamples(out, source)) {
		console.log(`${w.file.padEnd(28)} ${String(w.rows).padStart(7)} rows  ${(w.bytes / 1024).toFixed(0).padStart(6)} KiB`);
	}
}
