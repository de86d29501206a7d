import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CDNOW, cdnowTransactions } from '../models/clv-cdnow-data';
import { createNativeEngine } from '../../../src/lib/engine/native-node';
import { parseArgs } from '../../../src/cli/analyze';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/analyses/cli-orders.csv');

function analyze(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn('npx', ['tsx', 'src/cli/analyze.ts', ...args], { cwd: ROOT });
		let stdout = '';
		let err = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('close', (status) => {
			// npm may print its own config warnings on stderr; keep only the tool's lines.
			const stderr = err
				.split('\n')
				.filter((l) => l && !l.startsWith('npm warn'))
				.join('\n');
			resolve({ status, stdout, stderr });
		});
	});
}

describe('command line flags', () => {
	it('--rating-scale takes the app\'s scale ids and the top of the scale as a shorthand', () => {
		expect(parseArgs(['f.csv']).ratingScale).toBeNull();
		expect(parseArgs(['f.csv', '--rating-scale', '1-5']).ratingScale).toBe('1-5');
		expect(parseArgs(['f.csv', '--rating-scale=0-100']).ratingScale).toBe('0-100');
		expect(parseArgs(['f.csv', '--rating-scale', '1-10']).ratingScale).toBe('1-10');
		expect(['5', '10', '100'].map((v) => parseArgs(['f.csv', '--rating-scale', v]).ratingScale)).toEqual(['1-5', '0-10', '0-100']);
		expect(() => parseArgs(['f.csv', '--rating-scale', '7'])).toThrow(/^--rating-scale must be one of 1-5, 0-10, 1-10, 0-100, 5, 10, 100, got "7"$/);
		expect(() => parseArgs(['f.csv', '--rating-scale'])).toThrow(/--rating-scale needs a value; usage: .*\[--rating-scale 1-5\|0-10\|1-10\|0-100\]/);
		expect(() => parseArgs(['f.csv', '--rating-scale', 'toString'])).toThrow(/--rating-scale must be one of/);
	});
});

describe('command line: npm run analyze', () => {
	it('writes every result as JSON and the per-customer CSV', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'analyze-'));
		const json = path.join(dir, 'out.json');
		const csv = path.join(dir, 'customers.csv');
		const parquet = path.join(dir, 'customers.parquet');
		const args = [FIXTURE, '--map', 'customer_id=Buyer Ref', '--as-of', '2024-01-01', '--churn-days', '60', '--margin', '0.4'];
		const [r, pq] = await Promise.all([analyze([...args, '--json', json, '--customers', csv]), analyze([...args, '--customers', parquet])]);
		expect(pq.status).toBe(0);
		// How the file was read goes to stderr as notes, nothing else.
		expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('note: '))).toEqual([]);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/Net revenue [\d,.]+/);
		expect(r.stdout).toMatch(/Churn rate [\d.]+ %/);
		expect(r.stdout).toMatch(/Forecast \((weekly|monthly)/);

		const doc = JSON.parse(readFileSync(json, 'utf8'));
		for (const k of ['kpis', 'trend', 'products', 'countries', 'dealSize', 'status', 'rfm', 'cltv', 'churn', 'engagement', 'cohorts', 'unusualDays', 'dataQuality', 'ingest', 'forecast', 'clv']) {
			expect(doc).toHaveProperty(k);
		}
		expect(doc.params).toMatchObject({ asOf: '2024-01-01', churnDays: 60, margin: 0.4 });
		expect(doc.mapping[0].fields.customer_id).toBe('Buyer Ref');
		expect(doc.kpis.available).toBe(true);
		expect(Array.isArray(doc.trend.months)).toBe(true);
		expect(Array.isArray(doc.rfm.segments)).toBe(true);
		expect(Object.keys(doc.clv.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLikelihood', 'timeUnit']);
		expect(Object.keys(doc.clv.gammaGamma)).toEqual(['p', 'q', 'v']);
		// A Pareto/NBD that runs off to a boundary of its parameters is refused as degenerate, with the reason.
		if (doc.clv.paretoNbd === null) expect(doc.clv.paretoNbdRefusal).toMatch(/degenerate/);
		else expect(Object.keys(doc.clv.paretoNbd)).toEqual(['r', 'alpha', 's', 'beta', 'logLikelihood', 'timeUnit']);
		expect(doc.clv.fitSample).toBeNull();
		expect(Object.keys(doc.clv.model)).toEqual(['chosen', 'reason', 'setting', 'holdoutRmse']);
		expect(['bgnbd', 'paretoNbd']).toContain(doc.clv.model.chosen);
		expect(doc.clv.model.reason).toMatch(/^(BG|Pareto)\/NBD was used/);
		expect(doc.cltv.margin).toBe(0.4);
		expect(doc.churn.churnDays).toBe(60);

		const lines = readFileSync(csv, 'utf8').split(/\r?\n/).filter(Boolean);
		expect(lines[0]).toBe(
			'customer_id,first_order_date,last_order_date,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cltv_tier,historical_profit,churned,risk_group,p_alive,expected_purchases_next_12m,predicted_clv_next_12m'
		);
		expect(lines).toHaveLength(1 + doc.rfm.customers);
		// Text that a spreadsheet would run is neutralised; numbers stay numbers.
		const evil = lines.find((l) => l.startsWith("'=SUM(A1),"));
		expect(evil).toBeDefined();
		expect(lines.some((l) => l.startsWith("'@evil,"))).toBe(true);
		// The Parquet file holds the same customers and columns (read back by DuckDB).
		const engine = await createNativeEngine();
		try {
			const back = await engine.query<Record<string, unknown>>(`SELECT * FROM read_parquet('${parquet}') ORDER BY customer_id`);
			expect(Object.keys(back[0]).join(',')).toBe(lines[0]);
			expect(back).toHaveLength(lines.length - 1);
			expect(back.map((b) => b.customer_id)).toContain('=SUM(A1)');
		} finally {
			await engine.close();
		}
		for (const l of lines.slice(1)) {
			const cells = l.split(',');
			expect(cells[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(cells[3]).toMatch(/^\d+$/);
		}
	}, 240_000);

	it('fails with one line and a non-zero status on bad input', async () => {
		const empty = path.join(mkdtempSync(path.join(tmpdir(), 'analyze-')), 'empty.csv');
		writeFileSync(empty, '');
		const [missing, badMargin, badMap, emptyFile] = await Promise.all([
			analyze(['no/such/file.csv']),
			analyze([FIXTURE, '--margin', '2']),
			analyze([FIXTURE, '--map', 'customer_id=Nope']),
			analyze([empty])
		]);
		expect(missing.status).not.toBe(0);
		expect(missing.stderr).toBe('analyze: file not found: no/such/file.csv');
		expect(badMargin.status).toBe(1);
		expect(badMargin.stderr.split('\n')).toHaveLength(1);
		expect(badMargin.stderr).toMatch(/^analyze: --margin must be a number from 0 to 1/);
		expect(badMap.status).toBe(1);
		expect(badMap.stderr).toMatch(/^analyze: --map customer_id=Nope: no input file has a column named "Nope"$/);
		expect(emptyFile.status).toBe(1);
		expect(emptyFile.stderr).toMatch(/^analyze: .+/);
		expect(emptyFile.stderr.split('\n')).toHaveLength(1);
	}, 90_000);

	it('prints the ingest notes to stderr and takes --decimal and --date-format overrides', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'analyze-'));
		const ambiguous = path.join(ROOT, 'test/fixtures/ingest/numbers-ambiguous.csv');
		// Every day is 12 or less: read month-first unless told otherwise.
		const dates = path.join(dir, 'dates.csv');
		writeFileSync(dates, 'order_id,customer_id,order_date,amount\n1,a,03/04/2024,10\n2,b,05/06/2024,20\n');
		const [detected, point, dmy] = await Promise.all([
			analyze([ambiguous, '--json', path.join(dir, 'a.json')]),
			analyze([ambiguous, '--decimal', 'point', '--json', path.join(dir, 'b.json')]),
			analyze([dates, '--date-format', 'dmy', '--json', path.join(dir, 'c.json')])
		]);
		expect([detected.status, point.status, dmy.status]).toEqual([0, 0, 0]);
		expect(detected.stderr).toMatch(/^note: numbers-ambiguous\.csv, column "amount": numbers such as "1\.500 €" read differently/m);
		const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
		expect(read('a.json').ingest.revenue).toBe(3753); // 1500 + 2250 + 3 (the semicolon file's decimal comma)
		expect(read('b.json').ingest.revenue).toBe(6.75); // 1.5 + 2.25 + 3
		expect(point.stderr).not.toMatch(/read differently/);
		expect(read('c.json').ingest.dateFormats[0].format).toBe('dmy');
		expect(read('c.json').ingest.dateFrom).toBe('2024-04-03');
		expect(dmy.stderr).not.toMatch(/month-first/);
		const bad = await analyze([dates, '--decimal', 'x']);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toMatch(/^analyze: --decimal must be comma or point/);
	}, 120_000);
});

describe.skipIf(CDNOW.missing)(CDNOW.title('command line on the CDNOW sample (Fader, Hardie & Lee 2005)'), () => {
	it('reproduces the published BG/NBD, Pareto/NBD and Gamma-Gamma fits with --as-of 1997-10-01', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'analyze-'));
		const csv = path.join(dir, 'cdnow.csv');
		const json = path.join(dir, 'cdnow.json');
		const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
		const rows = cdnowTransactions().map((t, i) => `${i + 1},${t.customer},${iso(t.day)},${t.dollars}`);
		writeFileSync(csv, ['order_id,customer_id,order_date,amount', ...rows].join('\n') + '\n');
		const r = await analyze([csv, '--as-of', '1997-10-01', '--json', json]);
		expect(r.status).toBe(0);
		const clv = JSON.parse(readFileSync(json, 'utf8')).clv;
		// Published in weeks; the CLI fits in days, so the rate scales α and β are 7 times larger.
		expect(clv.bgnbd.timeUnit).toBe('day');
		const within = (actual: number, published: number) => expect(Math.abs(actual / published - 1)).toBeLessThan(0.005);
		within(clv.bgnbd.r, 0.2426);
		within(clv.bgnbd.alpha / 7, 4.4136);
		within(clv.bgnbd.a, 0.7929);
		within(clv.bgnbd.b, 2.4259);
		within(clv.paretoNbd.r, 0.5533);
		within(clv.paretoNbd.alpha / 7, 10.5776);
		within(clv.paretoNbd.s, 0.6061);
		within(clv.paretoNbd.beta / 7, 11.6688);
		within(clv.gammaGamma.p, 6.2488);
		within(clv.gammaGamma.q, 3.7446);
		within(clv.gammaGamma.v, 15.4478);
		expect(clv.customers).toBe(2357);
	}, 120_000);
});
