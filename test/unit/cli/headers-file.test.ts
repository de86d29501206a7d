import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { headersFor, metaScriptHashes, parseHeadersFile, stampScriptHashes } from '../../../src/cli/headers-file';

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
