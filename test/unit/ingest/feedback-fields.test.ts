/** Ratings, review texts and review dates: mapped with zero clicks from usual names and carried into `transactions`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { createWasmNodeEngine } from '../../../src/lib/engine/wasm-node';
import { buildCanonical, inputFromBytes, loadFiles, suggestMapping } from '../../../src/lib/ingest/index';

let engine: Engine;
beforeAll(async () => {
	engine = await createWasmNodeEngine();
});
afterAll(async () => engine?.close());

const csv = (name: string, text: string) => inputFromBytes(name, new TextEncoder().encode(text));

async function mapped(name: string, text: string) {
	const loaded = await loadFiles(engine, [csv(name, text)]);
	const s = suggestMapping(loaded.files);
	return { loaded, s, fields: s.mapping.files[0].fields };
}

describe('feedback columns', () => {
	it('maps a marketplace-style header and carries rating, text and review date into transactions', async () => {
		const { loaded, s, fields } = await mapped(
			'orders.csv',
			'order_id,customer_id,order_purchase_timestamp,payment_value,review_score,review_comment_message,review_creation_date\n' +
				'o1,c1,2024-01-02 10:00:00,10.5,5,"Great, fast",2024-01-09 00:00:00\n' +
				'o2,c2,2024-01-03 11:00:00,20,1,,2024-01-12 00:00:00\n'
		);
		expect(fields).toMatchObject({ order_ts: 'order_purchase_timestamp', rating: 'review_score', review_text: 'review_comment_message', review_date: 'review_creation_date' });
		expect(s.disabledAnalyses.map((d) => d.analysis)).not.toContain('feedback');
		await buildCanonical(engine, loaded, s.mapping);
		const rows = await engine.query<{ rating: number; review_text: string | null; review_date: string }>(
			'SELECT rating, review_text, CAST(review_date AS VARCHAR) AS review_date FROM transactions ORDER BY order_id'
		);
		expect(rows).toEqual([
			{ rating: 5, review_text: 'Great, fast', review_date: '2024-01-09 00:00:00' },
			{ rating: 1, review_text: null, review_date: '2024-01-12 00:00:00' }
		]);
	});

	it('maps German, Spanish and NPS names', async () => {
		expect((await mapped('de.csv', 'Bestellnummer,Datum,Betrag,Bewertung,Kommentar\n1,2024-01-02,10,4,gut\n')).fields).toMatchObject({ rating: 'Bewertung', review_text: 'Kommentar' });
		expect((await mapped('es.csv', 'pedido,fecha,importe,puntuación\n1,2024-01-02,10,4\n')).fields).toMatchObject({ rating: 'puntuación' });
		expect((await mapped('nps.csv', 'order id,date,amount,NPS,comment\n1,2024-01-02,10,9,fine\n')).fields).toMatchObject({ rating: 'NPS', review_text: 'comment' });
	});

	it('turns the feedback panel off, naming the column, when there is no rating', async () => {
		const { s } = await mapped('plain.csv', 'order_id,date,amount\n1,2024-01-02,10\n');
		expect(s.disabledAnalyses.find((d) => d.analysis === 'feedback')?.reason).toMatch(/rating column/);
	});
});
