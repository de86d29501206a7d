import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine, type NativeEngine } from '../../../src/lib/engine/native-node';
import type { Engine } from '../../../src/lib/engine/index';
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

	it('starts the background analyses before any other analysis, their statements in the urgent lane, with the same results', async () => {
		const plain = await runAll(engine, { asOf: null });
		const delivered: AnalysisName[] = [];
		// How many results had been delivered when each urgent statement was issued.
		const urgentAt: number[] = [];
		const spied: Engine = {
			...engine,
			urgent: {
				...engine.urgent,
				query: (sql, params) => (urgentAt.push(delivered.length), engine.urgent.query(sql, params)),
				exec: (sql) => (urgentAt.push(delivered.length), engine.urgent.exec(sql))
			}
		};
		const reordered = await runAll(spied, { asOf: null }, { backgroundFirst: true, onResult: (name) => delivered.push(name) });
		const background = Object.keys(ANALYSES).filter((n) => ANALYSES[n as AnalysisName].background);
		expect(background.length).toBeGreaterThan(0);
		// The fits' inputs were read in the urgent lane, the first of them before any result had been delivered.
		expect(urgentAt.length).toBeGreaterThan(0);
		expect(urgentAt[0]).toBe(0);
		expect(new Set(delivered)).toEqual(new Set(Object.keys(ANALYSES)));
		expect(reordered.clv.available).toBe(true);
		// Equal up to the last bits of sums, which vary between any two runs of native DuckDB.
		assertClose(reordered, plain);
	});
});
