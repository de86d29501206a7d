import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: {
			// The package's `./blocking` export has no browser file; the blocking ESM build runs fine inside
			// our own worker, which avoids duckdb-wasm spawning a second, nested worker.
			'@duckdb/duckdb-wasm/blocking-browser': fileURLToPath(new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url))
		}
	},
	worker: { format: 'es' },
	test: {
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks'
	}
});
