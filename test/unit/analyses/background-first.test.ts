import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine, type NativeEngine } from '../../../src/lib/engine/native-node';
import { runAll, type AnalysisName } from '../../../src/lib/analyses/index';
import { ANALYSES } from '../../../src/lib/analyses/registry';
import { clvFixture } from '../../fixtures/analyses/clv-data';
import { loadTransactions } from '../../fixtures/analyses/transactions';
import { assertClose } from '../../fixtures/assert-close';

describe('runAll with the background analyses first (the command line)', () => {
	let engine: NativeEngine;
	beforeAll(async () => {
		engine = await createNativeEngine();
		await loadTransactions(engine, clvFixture(120, 3).lines);
		await engine.exec('DROP TABLE IF EXISTS customers');
	});
	afterAll(async () => {
		await engine?.close();
	});

	it('starts each background analysis in the wrapper before any other analysis, with the same results', async () => {
		const plain = await runAll(engine, { asOf: null });
		const delivered: AnalysisName[] = [];
		const wrapped: number[] = [];
		const reordered = await runAll(engine, { asOf: null }, {
			backgroundFirst: (start) => {
				wrapped.push(delivered.length);
				return engine.urgent(start);
			},
			onResult: (name) => delivered.push(name)
		});
		const background = Object.keys(ANALYSES).filter((n) => ANALYSES[n as AnalysisName].background);
		expect(background.length).toBeGreaterThan(0);
		// Each background analysis was started once, before any result had been delivered.
		expect(wrapped).toEqual(background.map(() => 0));
		expect(new Set(delivered)).toEqual(new Set(Object.keys(ANALYSES)));
		expect(reordered.clv.available).toBe(true);
		// Equal up to the last bits of sums, which vary between any two runs of native DuckDB.
		assertClose(reordered, plain);
	});
});
