/** Loads the UCI Online Retail file into `transactions` with a plain CREATE TABLE … AS (no ingest). */
import type { Engine } from '../../../src/lib/engine/engine';
import { buildTransactions } from './fixture';

export const UCI_PATH = '/work/shared/datasets/online_retail_2010-2011.csv.gz';

export async function loadUci(engine: Engine, path = UCI_PATH): Promise<void> {
	const file = await engine.registerFile(path.endsWith('.gz') ? 'retail_source.csv.gz' : 'retail_source.csv', { kind: 'path', path });
	await engine.exec(`CREATE OR REPLACE TABLE uci_raw AS
		SELECT row_number() OVER () AS row_no,
			CAST(InvoiceNo AS VARCHAR) AS order_id,
			CAST(CustomerID AS VARCHAR) AS customer_id,
			CAST(InvoiceDate AS TIMESTAMP) AS order_ts,
			CAST(Description AS VARCHAR) AS product,
			CAST(NULL AS VARCHAR) AS category,
			CAST(Quantity AS DOUBLE) AS quantity,
			CAST(UnitPrice AS DOUBLE) AS unit_price,
			CAST(NULL AS DOUBLE) AS revenue,
			CAST(NULL AS DOUBLE) AS cost,
			CAST(Country AS VARCHAR) AS country,
			CAST(NULL AS VARCHAR) AS region,
			CAST(NULL AS VARCHAR) AS status,
			CAST(NULL AS VARCHAR) AS deal_size,
			CAST(NULL AS VARCHAR) AS channel
		FROM read_csv('${file}', header = true, types = {'InvoiceNo': 'VARCHAR', 'CustomerID': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR'})`);
	await buildTransactions(engine, 'uci_raw', path.split('/').pop() ?? path);
	await engine.exec('DROP TABLE uci_raw');
}
