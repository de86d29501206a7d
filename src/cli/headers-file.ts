/**
 * The `_headers` file format of Netlify and Cloudflare Pages: a URL pattern on its own line, then
 * indented `Name: value` lines. `*` matches any rest of the path and `:name` one path segment.
 */
export interface HeaderRule {
	pattern: RegExp;
	headers: [string, string][];
}

function patternToRegExp(pattern: string): RegExp {
	const body = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]\w*/g, '[^/]+'))
		.join('.*');
	return new RegExp(`^${body}$`);
}

export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const [i, raw] of text.split(/\r?\n/).entries()) {
		if (!raw.trim() || raw.trim().startsWith('#')) continue;
		if (!/^\s/.test(raw)) {
			rules.push({ pattern: patternToRegExp(raw.trim()), headers: [] });
			continue;
		}
		const colon = raw.indexOf(':');
		const rule = rules.at(-1);
		if (!rule || colon < 0) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a URL pattern, got "${raw.trim()}"`);
		rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
	}
	return rules;
}

/** Every header the rules give a path; a header named by several matching rules has their values joined, as Netlify does. */
export function headersFor(rules: HeaderRule[], urlPath: string): Map<string, string> {
	const out = new Map<string, string>();
	for (const rule of rules) {
		if (!rule.pattern.test(urlPath)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
		}
	}
	return out;
}

/** The `'sha256-…'` sources of a page's `<meta>` Content-Security-Policy. */
export function metaScriptHashes(html: string): string[] {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	const scriptSrc = meta?.[1].split(';').find((d) => d.trim().startsWith('script-src'));
	return scriptSrc?.match(/'sha(256|384|512)-[^']+'/g) ?? [];
}

/** `_headers` text with `hashes` added to every Content-Security-Policy's script-src. */
export function stampScriptHashes(headers: string, hashes: string[]): string {
	return headers.replace(/^(\s+Content-Security-Policy:.*?script-src)([^;\n]*)/gim, (_, head: string, sources: string) => {
		const known = new Set(sources.trim().split(/\s+/));
		return `${head}${sources}${hashes.filter((h) => !known.has(h)).map((h) => ` ${h}`).join('')}`;
	});
}

/** The response headers that make a page cross-origin isolated (`self.crossOriginIsolated`). */
export const ISOLATION_HEADERS: [string, string][] = [
	['Cross-Origin-Opener-Policy', 'same-origin'],
	['Cross-Origin-Embedder-Policy', 'require-corp']
];

/** `rules` with the isolation headers stripped (`off`), added for every path (`on`), or as they are (anything else). */
export function withIsolation(rules: HeaderRule[], isolation: string): HeaderRule[] {
	if (isolation !== 'on' && isolation !== 'off') return rules;
	const names = new Set(ISOLATION_HEADERS.map(([name]) => name.toLowerCase()));
	const stripped = rules.map((rule) => ({ ...rule, headers: rule.headers.filter(([name]) => !names.has(name.toLowerCase())) }));
	return isolation === 'on' ? [...stripped, { pattern: /^.*$/, headers: ISOLATION_HEADERS }] : stripped;
}
