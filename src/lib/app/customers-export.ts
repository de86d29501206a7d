/**
 * "Download all customers": every customer with every score, built in the page from the engine
 * and handed to the browser as a CSV file (text that a spreadsheet would run is neutralised) or as
 * a Parquet file (typed columns, written in the database worker; values kept as they are).
 */
import { allCustomersQuery, exportAllCustomers } from '$lib/analyses/index';
import { toCsv } from '$lib/report/index';
import type { Session } from './session.svelte';
import { downloadBlob, safeFilename } from './download';

export type CustomersFormat = 'csv' | 'parquet';

export async function downloadAllCustomers(session: Session, format: CustomersFormat = 'csv'): Promise<void> {
	const dataset = session.dataset;
	if (!dataset) return;
	const params = session.params$;
	const models = session.presetModels();
	const name = safeFilename(`customers-${dataset.label}`);
	if (format === 'parquet') {
		const bytes = await session.withEngine(async (engine) => {
			const query = await allCustomersQuery(engine, params, models);
			return query ? engine.copyToParquet(query.sql) : null;
		});
		if (!bytes) throw new Error('there are no customers to export');
		downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' }), `${name}.parquet`);
		return;
	}
	const { columns, rows } = await session.withEngine((engine) => exportAllCustomers(engine, params, models));
	downloadBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
}
