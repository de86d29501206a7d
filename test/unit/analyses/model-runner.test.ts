import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { fitClvOnTwo, inProcessModels, packFitInput, packHoldoutInput, runAnalyses, type ClvFitInput, type ClvFitParts, type ModelRunner } from '../../../src/lib/analyses/index';
import { modelWorkerApi } from '../../../src/lib/analyses/model-runner';
import { CLV_AS_OF, clvFixture } from '../../fixtures/analyses/clv-data';
import { loadTransactions } from '../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
	await loadTransactions(engine, clvFixture().lines);
});
afterAll(async () => engine?.close());

/**
 * A runner that behaves like the browser's models worker: every input and output crosses a
 * structured clone (what postMessage does), and each call is recorded.
 */
function clonedRunner(calls: string[]): ModelRunner {
	return {
		fitClv: async (input) => {
			calls.push('fitClv');
			return structuredClone(await inProcessModels.fitClv(structuredClone(input)));
		},
		forecast: async (input) => {
			calls.push('forecast');
			return structuredClone(await inProcessModels.forecast(structuredClone(input)));
		},
		// In the wire form the page sends, to the worker's own API.
		holdout: async (input) => {
			calls.push('holdout');
			return structuredClone(await modelWorkerApi.holdout(structuredClone(packHoldoutInput(input))));
		}
	};
}

describe('model fits behind a runner (the browser runs them in a worker)', () => {
	it('sends the CLV fit, its holdout check and the forecast through the runner, as plain data, with the same results as in-process', async () => {
		const params = { asOf: CLV_AS_OF };
		const names = ['clv', 'churn', 'forecast'] as const;
		const inPage = await runAnalyses(engine, params, names);
		const calls: string[] = [];
		const viaRunner = await runAnalyses(engine, params, names, { models: clonedRunner(calls) });
		// One CLV fit per run (shared by clv and churn), its holdout check, and one forecast.
		expect(calls.sort()).toEqual(['fitClv', 'forecast', 'holdout']);
		if (!inPage.clv.available || !viaRunner.clv.available) throw new Error('CLV should be available on the simulated customers');
		expect(viaRunner.clv).toEqual(inPage.clv);
		expect(viaRunner.churn).toEqual(inPage.churn);
		expect(viaRunner.forecast).toEqual(inPage.forecast);
	});

	it('a CLV fit split over two workers gives the whole fit\'s results, the model comparison fitted on the second', async () => {
		// Each part goes to the worker's own API in the wire form the page sends, across a structured
		// clone as to a worker; each call is recorded with its worker.
		const wire = (input: ClvFitInput) => structuredClone(packFitInput(input));
		const partsOn = (worker: string, calls: string[]): ClvFitParts => ({
			fitPurchaseModels: async (input) => (calls.push(`${worker} fitPurchaseModels`), structuredClone(await modelWorkerApi.fitPurchaseModels(wire(input)))),
			fitCalibration: async (input) => (calls.push(`${worker} fitCalibration`), structuredClone(await modelWorkerApi.fitCalibration(wire(input)))),
			finishClvFit: async (input, fits, calibrated) =>
				(calls.push(`${worker} finishClvFit`), structuredClone(await modelWorkerApi.finishClvFit(wire(input), structuredClone(fits), structuredClone(calibrated))))
		});
		for (const clvModel of ['auto', 'bgnbd'] as const) {
			const params = { asOf: CLV_AS_OF, clvModel };
			const names = ['clv', 'churn'] as const;
			const inPage = await runAnalyses(engine, params, names);
			const calls: string[] = [];
			const split: ModelRunner = { ...inProcessModels, fitClv: (input) => fitClvOnTwo(input, partsOn('first', calls), partsOn('second', calls)) };
			const onTwo = await runAnalyses(engine, params, names, { models: split });
			if (!inPage.clv.available) throw new Error('CLV should be available on the simulated customers');
			expect(onTwo.clv).toEqual(inPage.clv);
			expect(onTwo.churn).toEqual(inPage.churn);
			if (clvModel === 'auto') {
				// The comparison was made (both models scored on the holdout period), on the second worker.
				expect(inPage.clv.model.holdoutRmse).not.toBeNull();
				expect(calls.sort()).toEqual(['first finishClvFit', 'first fitPurchaseModels', 'second fitCalibration']);
			} else expect(calls.sort()).toEqual(['first finishClvFit', 'first fitPurchaseModels']);
		}
	});

	it('a fit that fails in the runner leaves its panels unavailable with the reason, not a broken run', async () => {
		const failing: ModelRunner = { ...inProcessModels, fitClv: async () => Promise.reject(new Error('the worker ran out of memory')) };
		const r = await runAnalyses(engine, { asOf: CLV_AS_OF }, ['clv', 'kpis'], { models: failing });
		expect(r.clv).toEqual({ available: false, reason: 'could not be computed: the worker ran out of memory' });
		expect(r.kpis.available).toBe(true);
	});

	it('a cancelled run stops waiting for its fit, hands the signal to the runner and keeps no temp table', async () => {
		const controller = new AbortController();
		const seen: AbortSignal[] = [];
		const results: string[] = [];
		// Cancelled once the fit is under way and the analyses after it have delivered.
		const cancelWhenBoth = () => {
			if (seen.length && results.includes('products')) controller.abort(new DOMException('newer settings', 'AbortError'));
		};
		// Like the worker runner: the fit never ends by itself, only the run's signal ends it.
		const endless: ModelRunner = {
			...inProcessModels,
			fitClv: (_input, signal) =>
				new Promise((_, reject) => {
					if (!signal) return;
					seen.push(signal);
					signal.addEventListener('abort', () => reject(signal.reason), { once: true });
					cancelWhenBoth();
				})
		};
		const run = runAnalyses(engine, { asOf: CLV_AS_OF }, ['kpis', 'clv', 'products'], {
			models: endless,
			signal: controller.signal,
			onResult: (name) => {
				results.push(name);
				cancelWhenBoth();
			}
		});
		await expect(run).rejects.toThrow('newer settings');
		expect(seen).toHaveLength(1);
		expect(seen[0].aborted).toBe(true);
		// The analyses after the fit went on while it ran; the cancelled fit delivered nothing.
		expect(results).toEqual(['kpis', 'products']);
		const left = await engine.query<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'cl_run%'");
		expect(Number(left[0].n)).toBe(0);
	});
});
