/**
 * BG/NBD fit time on 100 000 simulated customers (daily unit, one year of data).
 * Run: npx tsx test/bench/clv-fit.ts
 * Target (issue): ≤ 1 s per fit in the browser.
 */
import { fitBgnbd } from '../../src/lib/models/clv/bgnbd-fit';
import { simulateCustomers } from '../../src/lib/models/clv/simulate';
import type { CustomerSummary } from '../../src/lib/models/clv/types';

const CUSTOMERS = 100_000;
const truth = { r: 0.25, alpha: 30, a: 0.8, b: 2.5 };
const simulated = simulateCustomers(truth, { customers: CUSTOMERS, age: [1, 365], seed: 20240611 });

// Summaries built from purchase dates have whole-day recency and age: that is what the app fits,
// and it is what lets identical (x, t_x, T) triples collapse into weighted rows.
const daily: CustomerSummary[] = simulated.map((c) => ({ frequency: c.frequency, recency: Math.floor(c.recency), T: Math.floor(c.T) }));
const continuous: CustomerSummary[] = simulated.map(({ frequency, recency, T }) => ({ frequency, recency, T }));

function time(label: string, customers: CustomerSummary[]): void {
	for (const run of ['cold', 'warm']) {
		const start = performance.now();
		const result = fitBgnbd(customers, { timeUnit: 'day' });
		const ms = performance.now() - start;
		const fit = result.ok ? result.fit : null;
		const params = fit ? `r=${fit.r.toFixed(4)} α=${fit.alpha.toFixed(3)} a=${fit.a.toFixed(4)} b=${fit.b.toFixed(4)} converged=${fit.converged}` : `refused: ${result.ok ? '' : result.reason}`;
		console.log(`${label.padEnd(28)} ${run.padEnd(5)} ${ms.toFixed(0).padStart(6)} ms  ${params}`);
	}
}

const distinct = new Set(daily.map((c) => `${c.frequency},${c.recency},${c.T}`)).size;
console.log(`BG/NBD fit, ${CUSTOMERS} customers, truth r=${truth.r} α=${truth.alpha} a=${truth.a} b=${truth.b}`);
console.log(`whole-day summaries: ${distinct} distinct (x, t_x, T) triples`);
time('whole days (app case)', daily);
time('continuous times (worst)', continuous);
