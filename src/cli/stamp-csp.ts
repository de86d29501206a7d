/**
 * After `vite build`: adds the hashes of SvelteKit's inline bootstrap scripts (which SvelteKit puts in
 * each page's `<meta>` policy) to the `script-src` of `build/_headers`. The header policy is the one
 * that also covers the workers, and it must allow exactly those scripts, never 'unsafe-inline'.
 *
 * Usage: tsx src/cli/stamp-csp.ts [build-dir]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { metaScriptHashes, stampScriptHashes } from './headers-file';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return htmlFiles(p);
		return e.name.endsWith('.html') ? [p] : [];
	});
}

const dir = path.resolve(process.argv[2] ?? 'build');
const hashes = [...new Set(htmlFiles(dir).flatMap((f) => metaScriptHashes(readFileSync(f, 'utf8'))))];
const file = path.join(dir, '_headers');
const before = readFileSync(file, 'utf8');
const after = stampScriptHashes(before, hashes);
if (hashes.length > 0 && after === before) throw new Error(`${file}: no Content-Security-Policy script-src found to add the page hashes to.`);
writeFileSync(file, after);
console.log(`stamp-csp: ${hashes.length} inline script hash(es) added to ${path.relative(process.cwd(), file)}`);
