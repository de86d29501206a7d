/**
 * Zero-click mapping on real headers (the first rows of the real files, so value shapes are real),
 * file roles, and the header signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { headerSignature, suggestMapping } from '../../../src/lib/ingest/automap';
import { loadFiles } from '../../../src/lib/ingest/load';
import type { InputFile, MappingSuggestion } from '../../../src/lib/ingest/types';
import { needDatasets } from '../../datasets';
import { DATASETS, SAMPLES, fixture, headOf, loadPaths } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => {
	await engine.close();
});

async function suggest(inputs: InputFile[]): Promise<MappingSuggestion> {
	const r = await loadFiles(engine, inputs);
	expect(r.failures).toEqual([]);
	return suggestMapping(r.files);
}

describe('zero-click mapping of real headers', () => {
	const retail = needDatasets('online_retail_2010-2011.csv.gz');
	it.skipIf(retail.missing)(retail.title('Online Retail (InvoiceNo, StockCode, Description, …, CustomerID)'), async () => {
		const s = await suggest([headOf(`${DATASETS}/online_retail_2010-2011.csv.gz`, 'online_retail_2010-2011.csv')]);
		expect(s.mapping.files[0].role).toBe('transactions');
		expect(s.mapping.files[0].fields).toEqual({
			order_id: 'InvoiceNo',
			customer_id: 'CustomerID',
			order_ts: 'InvoiceDate',
			product: 'Description',
			quantity: 'Quantity',
			unit_price: 'UnitPrice',
			country: 'Country'
		});
		// The product name wins over the stock code; the code is recorded.
		expect(s.files[0].productCode).toBe('StockCode');
		expect(s.problems).toEqual([]);
		expect(s.disabledAnalyses.map((d) => d.analysis).sort()).toEqual(['categories', 'demographics', 'feedback', 'status']);
	});

	const retail2 = needDatasets('online_retail_II_2009-2010.csv.gz');
	it.skipIf(retail2.missing)(retail2.title('Online Retail II (Invoice, Price, "Customer ID")'), async () => {
		const s = await suggest([headOf(`${DATASETS}/online_retail_II_2009-2010.csv.gz`, 'online_retail_II.csv')]);
		expect(s.mapping.files[0].fields).toEqual({
			order_id: 'Invoice',
			customer_id: 'Customer ID',
			order_ts: 'InvoiceDate',
			product: 'Description',
			quantity: 'Quantity',
			unit_price: 'Price',
			country: 'Country'
		});
	});

	const sales = needDatasets('sales_data_sample.csv');
	it.each([
		...(sales.missing ? [] : [['sales_data_sample.csv', `${DATASETS}/sales_data_sample.csv`]]),
		['b2b-sales.csv', `${SAMPLES}/b2b-sales.csv`]
	])('%s (ORDERNUMBER, QUANTITYORDERED, PRICEEACH, SALES, …)', async (name, path) => {
		const s = await suggest([headOf(path, name)]);
		const m = s.mapping.files[0];
		expect(m.role).toBe('transactions');
		expect(m.fields).toEqual({
			order_id: 'ORDERNUMBER',
			customer_id: 'CUSTOMERNAME',
			order_ts: 'ORDERDATE',
			product: 'PRODUCTCODE',
			category: 'PRODUCTLINE',
			quantity: 'QUANTITYORDERED',
			unit_price: 'PRICEEACH',
			revenue: 'SALES',
			country: 'COUNTRY',
			region: 'TERRITORY',
			status: 'STATUS',
			deal_size: 'DEALSIZE'
		});
		// The customer's city is a customer detail.
		expect(m.attributes).toEqual({ city: 'CITY' });
		for (const c of Object.values(s.files[0].fields)) {
			expect(c!.confidence).toBeGreaterThan(0.5);
			expect(c!.reason.length).toBeGreaterThan(10);
		}
		expect(s.disabledAnalyses.map((d) => d.analysis)).toEqual(['feedback']);
	});

	it('online-retail-sample.csv.gz (gzip sample)', async () => {
		const s = await suggest([headOf(`${SAMPLES}/online-retail-sample.csv.gz`, 'online-retail-sample.csv')]);
		expect(s.mapping.files[0].fields).toMatchObject({ order_id: 'InvoiceNo', customer_id: 'CustomerID', order_ts: 'InvoiceDate', unit_price: 'UnitPrice' });
	});

	it('crm-orders.csv + crm-customers.csv: orders and a customers file joined by customer_id', async () => {
		const s = await suggest([headOf(`${SAMPLES}/crm-orders.csv`, 'crm-orders.csv'), headOf(`${SAMPLES}/crm-customers.csv`, 'crm-customers.csv', 3000)]);
		const [orders, customers] = s.mapping.files;
		expect(orders.role).toBe('transactions');
		expect(orders.fields).toEqual({
			order_id: 'order_id',
			customer_id: 'customer_id',
			order_ts: 'order_date',
			product: 'product',
			category: 'category',
			quantity: 'quantity',
			unit_price: 'unit_price',
			region: 'city',
			status: 'status',
			channel: 'channel',
			rating: 'review_score',
			review_text: 'review_text'
		});
		// The sales channel of an order is not the customer's acquisition channel.
		expect(orders.attributes).toEqual({ city: 'city' });
		expect(customers.role).toBe('customers');
		expect(customers.fields).toEqual({ customer_id: 'customer_id' });
		expect(customers.attributes).toEqual({ age: 'age', gender: 'gender', city: 'city', signup_date: 'signup_date', customer_channel: 'acquisition_channel' });
		expect(s.disabledAnalyses.map((d) => d.analysis)).toEqual(['countries']);
	});

	const cdnow = needDatasets('cdnow/CDNOW_master.txt');
	it.skipIf(cdnow.missing)(cdnow.title('CDNOW master (whitespace, header "customer_id date number_of_cds dollar_value")'), async () => {
		const s = suggestMapping((await loadPaths(engine, [`${DATASETS}/cdnow/CDNOW_master.txt`])).files);
		expect(s.mapping.files[0].fields).toEqual({ customer_id: 'customer_id', order_ts: 'date', quantity: 'number_of_cds', revenue: 'dollar_value' });
	});
});

describe('roles and messages', () => {
	const telco = needDatasets('telco_customer_churn_ibm.csv');
	it.skipIf(telco.missing)(telco.title('a customer-level file with no orders (telco churn) says which analyses are off and why'), async () => {
		const s = await suggest([headOf(`${DATASETS}/telco_customer_churn_ibm.csv`, 'telco_customer_churn_ibm.csv', 8000)]);
		expect(s.mapping.files[0].role).toBe('customers');
		expect(s.mapping.files[0].fields).toEqual({ customer_id: 'customerID' });
		expect(s.problems).toHaveLength(1);
		expect(s.problems[0].problem).toBe('no-transactions');
		expect(s.problems[0].message).toBe(
			'telco_customer_churn_ibm.csv has one row per customer and no order dates, so there are no orders to analyse. Without order dates these analyses are off: sales and trend, forecast, anomalies, RFM, CLTV, churn, engagement, cohorts, products, countries. Add an orders file with a date and an amount (or quantity and price) on each line.'
		);
		const off = s.disabledAnalyses.map((d) => d.analysis);
		for (const a of ['trend', 'rfm', 'cohorts', 'forecast', 'churn', 'cltv']) expect(off).toContain(a);
		expect(s.disabledAnalyses.find((d) => d.analysis === 'rfm')!.reason).toMatch(/order lines with dates/);
	});

	it('a file without dates gets the "no column looks like a date" message', async () => {
		const s = suggestMapping((await loadPaths(engine, [fixture('no-dates.csv')])).files);
		expect(s.mapping.files[0].role).toBe('unusable');
		expect(s.problems.map((p) => p.message)).toEqual([
			'no-dates.csv: no column looks like a date. Map a date column in "Review columns", or check the file has order dates.'
		]);
	});

	it('maps nested JSON keys and synthesises nothing it cannot see', async () => {
		const s = suggestMapping((await loadPaths(engine, [fixture('orders.json')])).files);
		expect(s.mapping.files[0].fields).toEqual({ order_id: 'id', customer_id: 'customer.id', order_ts: 'date', product: 'product', revenue: 'total', status: 'status', region: 'customer.city' });
	});
});

describe('headerSignature', () => {
	it('ignores case, spaces and punctuation but not order or names', () => {
		const a = headerSignature(['Customer ID', 'Invoice Date', 'Price']);
		expect(headerSignature(['customer_id', 'INVOICEDATE', 'price'])).toBe(a);
		expect(headerSignature(['Invoice Date', 'Customer ID', 'Price'])).not.toBe(a);
		expect(headerSignature(['Customer ID', 'Invoice Date', 'Prices'])).not.toBe(a);
		expect(a).toMatch(/^h[0-9a-f]{16}$/);
		// Stable across runs and releases: the UI stores mappings under it.
		expect(headerSignature(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])).toBe(
			headerSignature(['invoiceno', 'stockcode', 'description', 'quantity', 'invoicedate', 'unitprice', 'customerid', 'country'])
		);
	});
});
