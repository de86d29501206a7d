/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Makes the site work offline after one visit. Two caches:
 * - `immutable`: content-hashed files under `_app/immutable/` (the app, the DuckDB worker, its chunks
 *   and the DuckDB-WASM binary). Their URL changes whenever their content does, so they are served
 *   cache-first and carried over from one deployment to the next instead of being downloaded again.
 * - `shell-<version>`: the pages, icons, manifest and samples of one deployment. Pages are served
 *   network-first, so a new deployment is what an online visitor gets; the cache is only the fallback.
 * A new service worker waits until the page asks it to take over (the update banner's Reload button).
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const SHELL_CACHE = `customer-lens-shell-${version}`;
const IMMUTABLE_CACHE = 'customer-lens-immutable';
const IMMUTABLE_PREFIX = `${base}/_app/immutable/`;
// SvelteKit's `updated` check reads it to learn about a new deployment: it must never come from a cache.
const VERSION_FILE = `${base}/_app/version.json`;
// Host configuration files (`_headers`) are not part of the site.
const shellFiles = [...prerendered, ...files.filter((f) => !f.slice(base.length + 1).startsWith('_'))];

/** The same feature test DuckDB-WASM runs to choose between its `eh` and `mvp` builds. */
function supportsWasmExceptions(): boolean {
	try {
		return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]));
	} catch {
		return false;
	}
}

/**
 * SvelteKit lists the DuckDB worker's entry file in `build` but not what the worker itself loads
 * (its chunks and the wasm binaries), so they are found by following the worker's relative imports
 * and `new URL('…', import.meta.url)` references. Only the wasm build this browser will run is kept.
 */
async function workerFiles(read: (url: string) => Promise<string>): Promise<string[]> {
	const reference = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]|new URL\(\s*["'`]([^"'`]+)["'`]\s*,\s*import\.meta\.url\s*\)/g;
	const unusedWasm = supportsWasmExceptions() ? /duckdb-mvp[^/]*\.wasm$/ : /duckdb-eh[^/]*\.wasm$/;
	const found = new Set(build.filter((f) => f.startsWith(`${IMMUTABLE_PREFIX}workers/`) && f.endsWith('.js')));
	const queue = [...found];
	while (queue.length) {
		const script = queue.shift()!;
		for (const [, imported, asset] of (await read(script)).matchAll(reference)) {
			const url = new URL(imported ?? asset, new URL(script, location.href)).pathname;
			if (!url.startsWith(IMMUTABLE_PREFIX) || found.has(url) || unusedWasm.test(url)) continue;
			found.add(url);
			if (url.endsWith('.js')) queue.push(url);
		}
	}
	return [...found];
}

/** Like `cache.add`, but a redirect (a host serving `/dictionary` from `dictionary.html`) is stored as its final response, which a navigation may use. */
async function store(cache: Cache, url: string): Promise<void> {
	const response = await fetch(url, { cache: 'no-cache' });
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	await cache.put(url, response.redirected ? new Response(await response.blob(), response) : response);
}

/** Every hashed file this deployment needs, read from wherever `read` looks. */
async function hashedFiles(read: (url: string) => Promise<string>): Promise<Set<string>> {
	return new Set([...build, ...(await workerFiles(read))]);
}

async function precache(): Promise<void> {
	const shell = await caches.open(SHELL_CACHE);
	const immutable = await caches.open(IMMUTABLE_CACHE);
	const missing = [];
	for (const url of await hashedFiles(async (url) => (await fetch(url)).text())) if (!(await immutable.match(url))) missing.push(url);
	await Promise.all([...shellFiles.map((url) => store(shell, url)), ...missing.map((url) => store(immutable, url))]);
}

/** Drops other deployments' shells and the hashed files this deployment no longer refers to. */
async function prune(): Promise<void> {
	for (const name of await caches.keys()) if (name !== SHELL_CACHE && name !== IMMUTABLE_CACHE) await caches.delete(name);
	const immutable = await caches.open(IMMUTABLE_CACHE);
	const keep = await hashedFiles(async (url) => (await immutable.match(url))?.text() ?? '');
	for (const request of await immutable.keys()) if (!keep.has(new URL(request.url).pathname)) await immutable.delete(request);
}

async function networkFirst(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (offline) {
		const cached = (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(`${base}/`));
		if (cached) return cached;
		throw offline;
	}
}

async function cacheFirst(event: FetchEvent, path: string): Promise<Response> {
	const cached = await caches.match(event.request);
	if (cached) return cached;
	const response = await fetch(event.request);
	// Whatever hashed file the app loads later (the other wasm build, a new chunk) is kept for offline use.
	if (response.ok && path.startsWith(IMMUTABLE_PREFIX)) {
		const copy = response.clone();
		event.waitUntil(caches.open(IMMUTABLE_CACHE).then((cache) => cache.put(event.request, copy)));
	}
	return response;
}

sw.addEventListener('install', (event) => event.waitUntil(precache()));

sw.addEventListener('activate', (event) => event.waitUntil(prune().then(() => sw.clients.claim())));

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin || url.pathname === VERSION_FILE) return;
	event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(event, url.pathname));
});
