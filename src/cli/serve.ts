/**
 * Serves the built static site the way a static host does, with the headers of `static/_headers`
 * (the Netlify/Cloudflare Pages format) applied, so `npm start` and every e2e test run under the
 * security policy that ships rather than under a dev server's permissive defaults.
 *
 * Usage: tsx src/cli/serve.ts [--dir build] [--port 4173] [--host 127.0.0.1] [--isolation on|off]
 *
 * `--isolation on|off` adds or strips the two headers that make a page cross-origin isolated
 * (COOP/COEP), whatever `_headers` says, so the bench and the e2e tests can compare DuckDB's
 * threaded build with the single-threaded fallback on one build.
 */
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseHeadersFile, headersFor, withIsolation } from './headers-file';

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.csv': 'text/csv; charset=utf-8',
	'.tsv': 'text/tab-separated-values; charset=utf-8',
	'.gz': 'application/gzip',
	'.parquet': 'application/vnd.apache.parquet',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8'
};

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const root = path.resolve(arg('dir', 'build'));
const port = Number(arg('port', process.env.PORT ?? '4173'));
const host = arg('host', '127.0.0.1');
const isolation = arg('isolation', '');
const headersPath = path.join(root, '_headers');
const rulesOf = (text: string) => withIsolation(parseHeadersFile(text), isolation);
// Read at start, so a missing build fails at once; then again whenever the file changes: a rebuild
// while this server runs (`npm test` beside `npm start`) stamps new script hashes into the policy,
// and the old policy would block the new page's script.
let rules = { mtimeMs: statSync(headersPath).mtimeMs, value: rulesOf(readFileSync(headersPath, 'utf8')) };

/** The rules of `_headers` as the build has them now; the last ones read while a rebuild has removed it. */
async function currentRules(): Promise<typeof rules.value> {
	const now = await stat(headersPath).catch(() => null);
	if (now && now.mtimeMs !== rules.mtimeMs) {
		const text = await readFile(headersPath, 'utf8').catch(() => null);
		if (text !== null) rules = { mtimeMs: now.mtimeMs, value: rulesOf(text) };
	}
	return rules.value;
}

/** The file a static host answers a URL path with: the file itself, `path.html`, or `path/index.html`. */
async function resolveFile(urlPath: string): Promise<string | null> {
	const base = path.join(root, path.normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, ''));
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
		const s = await stat(candidate).catch(() => null);
		if (s?.isFile()) return candidate;
	}
	return null;
}

createServer(async (req, res) => {
	const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
	for (const [name, value] of headersFor(await currentRules(), urlPath)) res.setHeader(name, value);
	const file = await resolveFile(urlPath);
	if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
		res.statusCode = file ? 405 : 404;
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end(file ? 'Method not allowed' : 'Not found');
		return;
	}
	const body = await readFile(file);
	res.setHeader('Content-Type', MIME[path.extname(file)] ?? 'application/octet-stream');
	res.setHeader('Content-Length', body.length);
	res.end(req.method === 'HEAD' ? undefined : body);
}).listen(port, host, () => {
	console.log(`Customer Lens: serving ${path.relative(process.cwd(), root) || '.'} with static/_headers at http://${host}:${port}/`);
});
