/**
 * "Download all customers": every customer with every score, built in the page from the engine
 * and handed to the browser as a CSV file (text that a spreadsheet would run is neutralised).
 */
import { exportAllCustomers } from '$lib/analyses/index';
import { toCsv } from '$lib/report/csv';
import type { Session } from './session.svelte';
import { downloadBlob, safeFilename } from './download';

export async function downloadAllCustomers(session: Session): Promise<void> {
	const dataset = session.dataset;
	if (!dataset) return;
	const params = session.params$;
	const models = session.presetModels();
	const { columns, rows } = await session.withEngine((engine) => exportAllCustomers(engine, params, models));
	downloadBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${safeFilename(`customers-${dataset.label}`)}.csv`);
}
