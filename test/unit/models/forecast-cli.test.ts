import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'src/cli/forecast.ts');
const dir = mkdtempSync(join(tmpdir(), 'forecast-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, encoding: 'utf8' });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

function write(name: string, text: string): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('forecast CLI', () => {
	it('writes one row per series and horizon with the agreed columns', () => {
		// Two series, rows shuffled, one id that needs quoting.
		const rows: string[] = [];
		for (let t = 1; t <= 30; t++) {
			rows.push(`"shop, north",${t},${100 + 2 * t + (t % 3)}`);
			rows.push(`b,${31 - t},${50 + ((31 - t) % 4)}`);
		}
		const input = write('series.csv', ['series_id,t,value', ...rows].join('\n') + '\n');
		const out = join(dir, 'forecasts.csv');
		const r = run([input, '--horizon', '4', '--out', out]);
		expect(r.status).toBe(0);
		const lines = readFileSync(out, 'utf8').trim().split('\n');
		expect(lines[0]).toBe('series_id,h,forecast,lo80,hi80,lo95,hi95');
		expect(lines).toHaveLength(1 + 2 * 4);
		const parsed = lines.slice(1).map((l) => {
			const m = /^("(?:[^"]|"")*"|[^,]*),(.*)$/.exec(l)!;
			return { id: m[1], nums: m[2].split(',').map(Number) };
		});
		expect(parsed.filter((p) => p.id === '"shop, north"').map((p) => p.nums[0])).toEqual([1, 2, 3, 4]);
		expect(parsed.filter((p) => p.id === 'b').map((p) => p.nums[0])).toEqual([1, 2, 3, 4]);
		for (const { nums } of parsed) {
			const [, f, lo80, hi80, lo95, hi95] = nums;
			nums.forEach((v) => expect(Number.isFinite(v)).toBe(true));
			expect(lo95).toBeLessThanOrEqual(lo80);
			expect(lo80).toBeLessThanOrEqual(f);
			expect(f).toBeLessThanOrEqual(hi80);
			expect(hi80).toBeLessThanOrEqual(hi95);
		}
		// The trending series keeps rising; the flat one stays near its 50–53 range.
		const shop = parsed.filter((p) => p.id !== 'b').map((p) => p.nums[1]);
		expect(shop[3]).toBeGreaterThan(160);
		parsed.filter((p) => p.id === 'b').forEach((p) => expect(Math.abs(p.nums[1] - 51.5)).toBeLessThan(3));
	});

	it.each([
		['header.csv', 'id,t,value\na,1,2\n', /header\.csv:1: header must be exactly "series_id,t,value"/],
		['value.csv', 'series_id,t,value\na,1,2\na,2,abc\n', /value\.csv:3: value must be a finite number, got "abc"/],
		['fields.csv', 'series_id,t,value\na,1\n', /fields\.csv:2: expected 3 fields/],
		['t.csv', 'series_id,t,value\na,0,5\n', /t\.csv:2: t must be a positive integer/],
		['dup.csv', 'series_id,t,value\na,1,5\na,1,6\n', /dup\.csv:3: duplicate t=1 for series "a" \(first on line 2\)/],
		['gap.csv', 'series_id,t,value\na,1,5\na,3,6\n', /gap\.csv:3: series "a" has no value for t=2/]
	])('rejects bad input with one line naming file, line and problem (%s)', (name, text, message) => {
		const r = run([write(name, text), '--out', join(dir, 'never.csv')]);
		expect(r.status).toBe(1);
		expect(r.stderr.split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(message);
	});

	it('rejects a bad horizon and a missing file', () => {
		const ok = write('ok.csv', 'series_id,t,value\na,1,5\n');
		const bad = run([ok, '--horizon', '40']);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toMatch(/--horizon must be an integer from 1 to 36/);
		const missing = run([join(dir, 'missing.csv')]);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/missing\.csv: cannot read \(ENOENT\)/);
	});

	it('writes a series id a spreadsheet would evaluate as text, with a leading quote', () => {
		const ids = ['"=HYPERLINK(""http://x"")"', '+1', '@SUM(A1)', '-north', 'plain-id'];
		const rows = ids.flatMap((id) => [1, 2, 3, 4, 5, 6].map((t) => `${id},${t},${10 + t}`));
		const input = write('formula.csv', ['series_id,t,value', ...rows].join('\n') + '\n');
		const r = run([input, '--horizon', '1']);
		expect(r.status).toBe(0);
		const idFields = r.stdout
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => l.slice(0, l.lastIndexOf(',1,')));
		expect(idFields).toEqual(["\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'@SUM(A1)", "'-north", 'plain-id']);
	});
});
