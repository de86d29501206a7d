import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { headersFor, metaScriptHashes, parseHeadersFile, stampScriptHashes, withIsolation } from '../../../src/cli/headers-file';

describe('_headers (Netlify/Cloudflare format)', () => {
	const rules = parseHeadersFile(['# comment', '/*', '  X-A: one', '/samples/*', '  X-A: two', '  Cache-Control: no-cache', '/users/:id/edit', '  X-B: yes'].join('\n'));

	it('applies every matching rule and joins repeated headers', () => {
		expect(Object.fromEntries(headersFor(rules, '/index.html'))).toEqual({ 'x-a': 'one' });
		expect(Object.fromEntries(headersFor(rules, '/samples/b2b.csv'))).toEqual({ 'x-a': 'one, two', 'cache-control': 'no-cache' });
	});

	it('matches a :placeholder to exactly one path segment', () => {
		expect(headersFor(rules, '/users/42/edit').get('x-b')).toBe('yes');
		expect(headersFor(rules, '/users/4/2/edit').has('x-b')).toBe(false);
	});

	it('rejects a header line that has no URL pattern above it', () => {
		expect(() => parseHeadersFile('  X-A: one')).toThrow(/line 1/);
	});

	it('the shipped policy forbids eval, inline scripts and framing', () => {
		const csp = headersFor(parseHeadersFile(readFileSync('static/_headers', 'utf8')), '/').get('content-security-policy') ?? '';
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
		expect(csp).toMatch(/frame-ancestors 'none'/);
	});
});

describe('stamping the inline script hashes into the header policy', () => {
	const html = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='; style-src 'self'">`;

	it('reads the hashes of the meta policy', () => {
		expect(metaScriptHashes(html)).toEqual(["'sha256-AAA='", "'sha256-BBB='"]);
		expect(metaScriptHashes('<html></html>')).toEqual([]);
	});

	it('adds each hash once to script-src and leaves the other directives alone', () => {
		const headers = "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self'\n  X-Other: script-src x\n";
		expect(stampScriptHashes(headers, ["'sha256-AAA='", "'sha256-BBB='"])).toBe(
			"/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self'\n  X-Other: script-src x\n"
		);
	});
});

describe('forcing cross-origin isolation on or off (serve.ts --isolation)', () => {
	const rules = parseHeadersFile(['/*', '  X-A: one', '  Cross-Origin-Opener-Policy: same-origin', '/app/*', '  cross-origin-embedder-policy: require-corp'].join('\n'));

	it('off strips both headers, whatever their case, and keeps the others', () => {
		expect(Object.fromEntries(headersFor(withIsolation(rules, 'off'), '/app/x.js'))).toEqual({ 'x-a': 'one' });
	});

	it('on sends both on every path, once each', () => {
		const on = withIsolation(rules, 'on');
		for (const p of ['/', '/app/x.js', '/samples/b2b.csv']) {
			const h = headersFor(on, p);
			expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
			expect(h.get('cross-origin-embedder-policy')).toBe('require-corp');
			expect(h.get('x-a')).toBe('one');
		}
	});

	it('anything else leaves the rules as _headers has them', () => {
		expect(withIsolation(rules, '')).toBe(rules);
		expect(headersFor(withIsolation(rules, ''), '/').has('cross-origin-embedder-policy')).toBe(false);
	});
});
