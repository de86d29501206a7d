import { UserFacingError } from './errors';

/** The demo data sets in `static/samples/`, fetched by relative URL (the site may live under a sub-path). */
export interface Sample {
	id: string;
	label: string;
	description: string;
	files: string[];
}

export const SAMPLES: Sample[] = [
	{
		id: 'online-retail',
		label: 'Online retail (real UCI data)',
		description: '130k order lines of a UK gift wholesaler, 2010–2011 (CC BY 4.0).',
		files: ['online-retail-sample.csv.gz']
	},
	{ id: 'b2b', label: 'B2B sales', description: 'Generated model-vehicle orders with deal sizes and statuses.', files: ['b2b-sales.csv'] },
	{
		id: 'crm',
		label: 'CRM with demographics',
		description: 'Generated shop orders plus a customer file with age, gender and city.',
		files: ['crm-orders.csv', 'crm-customers.csv']
	},
	{
		id: 'marketplace',
		label: 'Marketplace export (4 files)',
		description: 'Generated orders, order items, customers and reviews in the layout of a Brazilian marketplace export, joined by their keys.',
		files: ['marketplace-orders.csv', 'marketplace-order-items.csv', 'marketplace-customers.csv', 'marketplace-order-reviews.csv']
	}
];

export interface FetchProgress {
	file: string;
	loaded: number;
	total: number | null;
}

/** Fetches a sample as a `File`, reporting bytes as they arrive. Same origin only (relative URL). */
export async function fetchSampleFile(name: string, onProgress: (p: FetchProgress) => void, signal?: AbortSignal): Promise<File> {
	const url = new URL(`samples/${name}`, document.baseURI);
	if (url.origin !== location.origin) throw new UserFacingError('Samples are only loaded from this site.');
	let res: Response;
	try {
		res = await fetch(url, { signal, credentials: 'same-origin' });
	} catch {
		throw new UserFacingError(`The sample “${name}” could not be downloaded from this site.`, 'Check the connection to the site and try again; your own files work offline.');
	}
	if (!res.ok) throw new UserFacingError(`The sample “${name}” could not be downloaded (the site answered ${res.status}).`, 'Try again later; your own files still work.');
	// A static host may serve .gz with `Content-Encoding: gzip`, in which case the body arrives
	// already unpacked; the name then must lose its .gz so it is not gunzipped twice.
	const encoded = (res.headers.get('content-encoding') ?? '').includes('gzip');
	const fileName = encoded && name.endsWith('.gz') ? name.slice(0, -3) : name;
	const lengthHeader = Number(res.headers.get('content-length'));
	const total = !encoded && Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : null;
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	if (res.body) {
		const reader = res.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			loaded += value.byteLength;
			onProgress({ file: name, loaded, total });
		}
	} else {
		const buf = new Uint8Array(await res.arrayBuffer());
		chunks.push(buf);
		loaded = buf.byteLength;
		onProgress({ file: name, loaded, total });
	}
	return new File(chunks as BlobPart[], fileName, { type: fileName.endsWith('.gz') ? 'application/gzip' : 'text/csv' });
}
