import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	worker: { format: 'es' },
	test: {
		include: ['test/unit/**/*.test.ts'],
		environment: 'node',
		// Generous: speed is measured by `npm run bench`, not by timed tests, and two workers share two cores.
		testTimeout: 120_000,
		hookTimeout: 120_000,
		pool: 'forks',
		// Vitest's default on a 2-core machine is one worker; much of the suite waits on DuckDB and CLI
		// child processes, so a second one shortens the run.
		maxWorkers: 2,
		// DuckDB-WASM in V8's baseline compiler only, as in the e2e browser (playwright.config.ts): the
		// optimising recompile of hot functions cost a short-lived test more CPU than it saved. Eight of
		// the slowest files took 56 s this way and 80 s with the default, the same tests passing.
		execArgv: ['--liftoff-only']
	}
});
