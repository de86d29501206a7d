/**
 * The generated marketplace sample: regenerates byte-identically, loads with zero clicks (the four
 * files in any order), and gives the numbers a plain recomputation from the CSVs gives.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMarketplace, MARKETPLACE_FILES } from '../../../src/cli/generate-marketplace';
import { runAnalyses } from '../../../src/lib/analyses/index';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { buildCanonical, suggestMapping } from '../../../src/lib/ingest/index';
import { plainMarketplace } from '../../plain-marketplace';
import { loadPaths, ROOT, SAMPLES } from './helpers';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

const read = (k: keyof typeof MARKETPLACE_FILES) => readFileSync(join(SAMPLES, MARKETPLACE_FILES[k]), 'utf8');

describe('marketplace sample', () => {
	it('regenerates byte-identically', () => {
		const fresh = generateMarketplace();
		for (const k of ['orders', 'items', 'customers', 'reviews'] as const) expect(fresh[k] === read(k), MARKETPLACE_FILES[k]).toBe(true);
	});

	it('has repeat buyers under several per-order ids, orders with two items, canceled orders, and 1–5 reviews', () => {
		const orders = read('orders').trim().split('\n').slice(1);
		const people = read('customers').trim().split('\n').slice(1).map((l) => l.split(',')[1]);
		expect(orders.length).toBeGreaterThan(300);
		expect(new Set(people).size).toBeGreaterThanOrEqual(100);
		expect(new Set(people).size).toBeLessThan(people.length);
		expect(orders.some((l) => l.includes(',canceled,'))).toBe(true);
		const perOrder = new Map<string, number>();
		for (const l of read('items').trim().split('\n').slice(1)) perOrder.set(l.split(',')[0], (perOrder.get(l.split(',')[0]) ?? 0) + 1);
		expect([...perOrder.values()].some((n) => n >= 2)).toBe(true);
		const scores = new Set(read('reviews').trim().split('\n').slice(1).map((l) => l.split(',')[2]));
		expect([...scores].sort()).toEqual(['1', '2', '3', '4', '5']);
	});

	it('loads with zero clicks and matches the plain recomputation', async () => {
		const paths = (['reviews', 'items', 'customers', 'orders'] as const).map((k) => join(SAMPLES, MARKETPLACE_FILES[k]));
		const loaded = await loadPaths(engine, paths);
		const s = suggestMapping(loaded.files);
		expect(s.problems).toEqual([]);
		expect(s.mapping.files.map((m) => m.role)).toEqual(['feedback', 'transactions', 'customers', 'orders']);
		await buildCanonical(engine, loaded, s.mapping);
		const r = await runAnalyses(engine, {}, ['kpis', 'feedback']);
		if (!r.kpis.available || !r.feedback.available) throw new Error('kpis and feedback should be available');
		const plain = plainMarketplace({ orders: read('orders'), items: read('items'), customers: read('customers'), reviews: read('reviews') });
		expect(r.kpis.revenue).toBeCloseTo(plain.revenue, 6);
		expect(r.kpis.orders).toBe(plain.orders);
		expect(r.kpis.customers).toBe(plain.customers);
		expect(r.kpis.units).toBe(plain.units);
		expect(r.feedback.ratedOrders).toBe(plain.ratedOrders);
		expect(r.feedback.avgRating).toBeCloseTo(plain.avgRating, 9);
		expect(r.feedback.scale.id).toBe('1-5');
	});

	it('gives the same numbers on the command line (npm run analyze with the four files)', () => {
		const out = join(mkdtempSync(join(tmpdir(), 'marketplace-')), 'out.json');
		const files = (['orders', 'items', 'customers', 'reviews'] as const).map((k) => join(SAMPLES, MARKETPLACE_FILES[k]));
		const r = spawnSync('npx', ['tsx', 'src/cli/analyze.ts', ...files, '--json', out], { cwd: ROOT, encoding: 'utf8' });
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toContain('is its revenue (quantity 1)');
		const doc = JSON.parse(readFileSync(out, 'utf8'));
		const plain = plainMarketplace({ orders: read('orders'), items: read('items'), customers: read('customers'), reviews: read('reviews') });
		expect(doc.kpis.revenue).toBeCloseTo(plain.revenue, 6);
		expect(doc.kpis.orders).toBe(plain.orders);
		expect(doc.kpis.customers).toBe(plain.customers);
		expect(doc.feedback.avgRating).toBeCloseTo(plain.avgRating, 9);
	}, 120_000);
});
