/**
 * Escaping for the exports. User text (file names, product names, segment labels…) is only ever
 * written through these functions.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe for HTML element content and for quoted attribute values. Non-strings are stringified. */
export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Text safe inline in Markdown (also inside a table cell): Markdown and HTML punctuation is
 * backslash-escaped, so `<img …>` stays literal text even when the Markdown is rendered to HTML;
 * line breaks become spaces (a newline would end a table row).
 */
export function escapeMarkdown(value: unknown): string {
	return String(value ?? '')
		.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
		.replace(/[\\`*_[\]<>#|~]|&(?=#?\w+;)/g, (c) => `\\${c}`);
}

/** A GitHub-flavoured Markdown table; cells are escaped, numeric columns right-aligned. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], numeric: readonly boolean[] = []): string {
	const cell = (v: string | number) => escapeMarkdown(v).trim() || ' ';
	const lines = [
		`| ${header.map(cell).join(' | ')} |`,
		`| ${header.map((_, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`,
		...rows.map((r) => `| ${header.map((_, i) => cell(r[i] ?? '')).join(' | ')} |`)
	];
	return lines.join('\n');
}
