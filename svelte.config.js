import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// Relative asset paths let the same build be hosted under any sub-path of a static host.
		paths: { relative: true },
		// Emitted as a <meta> tag with hashes of SvelteKit's inline bootstrap script. A meta CSP does not
		// cover workers, so static/_headers repeats the policy for hosts that read that file.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		},
		alias: {
			// The package's `./blocking` export has no browser file; the blocking build runs fine inside our
			// own worker, which avoids duckdb-wasm spawning a second, nested worker. No extension here so that
			// Vite picks the .mjs and TypeScript the .d.ts.
			'@duckdb/duckdb-wasm/blocking-browser': 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking'
		}
	}
};

export default config;
