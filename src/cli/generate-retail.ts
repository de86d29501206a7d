/**
 * Synthetic "Online Retail"-shaped transaction log for benchmarks.
 *
 * Library:  generateRetailCsv(rows, seed)            → whole CSV as a string (small n)
 *           writeRetailCsv(path, rows, seed)          → streams to a file (large n)
 *           retailCsvChunks(rows, seed)               → generator of CSV text chunks
 * CLI:      npx tsx src/cli/generate-retail.ts --rows 1000000 --out /tmp/retail.csv [--seed 42]
 *
 * Shape (same header and formats as the UCI Online Retail file):
 *   InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
 * - ~4,000 stock codes with word-list descriptions and Zipf-like popularity,
 *   plus a few non-product codes (POST, M, D, DOT, BANK CHARGES).
 * - ~5,000 customers (ids 12346…), heavy-tailed activity, ~38 countries (UK dominant);
 *   ~20 % of rows are on guest invoices with an empty CustomerID.
 * - Invoices of 1–40 lines, numbered upwards from 536365 in date order;
 *   ~2 % are cancellations `C…` with negative quantities.
 * - InvoiceDate `YYYY-MM-DD HH:MM:SS` from 2010-12-01 to 2011-11-30, no Saturdays,
 *   business hours, Q4 peak (November highest).
 * The output has exactly `rows` data rows (the last invoice is cut short if needed),
 * LF line endings and a trailing newline. Same (rows, seed) → identical bytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Prng, WeightedSampler } from '../lib/models/random';

export const RETAIL_HEADER =
	'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

const COLOURS = [
	'WHITE', 'RED', 'PINK', 'BLUE', 'GREEN', 'IVORY', 'BLACK', 'CREAM', 'SILVER', 'GOLD',
	'PURPLE', 'ORANGE', 'YELLOW', 'NATURAL', 'GREY', 'LILAC', 'TURQUOISE', 'BROWN', 'CHOCOLATE',
	'PASTEL'
];
const MOTIFS = [
	'HANGING HEART', 'RETROSPOT', 'SPOTTY', 'VINTAGE', 'FLORAL', 'PAISLEY', 'CHRISTMAS', 'UNION JACK',
	'BIRD', 'OWL', 'ROSE', 'STAR', 'DOILY', 'REGENCY', 'SKULL', 'DOLLY GIRL', 'SPACEBOY', 'WOODLAND',
	'STRAWBERRY', 'POLKADOT', 'BAROQUE', 'JAM MAKING', 'ALPHABET', 'GINGHAM', 'CUPID', 'HEN HOUSE',
	'LOVE BIRD', 'MOROCCAN', 'SWIRLY', 'FAIRY CAKE'
];
const ITEMS = [
	'T-LIGHT HOLDER', 'LANTERN', 'COAT HANGER', 'HOT WATER BOTTLE', 'LUNCH BAG', 'JUMBO BAG',
	'CAKE CASES', 'MUG', 'TEA TOWEL', 'NOTEBOOK', 'PHOTO FRAME', 'CANDLE', 'BUNTING', 'DOORSTOP',
	'PURSE', 'SHOPPER BAG', 'PAPER NAPKINS', 'CAKE STAND', 'TEACUP AND SAUCER', 'CUSHION COVER',
	'WALL CLOCK', 'ALARM CLOCK', 'GIFT WRAP', 'TISSUES', 'PARTY BUNTING', 'STORAGE TIN',
	'BISCUIT TIN', 'SIGN', 'KEY RING', 'WATER BOTTLE', 'PENCILS', 'STICKERS', 'CHILDRENS APRON',
	'TRINKET BOX', 'DRAWER KNOB', 'HAND WARMER', 'PLATE', 'BOWL', 'RECIPE BOX', 'EGG CUP',
	'WREATH', 'GARLAND', 'DECORATION', 'MIRROR', 'PICNIC BASKET', 'SCENTED CANDLE', 'PARASOL',
	'MAGNET', 'BOOKMARK', 'PLASTERS IN TIN'
];
const SIZES = ['', '', '', '', 'SMALL ', 'LARGE ', 'MINI ', 'JUMBO ', 'SET OF 3 ', 'SET OF 6 '];

/** Country and relative weight of its customers (UK dominant, like the UCI data). */
const COUNTRIES: ReadonlyArray<readonly [string, number]> = [
	['United Kingdom', 3950], ['Germany', 95], ['France', 87], ['Spain', 31], ['Belgium', 25],
	['Switzerland', 21], ['Portugal', 19], ['Italy', 15], ['Finland', 12], ['Austria', 11],
	['Norway', 10], ['Netherlands', 9], ['Australia', 9], ['Channel Islands', 9], ['Denmark', 9],
	['Cyprus', 8], ['Sweden', 8], ['Japan', 8], ['Poland', 6], ['USA', 4], ['Israel', 4],
	['Unspecified', 4], ['Greece', 4], ['Canada', 4], ['EIRE', 3], ['Malta', 2], ['Bahrain', 2],
	['United Arab Emirates', 2], ['Lithuania', 1], ['Brazil', 1], ['Czech Republic', 1],
	['European Community', 1], ['Iceland', 1], ['Lebanon', 1], ['RSA', 1], ['Saudi Arabia', 1],
	['Singapore', 1], ['Hong Kong', 1]
];

/** Relative invoice volume by month (Dec … Nov); Q4 peak, November highest. */
const MONTH_WEIGHT: Record<number, number> = {
	1: 0.75, 2: 0.7, 3: 0.9, 4: 0.8, 5: 0.95, 6: 0.9, 7: 0.9, 8: 0.9, 9: 1.3, 10: 1.45, 11: 1.75, 12: 1.1
};
/** Relative invoice volume by weekday (0 = Sunday); no Saturday trading. */
const WEEKDAY_WEIGHT = [0.6, 1.0, 1.1, 1.1, 1.25, 0.85, 0];
/** Relative invoice volume by hour. */
const HOUR_WEIGHT: Record<number, number> = {
	7: 0.05, 8: 0.5, 9: 1.1, 10: 1.5, 11: 1.5, 12: 1.8, 13: 1.6, 14: 1.4, 15: 1.4, 16: 0.9,
	17: 0.5, 18: 0.2, 19: 0.2, 20: 0.05
};

const START_UTC = Date.UTC(2010, 11, 1);
const N_DAYS = 365; // 2010-12-01 … 2011-11-30

interface Product {
	line: string; // "StockCode,Description," with the trailing comma
	price: number; // unit price
	priceStr: string;
}

interface Customer {
	id: string;
	country: string;
	weight: number;
	qtyScale: number; // wholesalers buy larger quantities
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const money = (x: number): string => String(Math.round(x * 100) / 100);

/** Typical wholesale price points (the UCI data is full of these). */
const PRICE_POINTS = [
	0.19, 0.21, 0.29, 0.39, 0.42, 0.55, 0.65, 0.72, 0.79, 0.83, 0.85, 1.25, 1.45, 1.65, 1.95, 2.08,
	2.1, 2.46, 2.55, 2.95, 3.25, 3.39, 3.75, 4.25, 4.95, 5.95, 6.75, 7.95, 8.5, 9.95, 12.75, 14.95,
	16.95, 24.95, 39.95
];
const PRICE_POINT_WEIGHT = PRICE_POINTS.map((p) => Math.exp(-Math.abs(Math.log(p / 1.9)) * 1.3));
const QTYS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 25, 32, 36, 48, 50, 72, 96, 100, 144, 200];
const QTY_WEIGHT = [
	14, 9, 6, 5, 2, 12, 4, 6, 14, 2, 2, 5, 2, 1, 1.5, 2, 0.5, 1, 0.8, 0.6, 0.4, 0.2
];

function buildCatalog(rng: Prng): Product[] {
	const products: Product[] = [];
	const usedCodes = new Set<string>();
	const usedDesc = new Set<string>();
	const pricePick = new WeightedSampler(PRICE_POINTS, PRICE_POINT_WEIGHT);
	const suffixes = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'L', 'S'];
	while (products.length < 3995) {
		let code = String(rng.int(10002, 90214));
		if (rng.bernoulli(0.15)) code += rng.pick(suffixes);
		if (usedCodes.has(code)) continue;
		const desc = `${rng.pick(SIZES)}${rng.pick(COLOURS)} ${rng.pick(MOTIFS)} ${rng.pick(ITEMS)}`;
		if (usedDesc.has(desc)) continue;
		usedCodes.add(code);
		usedDesc.add(desc);
		const price = pricePick.draw(rng);
		products.push({ line: `${code},${desc},`, price, priceStr: money(price) });
	}
	const special: Array<[string, string, number]> = [
		['POST', 'POSTAGE', 18],
		['M', 'Manual', 2.55],
		['D', 'Discount', 5.76],
		['DOT', 'DOTCOM POSTAGE', 11.08],
		['BANK CHARGES', 'Bank Charges', 15]
	];
	for (const [code, desc, price] of special) {
		products.push({ line: `${code},${desc},`, price, priceStr: money(price) });
	}
	return products;
}

function buildCustomers(rng: Prng): Customer[] {
	const countryPick = new WeightedSampler(
		COUNTRIES.map((c) => c[0]),
		COUNTRIES.map((c) => c[1])
	);
	const customers: Customer[] = [];
	// Every country gets at least one customer, the rest by weight.
	const countries: string[] = COUNTRIES.map((c) => c[0]);
	while (countries.length < 5000) countries.push(countryPick.draw(rng));
	rng.shuffle(countries);
	let id = 12346;
	for (const country of countries) {
		id += rng.bernoulli(0.82) ? 1 : 2;
		const big = rng.bernoulli(0.02);
		customers.push({
			id: String(id),
			country,
			weight: big ? rng.gamma(2, 5) : rng.gamma(1.1, 1),
			qtyScale: big ? rng.uniform(1.5, 3) : country === 'United Kingdom' ? 1 : rng.uniform(1, 1.8)
		});
	}
	return customers;
}

interface Plan {
	catalog: Product[];
	productPick: WeightedSampler<number>;
	customerPick: WeightedSampler<number>;
	customers: Customer[];
	dayPick: WeightedSampler<number>;
	hourPick: WeightedSampler<number>;
	qtyPick: WeightedSampler<number>;
	dayStr: string[];
}

function buildPlan(rng: Prng): Plan {
	const catalog = buildCatalog(rng.fork('catalog'));
	const n = catalog.length;
	// Zipf-like popularity for products; fixed small weights for the non-product codes.
	const special: Record<string, number> = { POST: 0.12, M: 0.015, D: 0.004, DOT: 0.02, 'BANK CHARGES': 0.002 };
	const zipf = catalog.map((p, i) => special[p.line.slice(0, p.line.indexOf(','))] ?? 1 / Math.pow(i + 20, 0.8));
	const productPick = new WeightedSampler(
		Array.from({ length: n }, (_, i) => i),
		zipf
	);
	const customers = buildCustomers(rng.fork('customers'));
	const customerPick = new WeightedSampler(
		customers.map((_, i) => i),
		customers.map((c) => c.weight)
	);
	const dayW: number[] = [];
	const dayStr: string[] = [];
	for (let d = 0; d < N_DAYS; d++) {
		const dt = new Date(START_UTC + d * 86400000);
		const m = dt.getUTCMonth() + 1;
		// Christmas closure and a mild upward trend through the year.
		const closed = m === 12 && dt.getUTCDate() >= 23;
		const closedNewYear = m === 1 && dt.getUTCDate() <= 3;
		dayW.push(
			closed || closedNewYear ? 0 : MONTH_WEIGHT[m] * WEEKDAY_WEIGHT[dt.getUTCDay()] * (1 + (0.25 * d) / N_DAYS)
		);
		dayStr.push(`${dt.getUTCFullYear()}-${pad2(m)}-${pad2(dt.getUTCDate())} `);
	}
	const hours = Object.keys(HOUR_WEIGHT).map(Number);
	return {
		catalog,
		productPick,
		customerPick,
		customers,
		dayPick: new WeightedSampler(
			dayW.map((_, i) => i),
			dayW
		),
		hourPick: new WeightedSampler(
			hours,
			hours.map((h) => HOUR_WEIGHT[h])
		),
		qtyPick: new WeightedSampler(QTYS, QTY_WEIGHT),
		dayStr
	};
}

/**
 * Yields the CSV (header first) in chunks of roughly `chunkRows` rows.
 * Invoice times are drawn first, sorted, then numbered, so invoice numbers rise with time.
 */
export function* retailCsvChunks(rows: number, seed = 42, chunkRows = 20000): Generator<string> {
	if (!Number.isInteger(rows) || rows < 0) throw new RangeError('rows must be a non-negative integer');
	const rng = new Prng(seed);
	const plan = buildPlan(rng.fork('plan'));
	const { catalog, customers } = plan;

	// Invoice sizes until the row budget is met (mean ≈ 17 lines).
	const sizeRng = rng.fork('sizes');
	const sizes: number[] = [];
	const cancel: boolean[] = [];
	let total = 0;
	while (total < rows) {
		const c = sizeRng.bernoulli(0.02);
		let s = c ? 1 + Math.min(4, sizeRng.geometric(0.55)) : 1 + Math.min(39, Math.floor(sizeRng.gamma(1.15, 14)));
		if (total + s > rows) s = rows - total;
		sizes.push(s);
		cancel.push(c);
		total += s;
	}
	// Times: minute-of-period per invoice, sorted.
	const timeRng = rng.fork('times');
	const nInv = sizes.length;
	const times = new Float64Array(nInv);
	for (let i = 0; i < nInv; i++) {
		const day = plan.dayPick.draw(timeRng);
		const hour = plan.hourPick.draw(timeRng);
		times[i] = day * 1440 + hour * 60 + timeRng.int(0, 59);
	}
	times.sort();

	const lineRng = rng.fork('lines');
	let invNo = 536365;
	yield RETAIL_HEADER + '\n';
	let buf: string[] = [];
	for (let i = 0; i < nInv; i++) {
		const t = times[i];
		const day = Math.floor(t / 1440);
		const minOfDay = t - day * 1440;
		const date = `${plan.dayStr[day]}${pad2(Math.floor(minOfDay / 60))}:${pad2(minOfDay % 60)}:00`;
		const isCancel = cancel[i];
		const inv = (isCancel ? 'C' : '') + String(invNo);
		invNo += 1 + (lineRng.bernoulli(0.1) ? 1 : 0);
		// Guest checkouts (no CustomerID) are ~20 % of rows: mostly UK, bigger baskets.
		const guest = !isCancel && lineRng.bernoulli(0.2);
		let custId = '';
		let country = 'United Kingdom';
		let qtyScale = 1;
		if (!guest) {
			const c = customers[plan.customerPick.index(lineRng)];
			custId = c.id;
			country = c.country;
			qtyScale = c.qtyScale;
		} else if (lineRng.bernoulli(0.03)) {
			country = lineRng.pick(['EIRE', 'France', 'Germany', 'Hong Kong', 'Unspecified']);
		}
		const tail = `,${date},`;
		const tail2 = `,${custId},${country}\n`;
		for (let j = 0; j < sizes[i]; j++) {
			const p = catalog[plan.productPick.index(lineRng)];
			let q = plan.qtyPick.draw(lineRng);
			if (qtyScale > 1 && q >= 6) q = Math.round(q * qtyScale);
			if (guest) q = Math.max(1, Math.round(q / 3));
			if (isCancel) q = -Math.max(1, Math.round(q / (1 + lineRng.int(0, 2))));
			// Guests pay retail prices (about double), as in the UCI data.
			const price = guest && p.price < 20 ? money(p.price * 2) : p.priceStr;
			buf.push(inv, ',', p.line, String(q), tail, price, tail2);
		}
		if (buf.length >= chunkRows * 7) {
			yield buf.join('');
			buf = [];
		}
	}
	if (buf.length) yield buf.join('');
}

/** Whole CSV as one string (header + `rows` rows). Use writeRetailCsv for large n. */
export function generateRetailCsv(rows: number, seed = 42): string {
	let s = '';
	for (const chunk of retailCsvChunks(rows, seed)) s += chunk;
	return s;
}

/** Streams the CSV to `path`; returns the number of bytes written. */
export function writeRetailCsv(path: string, rows: number, seed = 42): number {
	const fd = openSync(path, 'w');
	let bytes = 0;
	try {
		for (const chunk of retailCsvChunks(rows, seed)) {
			const b = Buffer.from(chunk, 'utf8');
			let off = 0;
			while (off < b.length) off += writeSync(fd, b, off);
			bytes += b.length;
		}
	} finally {
		closeSync(fd);
	}
	return bytes;
}

function parseArgs(argv: string[]): { rows: number; out: string; seed: number } {
	let rows = 1_000_000;
	let out = '';
	let seed = 42;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const v = argv[i + 1];
		if (a === '--rows' && v !== undefined) {
			rows = Number(v.replace(/_/g, ''));
			i++;
		} else if (a === '--out' && v !== undefined) {
			out = v;
			i++;
		} else if (a === '--seed' && v !== undefined) {
			seed = Number(v);
			i++;
		} else if (a === '--help' || a === '-h') {
			out = '';
			rows = -1;
		} else {
			throw new Error(`unknown argument: ${a}`);
		}
	}
	if (!out || !Number.isInteger(rows) || rows < 0 || !Number.isInteger(seed)) {
		throw new Error(
			'usage: npx tsx src/cli/generate-retail.ts --rows 1000000 --out /tmp/retail.csv [--seed 42]'
		);
	}
	return { rows, out, seed };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
	try {
		const { rows, out, seed } = parseArgs(process.argv.slice(2));
		const t0 = performance.now();
		const bytes = writeRetailCsv(out, rows, seed);
		const ms = performance.now() - t0;
		console.log(
			`wrote ${rows.toLocaleString('en-US')} rows (${(bytes / 1e6).toFixed(1)} MB) to ${out} in ${(ms / 1000).toFixed(2)} s`
		);
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
}
