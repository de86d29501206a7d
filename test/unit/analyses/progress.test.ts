import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import type { Engine } from '../../../src/lib/engine/engine';
import { awaitedNext, inProcessModels, runAnalyses, type AnalysisName, type ModelRunner } from '../../../src/lib/analyses/index';
import { CLV_AS_OF, clvFixture } from '../../fixtures/analyses/clv-data';
import { loadTransactions } from '../../fixtures/analyses/transactions';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
	await loadTransactions(engine, clvFixture().lines);
});
afterAll(async () => engine?.close());

describe('what a run says it is waiting for (the progress message)', () => {
	// Registry order: kpis, dataQuality, trend, clv, churn, forecast, products, …; clv and churn run in the background.
	it('names the next analysis in delivery order, then a background one, then nothing', () => {
		const names: AnalysisName[] = ['products', 'churn', 'kpis', 'clv', 'trend'];
		expect(awaitedNext(names, new Set())).toBe('kpis');
		expect(awaitedNext(names, new Set(['kpis']))).toBe('trend');
		expect(awaitedNext(names, new Set(['kpis', 'trend']))).toBe('products');
		expect(awaitedNext(names, new Set(['kpis', 'trend', 'products']))).toBe('clv');
		expect(awaitedNext(names, new Set(['kpis', 'trend', 'products', 'clv']))).toBe('churn');
		expect(awaitedNext(names, new Set(names))).toBeNull();
	});

	it('reports, after each result, an analysis not yet delivered, the fit last while it runs', async () => {
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const held: ModelRunner = {
			...inProcessModels,
			fitClv: async (input) => {
				await gate;
				return inProcessModels.fitClv(input);
			}
		};
		const events: { name: AnalysisName; next: AnalysisName | null }[] = [];
		const delivered = new Set<AnalysisName>();
		await runAnalyses(engine, { asOf: CLV_AS_OF }, ['churn', 'kpis', 'clv', 'trend', 'products'], {
			models: held,
			onResult: (name) => delivered.add(name),
			onProgress: ({ name, next }) => {
				events.push({ name, next });
				if (next !== null) expect(delivered.has(next)).toBe(false);
				if (name === 'products') release();
			}
		});
		expect(events.slice(0, 3)).toEqual([
			{ name: 'kpis', next: 'trend' },
			{ name: 'trend', next: 'products' },
			{ name: 'products', next: 'clv' }
		]);
		expect(events.map((e) => e.name).sort()).toEqual(['churn', 'clv', 'kpis', 'products', 'trend']);
		expect(events.at(-1)!.next).toBeNull();
	});
});
