/**
 * Forecast many series from a long CSV.
 *
 *   npm run forecast -- SERIES.csv [--horizon H] [--period N] [--out FORECASTS.csv]
 *
 * Input: header `series_id,t,value`, t = 1, 2, … per series (rows in any order).
 * Output: `series_id,h,forecast,lo80,hi80,lo95,hi95` (stdout without --out); a series id starting
 * with =, +, -, @, tab or CR gets a leading ' so a spreadsheet shows it as text.
 * Bad input exits with status 1 and one line: `file:line: problem`.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { forecast, DEFAULT_HORIZON, MAX_HORIZON } from '../lib/models/forecast/index';
import { csvCell } from '../lib/report/csv'; // not report/index, which loads the panels and with them Plot

class InputError extends Error {}

interface Options {
	input: string;
	out: string | null;
	horizon: number;
	period: number;
}

const USAGE = 'usage: forecast SERIES.csv [--horizon H] [--period N] [--out FORECASTS.csv]';

function parseIntOption(name: string, raw: string | undefined, min: number, max: number): number {
	const v = Number(raw);
	if (raw === undefined || !/^\d+$/.test(raw) || v < min || v > max) {
		throw new InputError(`${name} must be an integer from ${min} to ${max}, got ${raw ?? 'nothing'}`);
	}
	return v;
}

function parseArgs(argv: string[]): Options {
	let input: string | null = null;
	let out: string | null = null;
	let horizon = DEFAULT_HORIZON;
	let period = 12;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--horizon') horizon = parseIntOption('--horizon', argv[++i], 1, MAX_HORIZON);
		else if (a === '--period') period = parseIntOption('--period', argv[++i], 1, 10_000);
		else if (a === '--out') {
			out = argv[++i] ?? null;
			if (!out) throw new InputError('--out needs a file name');
		} else if (a.startsWith('--')) throw new InputError(`unknown option ${a}; ${USAGE}`);
		else if (input === null) input = a;
		else throw new InputError(`unexpected argument ${a}; ${USAGE}`);
	}
	if (input === null) throw new InputError(USAGE);
	return { input, out, horizon, period };
}

/** Splits one CSV record; fields may be double-quoted with "" as an escaped quote. */
function splitCsvLine(line: string): string[] | null {
	const fields: string[] = [];
	let i = 0;
	while (true) {
		if (line[i] === '"') {
			let field = '';
			i++;
			while (true) {
				const q = line.indexOf('"', i);
				if (q < 0) return null;
				field += line.slice(i, q);
				if (line[q + 1] === '"') {
					field += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			fields.push(field);
			if (i === line.length) return fields;
			if (line[i] !== ',') return null;
			i++;
		} else {
			const c = line.indexOf(',', i);
			if (c < 0) {
				fields.push(line.slice(i));
				return fields;
			}
			fields.push(line.slice(i, c));
			i = c + 1;
		}
	}
}

/** Series in first-seen order, each value array indexed by t − 1. */
function readSeries(file: string): Map<string, number[]> {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (e) {
		throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
	}
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[lines.length - 1] === '') lines.pop();
	const header = lines[0]?.trim();
	if (header !== 'series_id,t,value') {
		throw new InputError(`${file}:1: header must be exactly "series_id,t,value", found "${header ?? ''}"`);
	}
	const series = new Map<string, { values: number[]; lines: number[] }>();
	for (let i = 1; i < lines.length; i++) {
		const where = `${file}:${i + 1}`;
		if (lines[i].trim() === '') throw new InputError(`${where}: empty line`);
		const fields = splitCsvLine(lines[i]);
		if (!fields || fields.length !== 3) throw new InputError(`${where}: expected 3 fields (series_id,t,value)`);
		const [id, tRaw, valueRaw] = fields;
		if (id === '') throw new InputError(`${where}: empty series_id`);
		const t = Number(tRaw);
		if (!/^\s*\d+\s*$/.test(tRaw) || t < 1) throw new InputError(`${where}: t must be a positive integer, got "${tRaw}"`);
		const value = valueRaw.trim() === '' ? NaN : Number(valueRaw);
		if (!Number.isFinite(value)) throw new InputError(`${where}: value must be a finite number, got "${valueRaw}"`);
		const s = series.get(id) ?? { values: [], lines: [] };
		if (s.lines[t - 1] !== undefined) {
			throw new InputError(`${where}: duplicate t=${t} for series "${id}" (first on line ${s.lines[t - 1]})`);
		}
		s.values[t - 1] = value;
		s.lines[t - 1] = i + 1;
		series.set(id, s);
	}
	if (series.size === 0) throw new InputError(`${file}: no data rows`);
	const out = new Map<string, number[]>();
	for (const [id, s] of series) {
		for (let t = 0; t < s.values.length; t++) {
			if (s.lines[t] === undefined) {
				const next = s.lines.slice(t).find((l) => l !== undefined);
				throw new InputError(`${file}:${next}: series "${id}" has no value for t=${t + 1} (gaps are not allowed)`);
			}
		}
		out.set(id, s.values);
	}
	return out;
}

function main(argv: string[]): void {
	const options = parseArgs(argv);
	const series = readSeries(options.input);
	const rows = ['series_id,h,forecast,lo80,hi80,lo95,hi95'];
	for (const [id, values] of series) {
		const r = forecast({ values, period: options.period, horizon: options.horizon, backtest: false });
		for (let h = 0; h < options.horizon; h++) {
			// csvCell neutralises a series id a spreadsheet would run as a formula, as every export does.
			rows.push([id, h + 1, r.forecast[h], r.lo80[h], r.hi80[h], r.lo95[h], r.hi95[h]].map(csvCell).join(','));
		}
	}
	const text = rows.join('\n') + '\n';
	if (options.out) {
		writeFileSync(options.out, text);
		console.error(`wrote ${series.size} series × ${options.horizon} horizons to ${options.out}`);
	} else process.stdout.write(text);
}

try {
	main(process.argv.slice(2));
} catch (e) {
	if (e instanceof InputError) {
		console.error(`forecast: ${e.message}`);
		process.exit(1);
	}
	throw e;
}
