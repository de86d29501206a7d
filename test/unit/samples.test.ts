/**
 * Checks for the shipped sample data (static/samples/) and the benchmark generator.
 * Plausibility checks re-read the files with a plain CSV split and recompute everything here,
 * independently of the generator code.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSamples } from '../../src/cli/generate-samples';
import { generateRetailCsv, writeRetailCsv } from '../../src/cli/generate-retail';
import { needDatasets, datasetPath } from '../datasets';
import { split } from '../plain-csv';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = join(ROOT, 'static/samples');
const RETAIL_SOURCE = datasetPath('online_retail_2010-2011.csv.gz');
const retailSource = needDatasets('online_retail_2010-2011.csv.gz');
const MB = 1024 * 1024;

const RETAIL_HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
const B2B_HEADER =
	'ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERLINENUMBER,SALES,ORDERDATE,STATUS,QTR_ID,MONTH_ID,YEAR_ID,PRODUCTLINE,MSRP,PRODUCTCODE,CUSTOMERNAME,CITY,COUNTRY,TERRITORY,DEALSIZE';
const CRM_ORDERS_HEADER = 'order_id,customer_id,order_date,product,category,quantity,unit_price,channel,status,city,review_score,review_text';
const CRM_CUSTOMERS_HEADER = 'customer_id,age,gender,city,signup_date,acquisition_channel,loyalty_member';

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Text → lines without the final empty one; asserts LF endings and a trailing newline. */
function lines(text: string): string[] {
	expect(text.endsWith('\n')).toBe(true);
	expect(text.includes('\r')).toBe(false);
	return text.slice(0, -1).split('\n');
}

function readCsv(file: string): { header: string; rows: string[][] } {
	const l = lines(readFileSync(join(SAMPLES, file), 'utf8'));
	return { header: l[0], rows: l.slice(1).map(split) };
}

const fnv1a = (s: string): number => {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
};
const median = (xs: number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const dayMs = 86400000;

/**
 * Collects per-row failures so that big files cost one assertion, not one per row
 * (Vitest's expect() is too slow to call a million times).
 */
class Problems {
	readonly list: string[] = [];
	count = 0;
	check(ok: boolean, what: string): void {
		if (ok) return;
		this.count++;
		if (this.list.length < 10) this.list.push(what);
	}
	assertNone(): void {
		expect(this.list, `${this.count} problem(s)`).toEqual([]);
	}
}
const isoDay = (s: string): number => Date.parse(s + 'T00:00:00Z') / dayMs;

describe('static/samples', () => {
	it('every file is < 5 MB and the listed files exist', () => {
		const files = readdirSync(SAMPLES);
		for (const f of ['online-retail-sample.csv.gz', 'b2b-sales.csv', 'crm-orders.csv', 'crm-customers.csv', 'README.md']) {
			expect(files).toContain(f);
		}
		for (const f of files) expect(statSync(join(SAMPLES, f)).size, f).toBeLessThan(5 * MB);
		expect(statSync(join(SAMPLES, 'online-retail-sample.csv.gz')).size).toBeLessThanOrEqual(3 * MB);
	});

	describe('generated files are reproducible', () => {
		let dir = '';
		beforeAll(() => {
			dir = mkdtempSync(join(tmpdir(), 'samples-'));
			writeSamples(dir, null); // synthetic files only
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));
		for (const f of ['b2b-sales.csv', 'crm-orders.csv', 'crm-customers.csv']) {
			it(`${f} regenerates byte-identically`, () => {
				expect(sha256(readFileSync(join(dir, f)))).toBe(sha256(readFileSync(join(SAMPLES, f))));
			});
		}
	});
});

describe('online-retail-sample.csv.gz (real UCI subset)', () => {
	const gz = readFileSync(join(SAMPLES, 'online-retail-sample.csv.gz'));
	const text = gunzipSync(gz).toString('utf8');
	const sample = lines(text);
	const rows = sample.slice(1).map(split);

	it('is a stable gzip stream with the exact header', () => {
		expect(gz[0]).toBe(0x1f);
		expect(gz[1]).toBe(0x8b);
		expect(gz.readUInt32LE(4)).toBe(0); // mtime 0
		expect(sample[0]).toBe(RETAIL_HEADER);
		expect(rows.filter((r) => r.length !== 8)).toEqual([]);
	});

	it('follows the subset rule and keeps returns and guest rows', () => {
		const customers = new Set<string>();
		const bad = new Problems();
		let guests = 0;
		let cancels = 0;
		for (const r of rows) {
			if (r[6] === '') {
				guests++;
				bad.check(fnv1a(r[0]) % 4 === 0, `guest invoice ${r[0]} not selected by hash`);
			} else {
				bad.check(Number(r[6]) % 4 === 0, `customer ${r[6]} not selected by id`);
				customers.add(r[6]);
			}
			if (r[0].startsWith('C')) cancels++;
		}
		bad.assertNone();
		expect(rows.length).toBeGreaterThan(100_000);
		expect(rows.length).toBeLessThan(170_000);
		expect(guests / rows.length).toBeGreaterThan(0.15);
		expect(guests / rows.length).toBeLessThan(0.35);
		expect(cancels).toBeGreaterThan(1000);
		expect(customers.size).toBeGreaterThan(900);
		expect(customers.size).toBeLessThan(1300);
	});

	it.skipIf(retailSource.missing)(
		retailSource.title('contains exactly the source rows of its invoices and customers, unchanged and in order'),
		() => {
			const src = lines(gunzipSync(readFileSync(RETAIL_SOURCE)).toString('utf8'));
			expect(src[0]).toBe(RETAIL_HEADER);
			const invoices = new Set(rows.map((r) => r[0]));
			const customers = new Set(rows.map((r) => r[6]).filter((c) => c !== ''));
			const expected: string[] = [];
			let partialCustomers = 0;
			let ruleMismatches = 0;
			for (let i = 1; i < src.length; i++) {
				const f = split(src[i]);
				const keepInvoice = invoices.has(f[0]);
				// A kept customer is kept with all of their rows.
				if (f[6] !== '' && customers.has(f[6]) && !keepInvoice) partialCustomers++;
				// The rule, applied to the source, selects exactly the sample.
				const rule = f[6] !== '' ? Number(f[6]) % 4 === 0 : fnv1a(f[0]) % 4 === 0;
				if (rule !== keepInvoice) ruleMismatches++;
				if (keepInvoice) expected.push(src[i]);
			}
			expect(partialCustomers).toBe(0);
			expect(ruleMismatches).toBe(0);
			// Same lines, same order: every row is from the source and invoices are whole.
			expect(sample.length - 1).toBe(expected.length);
			expect(sha256(sample.slice(1).join('\n'))).toBe(sha256(expected.join('\n')));
		},
		30_000
	);
});

describe('b2b-sales.csv', () => {
	const { header, rows } = readCsv('b2b-sales.csv');
	const col = (name: string): number => B2B_HEADER.split(',').indexOf(name);
	const [ON, QTY, PRICE, LN, SALES, DATE, STATUS, QTR, MON, YEAR, PL, MSRP, CODE, CUST, , COUNTRY, TERR, DEAL] =
		B2B_HEADER.split(',').map((n) => col(n));

	it('has the exact header and ~3,000 lines', () => {
		expect(header).toBe(B2B_HEADER);
		expect(rows.length).toBeGreaterThan(2500);
		expect(rows.length).toBeLessThan(3500);
		expect(rows.filter((r) => r.length !== 18)).toEqual([]);
	});

	it('has consistent numbers, dates and deal sizes on every row', () => {
		const bad = new Problems();
		const statuses = new Set(['Shipped', 'Cancelled', 'Resolved', 'On Hold', 'In Process', 'Disputed']);
		rows.forEach((r, i) => {
			const at = `row ${i + 2}`;
			const q = Number(r[QTY]);
			const p = Number(r[PRICE]);
			const s = Number(r[SALES]);
			bad.check(Number.isInteger(q) && q > 0, `${at}: QUANTITYORDERED ${r[QTY]}`);
			bad.check(p > 0, `${at}: PRICEEACH ${r[PRICE]}`);
			bad.check(Math.abs(q * p - s) <= 0.01, `${at}: SALES ${s} != ${q} x ${p}`);
			bad.check(r[DEAL] === (s < 3000 ? 'Small' : s < 7000 ? 'Medium' : 'Large'), `${at}: DEALSIZE ${r[DEAL]} for ${s}`);
			const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) 0:00$/.exec(r[DATE]);
			bad.check(m !== null, `${at}: ORDERDATE ${r[DATE]}`);
			if (m === null) return;
			const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
			const t = Date.UTC(y, mo - 1, d);
			bad.check(new Date(t).getUTCDate() === d, `${at}: invalid date ${r[DATE]}`);
			bad.check(t >= Date.UTC(2023, 0, 1) && t <= Date.UTC(2025, 11, 31), `${at}: date out of range`);
			bad.check(Number(r[MON]) === mo && Number(r[YEAR]) === y && Number(r[QTR]) === Math.ceil(mo / 3), `${at}: QTR/MONTH/YEAR`);
			bad.check(Number(r[MSRP]) > 0, `${at}: MSRP`);
			bad.check(/^S\d+_\d{4}$/.test(r[CODE]), `${at}: PRODUCTCODE ${r[CODE]}`);
			bad.check(statuses.has(r[STATUS]), `${at}: STATUS ${r[STATUS]}`);
		});
		bad.assertNone();
	});

	it('has whole orders with numbered lines and one customer/date/status each', () => {
		const orders = new Map<string, string[][]>();
		for (const r of rows) orders.set(r[ON], [...(orders.get(r[ON]) ?? []), r]);
		const bad = new Problems();
		for (const [on, ls] of orders) {
			bad.check(ls.every((r, i) => Number(r[LN]) === i + 1), `order ${on}: line numbers`);
			bad.check(
				ls.every((r) => r[CUST] === ls[0][CUST] && r[DATE] === ls[0][DATE] && r[STATUS] === ls[0][STATUS]),
				`order ${on}: mixed customer/date/status`
			);
			bad.check(new Set(ls.map((r) => r[CODE])).size === ls.length, `order ${on}: repeated product`);
		}
		bad.assertNone();
	});

	it('looks like a B2B business: lines, customers, countries, seasonality, growth', () => {
		expect(new Set(rows.map((r) => r[PL]))).toEqual(
			new Set(['Classic Cars', 'Vintage Cars', 'Motorcycles', 'Trucks and Buses', 'Planes', 'Ships', 'Trains'])
		);
		const custOrders = new Map<string, Set<string>>();
		for (const r of rows) custOrders.set(r[CUST], (custOrders.get(r[CUST]) ?? new Set()).add(r[ON]));
		expect(custOrders.size).toBeGreaterThanOrEqual(80);
		expect(custOrders.size).toBeLessThanOrEqual(100);
		const counts = [...custOrders.values()].map((s) => s.size);
		expect(counts.filter((n) => n >= 10).length).toBeGreaterThanOrEqual(5); // big repeat accounts
		expect(counts.filter((n) => n === 1).length).toBeGreaterThanOrEqual(10); // one-off buyers
		const countries = new Map<string, string>();
		for (const r of rows) {
			if (countries.has(r[COUNTRY])) expect(countries.get(r[COUNTRY])).toBe(r[TERR]);
			countries.set(r[COUNTRY], r[TERR]);
		}
		expect(countries.size).toBeGreaterThanOrEqual(12);
		const cancelled = rows.filter((r) => r[STATUS] === 'Cancelled').length / rows.length;
		expect(cancelled).toBeGreaterThan(0.005);
		expect(cancelled).toBeLessThan(0.05);
		expect(rows.filter((r) => r[STATUS] === 'Shipped').length / rows.length).toBeGreaterThan(0.85);
		const byMonth = new Array<number>(13).fill(0);
		const byYear = new Map<string, number>();
		let q4 = 0;
		let total = 0;
		for (const r of rows) {
			const s = Number(r[SALES]);
			byMonth[Number(r[MON])] += s;
			byYear.set(r[YEAR], (byYear.get(r[YEAR]) ?? 0) + s);
			if (r[QTR] === '4') q4 += s;
			total += s;
		}
		expect(byMonth.indexOf(Math.max(...byMonth))).toBe(11); // November peak
		expect(q4 / total).toBeGreaterThan(0.3);
		expect(byYear.get('2025')!).toBeGreaterThan(byYear.get('2024')!);
		expect(byYear.get('2024')!).toBeGreaterThan(byYear.get('2023')!);
	});
});

describe('crm-orders.csv + crm-customers.csv', () => {
	const cust = readCsv('crm-customers.csv');
	const ord = readCsv('crm-orders.csv');
	const customers = new Map(cust.rows.map((r) => [r[0], r]));

	it('have the exact headers and sizes', () => {
		expect(cust.header).toBe(CRM_CUSTOMERS_HEADER);
		expect(ord.header).toBe(CRM_ORDERS_HEADER);
		expect(cust.rows.length).toBe(2500);
		expect(customers.size).toBe(2500);
		expect(ord.rows.length).toBeGreaterThanOrEqual(25_000);
		expect(ord.rows.length).toBeLessThanOrEqual(40_000);
	});

	it('has valid customer demographics', () => {
		const genders = new Map<string, number>();
		const bad = new Problems();
		for (const r of cust.rows) {
			const age = Number(r[1]);
			bad.check(r.length === 7, `${r[0]}: ${r.length} fields`);
			bad.check(/^C\d{5}$/.test(r[0]), `customer_id ${r[0]}`);
			bad.check(Number.isInteger(age) && age >= 18 && age <= 100, `${r[0]}: age ${r[1]}`);
			bad.check(/^\d{4}-\d{2}-\d{2}$/.test(r[4]) && isoDay(r[4]) <= isoDay('2025-12-31'), `${r[0]}: signup ${r[4]}`);
			bad.check(r[6] === 'yes' || r[6] === 'no', `${r[0]}: loyalty_member ${r[6]}`);
			genders.set(r[2], (genders.get(r[2]) ?? 0) + 1);
		}
		bad.assertNone();
		expect([...genders.keys()].sort()).toEqual(['', 'Female', 'Male', 'Non-binary']);
		expect(genders.get('')!).toBeLessThan(100);
	});

	it('has valid order lines that reference existing customers', () => {
		const orderKey = new Map<string, string>();
		const bad = new Problems();
		const channels = new Set(['Web', 'Mobile app', 'Store', 'Phone']);
		const statuses = new Set(['completed', 'returned', 'cancelled']);
		const [from, to] = [isoDay('2024-01-01'), isoDay('2025-12-31')];
		ord.rows.forEach((r, i) => {
			const at = `row ${i + 2}`;
			const c = customers.get(r[1]);
			bad.check(r.length === 12, `${at}: ${r.length} fields`);
			bad.check(c !== undefined, `${at}: unknown customer ${r[1]}`);
			if (c === undefined) return;
			const day = isoDay(r[2]);
			bad.check(/^\d{4}-\d{2}-\d{2}$/.test(r[2]) && day >= from && day <= to, `${at}: order_date ${r[2]}`);
			bad.check(day >= isoDay(c[4]), `${at}: order before signup`);
			bad.check(r[9] === c[3], `${at}: city ${r[9]} != customer city ${c[3]}`);
			const q = Number(r[5]);
			// Returns are negative lines right after the sale they undo (same order, product, price).
			bad.check(Number.isInteger(q) && q !== 0 && q < 0 === (r[8] === 'returned'), `${at}: quantity ${r[5]} with status ${r[8]}`);
			if (q < 0) {
				const sale = ord.rows[i - 1];
				bad.check(sale !== undefined && sale[0] === r[0] && sale[3] === r[3] && sale[6] === r[6] && Number(sale[5]) === -q, `${at}: return without its sale line`);
			}
			bad.check(/^\d+\.\d{2}$/.test(r[6]) && Number(r[6]) > 0, `${at}: unit_price ${r[6]}`);
			bad.check(channels.has(r[7]), `${at}: channel ${r[7]}`);
			bad.check(statuses.has(r[8]), `${at}: status ${r[8]}`);
			const key = `${r[1]}|${r[2]}|${r[7]}`;
			bad.check((orderKey.get(r[0]) ?? key) === key, `${at}: order ${r[0]} mixes customer/date/channel`);
			orderKey.set(r[0], key);
		});
		bad.assertNone();
		const share = (s: string): number => ord.rows.filter((r) => r[8] === s).length / ord.rows.length;
		expect(share('cancelled')).toBeGreaterThan(0.005);
		expect(share('cancelled')).toBeLessThan(0.05);
		expect(share('returned')).toBeGreaterThan(0.01);
		expect(share('returned')).toBeLessThan(0.08);
	});

	it('has 1–5 ratings, one per order, with short review texts, and unhappy customers churn more', () => {
		const orderRating = new Map<string, string>();
		const bad = new Problems();
		const lastByCust = new Map<string, string>();
		ord.rows.forEach((r, i) => {
			const at = `row ${i + 2}`;
			bad.check(r[10] === '' || /^[1-5]$/.test(r[10]), `${at}: review_score ${r[10]}`);
			bad.check(r[11] === '' || r[10] !== '', `${at}: review text without a score`);
			bad.check(r[8] !== 'cancelled' || r[10] === '', `${at}: a cancelled order is rated`);
			bad.check((orderRating.get(r[0]) ?? r[10]) === r[10], `${at}: order ${r[0]} has two ratings`);
			orderRating.set(r[0], r[10]);
			if (r[8] !== 'cancelled' && r[2] > (lastByCust.get(r[1]) ?? '')) lastByCust.set(r[1], r[2]);
		});
		bad.assertNone();
		const rated = [...orderRating.values()].filter((v) => v !== '');
		expect(rated.length / orderRating.size).toBeGreaterThan(0.35);
		expect(rated.length / orderRating.size).toBeLessThan(0.5);
		expect(ord.rows.filter((r) => r[11] !== '').length).toBeGreaterThan(1000);
		// Per customer: mean of their order ratings; unhappy = mean ≤ 2; churned = no order in the 90 days before 2026-01-01.
		const ratingsByCust = new Map<string, number[]>();
		const customerOf = new Map(ord.rows.map((r) => [r[0], r[1]]));
		for (const [order, v] of orderRating) if (v !== '') ratingsByCust.set(customerOf.get(order)!, [...(ratingsByCust.get(customerOf.get(order)!) ?? []), Number(v)]);
		const churnRate = (unhappy: boolean) => {
			const group = [...ratingsByCust].filter(([, vs]) => vs.reduce((a, b) => a + b, 0) / vs.length <= 2 === unhappy).map(([c]) => c);
			return group.filter((c) => isoDay(lastByCust.get(c)!) < isoDay('2025-10-03')).length / group.length;
		};
		expect(churnRate(true)).toBeGreaterThan(churnRate(false) + 0.1);
	});

	it('has repeat buyers, churn, seasonality and the planted unusual days', () => {
		const revByDay = new Map<number, number>();
		const ordersByCust = new Map<string, Set<string>>();
		const lastByCust = new Map<string, number>();
		for (const r of ord.rows) {
			const d = isoDay(r[2]);
			revByDay.set(d, (revByDay.get(d) ?? 0) + Number(r[5]) * Number(r[6]));
			ordersByCust.set(r[1], (ordersByCust.get(r[1]) ?? new Set()).add(r[0]));
			lastByCust.set(r[1], Math.max(lastByCust.get(r[1]) ?? 0, d));
		}
		const buyers = [...ordersByCust.values()].map((s) => s.size);
		expect(buyers.filter((n) => n >= 2).length / buyers.length).toBeGreaterThan(0.5);
		// Churn: a good share of buyers placed no order in the last 6 months.
		const lapsed = [...lastByCust.values()].filter((d) => d < isoDay('2025-07-01')).length;
		expect(lapsed / lastByCust.size).toBeGreaterThan(0.15);

		const rev = (iso: string): number => revByDay.get(isoDay(iso)) ?? 0;
		const neighbours = (iso: string): number => {
			const d0 = isoDay(iso);
			const xs: number[] = [];
			for (let k = -28; k <= 28; k++) if (k !== 0) xs.push(revByDay.get(d0 + k) ?? 0);
			return median(xs);
		};
		expect(rev('2024-06-12') / neighbours('2024-06-12')).toBeGreaterThan(3); // flash sale
		expect(rev('2025-03-18') / neighbours('2025-03-18')).toBeLessThan(0.35); // outage
		expect(rev('2025-09-24') / neighbours('2025-09-24')).toBeGreaterThan(2.5); // bulk order

		const byMonth = (ym: string): number =>
			[...revByDay].filter(([d]) => new Date(d * dayMs).toISOString().startsWith(ym)).reduce((a, [, v]) => a + v, 0);
		for (const y of ['2024', '2025']) {
			const q4 = byMonth(`${y}-10`) + byMonth(`${y}-11`) + byMonth(`${y}-12`);
			const q2 = byMonth(`${y}-04`) + byMonth(`${y}-05`) + byMonth(`${y}-06`);
			expect(q4).toBeGreaterThan(q2 * 1.2);
		}
		// Weekly pattern: Sundays busier than Saturdays.
		const byDow = new Array<number>(7).fill(0);
		for (const [d, v] of revByDay) byDow[new Date(d * dayMs).getUTCDay()] += v;
		expect(byDow[0]).toBeGreaterThan(byDow[6] * 1.2);
	});
});

describe('generate-retail (benchmark generator)', () => {
	const n = 10_000;
	const csv = generateRetailCsv(n, 7);
	const ls = lines(csv);
	const rows = ls.slice(1).map(split);

	it('writes exactly n rows with the exact header, deterministically', () => {
		expect(ls[0]).toBe(RETAIL_HEADER);
		expect(rows.length).toBe(n);
		expect(generateRetailCsv(n, 7)).toBe(csv);
		expect(generateRetailCsv(n, 8)).not.toBe(csv);
		expect(generateRetailCsv(0)).toBe(RETAIL_HEADER + '\n');
		expect(lines(generateRetailCsv(1234)).length).toBe(1235);
	});

	it('streams the same bytes to a file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'retail-'));
		try {
			const file = join(dir, 'r.csv');
			const bytes = writeRetailCsv(file, n, 7);
			const onDisk = readFileSync(file);
			expect(bytes).toBe(onDisk.length);
			expect(onDisk.toString('utf8')).toBe(csv);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('produces valid, plausible fields', () => {
		const invoiceRows = new Map<string, number>();
		const countries = new Map<string, number>();
		const bad = new Problems();
		let missing = 0;
		let prevInvoice = '';
		const seenInvoices = new Set<string>();
		const [from, to] = [Date.UTC(2010, 11, 1), Date.UTC(2011, 11, 1)];
		rows.forEach((r, i) => {
			const at = `row ${i + 2}`;
			bad.check(r.length === 8, `${at}: ${r.length} fields`);
			const [inv, code, desc, qty, date, price, custId, country] = r;
			bad.check(/^C?\d{6}$/.test(inv), `${at}: InvoiceNo ${inv}`);
			bad.check(code.length > 0 && desc.length > 0, `${at}: StockCode/Description`);
			const q = Number(qty);
			bad.check(Number.isInteger(q) && q !== 0 && q < 0 === inv.startsWith('C'), `${at}: Quantity ${qty} on ${inv}`);
			const t = Date.parse(date.replace(' ', 'T') + 'Z');
			bad.check(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(date) && t >= from && t < to, `${at}: InvoiceDate ${date}`);
			bad.check(/^\d+(\.\d{1,2})?$/.test(price), `${at}: UnitPrice ${price}`);
			bad.check(custId === '' || /^\d{5}$/.test(custId), `${at}: CustomerID ${custId}`);
			if (custId === '') missing++;
			countries.set(country, (countries.get(country) ?? 0) + 1);
			// Invoices are contiguous blocks.
			if (inv !== prevInvoice) {
				bad.check(!seenInvoices.has(inv), `${at}: invoice ${inv} is split`);
				seenInvoices.add(inv);
				prevInvoice = inv;
			}
			invoiceRows.set(inv, (invoiceRows.get(inv) ?? 0) + 1);
		});
		bad.assertNone();
		expect(Math.max(...invoiceRows.values())).toBeLessThanOrEqual(40);
		expect(missing / n).toBeGreaterThan(0.1);
		expect(missing / n).toBeLessThan(0.3);
		expect(countries.get('United Kingdom')! / n).toBeGreaterThan(0.7);
		expect(countries.size).toBeGreaterThanOrEqual(10);
		const cancelInvoices = [...invoiceRows.keys()].filter((k) => k.startsWith('C')).length;
		expect(cancelInvoices / invoiceRows.size).toBeGreaterThan(0.005);
		expect(cancelInvoices / invoiceRows.size).toBeLessThan(0.05);
		expect(new Set(rows.map((r) => r[1])).size).toBeGreaterThan(1500);
	});
});
