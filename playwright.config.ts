import { defineConfig } from '@playwright/test';

// PORT lets several checkouts run their e2e suites side by side without sharing a server.
const PORT = Number(process.env.PORT ?? 4173);

export default defineConfig({
	testDir: 'test/e2e',
	testMatch: '**/*.spec.ts',
	timeout: 120_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: {
			// Debian's Chromium: Playwright's own browser download cannot work on our machines.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				// V8 runs DuckDB's wasm in its baseline compiler only. By default it also recompiles hot
				// functions with its optimising compiler; a test's page lives seconds and that compile
				// work was most of its CPU. On a 2-core machine the 52 tests took 10.5 min this way and
				// 13.6-14.1 min with the default, the same tests passing. The bench measures the browser's
				// defaults.
				'--js-flags=--liftoff-only',
				// Any host name but our own server resolves to nothing, so the browser's background traffic can
				// neither leave the machine nor fake a pass/fail in the no-egress test.
				'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
			]
		}
	},
	webServer: {
		// The built site served as a static host serves it, with static/_headers applied: every e2e test
		// runs under the Content-Security-Policy that ships.
		command: `npx tsx src/cli/serve.ts --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
