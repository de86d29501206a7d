/**
 * Analyse order files from the command line, with native DuckDB and the same analyses as the app.
 *
 *   npm run analyze -- FILE... [--map field=Column ...] [--as-of YYYY-MM-DD] [--churn-days N]
 *                      [--margin X] [--date-format F] [--decimal comma|point]
 *                      [--rating-scale 1-5|0-10|1-10|0-100] [--json OUT.json] [--customers OUT.csv|OUT.parquet]
 *
 * Prints a short summary; `--json` writes every result, `--customers` every customer with every score
 * (the columns of the app's "Download all customers"; Parquet when the name ends in .parquet).
 * How the files were read (dates read month-first, lines left out, number formats…) goes to
 * stderr as `note:` lines. `--date-format`, `--decimal` and `--rating-scale` (the app's "Review
 * columns" scale; `5`, `10` and `100` stand for 1-5, 0-10 and 0-100) override what was detected.
 * Bad input exits with status 1 and one line saying why.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createNativeEngine, type NativeEngine } from '../lib/engine/native-node';
import {
	CANONICAL_FIELDS,
	CUSTOMER_ATTRIBUTES,
	FAMILY_ORDER,
	buildCanonical,
	loadFiles,
	suggestMapping,
	type CanonicalField,
	type CustomerAttribute,
	type DateFamily,
	type DateFormatSpec,
	type DecimalMark,
	type Mapping,
	type QualitySummary
} from '../lib/ingest/index';
// Node-only, so not on the browser-safe public face.
import { inputFromPath } from '../lib/ingest/node-input';
import { allCustomersQuery, exportAllCustomers, fitSampleSentence, presetModels, RATING_SCALES, runAll, withDefaults, type AnalysisParams, type AnalysisResults, type RatingScaleId } from '../lib/analyses/index';
import { isIsoDate } from '../lib/analyses/index';
import { toCsv } from '../lib/report/csv'; // not report/index, which loads the panels and with them Plot
import { startModelThread, type ModelThread } from './models-thread';

class InputError extends Error {}

const USAGE =
	'usage: analyze FILE... [--map field=Column ...] [--as-of YYYY-MM-DD] [--churn-days N] [--margin X] [--date-format F] [--decimal comma|point] [--rating-scale 1-5|0-10|1-10|0-100] [--json OUT.json] [--customers OUT.csv|OUT.parquet]';

const DECIMALS: Record<string, DecimalMark> = { comma: 'comma', ',': 'comma', point: 'point', '.': 'point' };
/** `--rating-scale`: the app's scale ids, and the top of the scale as a shorthand (10 = 0–10, the NPS question). */
const RATING_SCALE_NAMES = new Map<string, RatingScaleId>([...(Object.keys(RATING_SCALES) as RatingScaleId[]).map((id) => [id, id] as const), ['5', '1-5'], ['10', '0-10'], ['100', '0-100']]);

export interface CliOptions {
	files: string[];
	map: { field: string; column: string }[];
	asOf: string | null;
	churnDays: number | null;
	margin: number | null;
	/** A date family (`dmy`, `iso`…) or a strptime pattern such as `%d.%m.%Y`. */
	dateFormat: DateFormatSpec | null;
	decimal: DecimalMark | null;
	/** Scale of the rating column; null = read from the data. */
	ratingScale: RatingScaleId | null;
	json: string | null;
	customers: string | null;
}

export function parseArgs(argv: string[]): CliOptions {
	const o: CliOptions = { files: [], map: [], asOf: null, churnDays: null, margin: null, dateFormat: null, decimal: null, ratingScale: null, json: null, customers: null };
	const value = (i: number, flag: string) => {
		const v = argv[i];
		if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new InputError(`${flag} needs a value; ${USAGE}`);
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const eq = a.startsWith('--') ? a.indexOf('=') : -1;
		// Accept both `--flag value` and `--flag=value` (but `--map field=Column` keeps its own `=`).
		const [flag, inline] = eq > 0 && !a.startsWith('--map=') ? [a.slice(0, eq), a.slice(eq + 1)] : a.startsWith('--map=') ? ['--map', a.slice(6)] : [a, undefined];
		const next = () => (inline !== undefined ? inline : value(++i, flag));
		if (flag === '--map') {
			const spec = next();
			const k = spec.indexOf('=');
			if (k <= 0 || k === spec.length - 1) throw new InputError(`--map expects field=Column, got ${JSON.stringify(spec)}`);
			o.map.push({ field: spec.slice(0, k).trim(), column: spec.slice(k + 1) });
		} else if (flag === '--as-of') {
			const v = next();
			if (!isIsoDate(v)) throw new InputError(`--as-of must be a date written YYYY-MM-DD, got ${JSON.stringify(v)}`);
			o.asOf = v;
		} else if (flag === '--churn-days') {
			const v = next();
			if (!/^\d+$/.test(v) || Number(v) < 1) throw new InputError(`--churn-days must be a whole number of days ≥ 1, got ${JSON.stringify(v)}`);
			o.churnDays = Number(v);
		} else if (flag === '--margin') {
			const v = next();
			const x = Number(v);
			if (v.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) throw new InputError(`--margin must be a number from 0 to 1 (e.g. 0.3), got ${JSON.stringify(v)}`);
			o.margin = x;
		} else if (flag === '--date-format') {
			const v = next();
			if (FAMILY_ORDER.includes(v as DateFamily)) o.dateFormat = v as DateFamily;
			else if (v.includes('%')) o.dateFormat = { strptime: v };
			else throw new InputError(`--date-format must be one of ${FAMILY_ORDER.join(', ')} or a pattern such as %d.%m.%Y, got ${JSON.stringify(v)}`);
		} else if (flag === '--decimal') {
			const v = next();
			if (!DECIMALS[v]) throw new InputError(`--decimal must be comma or point, got ${JSON.stringify(v)}`);
			o.decimal = DECIMALS[v];
		} else if (flag === '--rating-scale') {
			const v = next();
			const scale = RATING_SCALE_NAMES.get(v);
			if (!scale) throw new InputError(`--rating-scale must be one of ${[...RATING_SCALE_NAMES.keys()].join(', ')}, got ${JSON.stringify(v)}`);
			o.ratingScale = scale;
		} else if (flag === '--json') o.json = next();
		else if (flag === '--customers') o.customers = next();
		else if (flag === '--help' || flag === '-h') throw new InputError(USAGE);
		else if (flag.startsWith('--')) throw new InputError(`unknown option ${flag}; ${USAGE}`);
		else o.files.push(a);
	}
	if (o.files.length === 0) throw new InputError(`no input file; ${USAGE}`);
	return o;
}

const FIELDS = new Set<string>(CANONICAL_FIELDS.map((f) => f.field));
const ATTRIBUTES = new Set<string>(CUSTOMER_ATTRIBUTES.map((a) => a.field));

/** Applies `--map field=Column` to every order file that has that column (or, if none has it, reports it). */
function applyOverrides(mapping: Mapping, overrides: CliOptions['map'], columnsOf: (table: string) => string[]): void {
	for (const { field, column } of overrides) {
		if (!FIELDS.has(field) && !ATTRIBUTES.has(field)) {
			throw new InputError(`--map ${field}=${column}: unknown field ${JSON.stringify(field)}; fields: ${[...FIELDS, ...ATTRIBUTES].join(', ')}`);
		}
		const targets = mapping.files.filter((m) => m.role !== 'unusable' && columnsOf(m.table).includes(column));
		const orderFiles = mapping.files.filter((m) => m.role === 'transactions' && columnsOf(m.table).includes(column));
		const chosen = FIELDS.has(field) ? (orderFiles.length ? orderFiles : mapping.files.filter((m) => columnsOf(m.table).includes(column))) : targets;
		if (chosen.length === 0) throw new InputError(`--map ${field}=${column}: no input file has a column named ${JSON.stringify(column)}`);
		for (const m of chosen) {
			if (FIELDS.has(field)) {
				m.fields[field as CanonicalField] = column;
				if (m.role === 'unusable') m.role = 'transactions';
			} else m.attributes[field as CustomerAttribute] = column;
		}
	}
}

const int = (n: number | null | undefined) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US'));
const money = (n: number | null | undefined) =>
	n === null || n === undefined ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)} %`);

export function summary(r: AnalysisResults): string {
	const out: string[] = [];
	const k = r.kpis;
	if (k.available) {
		out.push(`Period ${k.period.from} … ${k.period.to} (${int(k.period.days)} days), as of ${k.asOf}; ${int(k.lines)} order lines`);
		out.push(`Net revenue ${money(k.revenue)} · gross sales ${money(k.grossSales)} · returned ${money(k.returnedValue)}`);
		out.push(`Orders ${int(k.orders)} · AOV ${money(k.aov)} · customers ${int(k.customers)} · units ${int(k.units)} · products ${int(k.products)}`);
	} else out.push(`KPIs: ${k.reason}`);
	if (r.rfm.available) {
		const top = [...r.rfm.segments].sort((a, b) => b.customers - a.customers).slice(0, 4);
		out.push(`Top segments (${int(r.rfm.customers)} customers): ${top.map((s) => `${s.segment} ${int(s.customers)} (${pct(s.share)})`).join(', ')}`);
	} else out.push(`RFM: ${r.rfm.reason}`);
	if (r.churn.available) out.push(`Churn rate ${pct(r.churn.churnRate)} (no order in the last ${r.churn.churnDays} days): ${int(r.churn.churned)} of ${int(r.churn.customers)} customers`);
	else out.push(`Churn: ${r.churn.reason}`);
	if (r.forecast.available) {
		const f = r.forecast;
		const next = f.labels.slice(0, 3).map((l, i) => `${l} ${money(f.forecast[i])}`);
		out.push(`Forecast (${f.granularity === 'month' ? 'monthly' : 'weekly'}, ${f.method}): ${next.join(', ')}${f.labels.length > 3 ? ', …' : ''}`);
	} else out.push(`Forecast: ${r.forecast.reason}`);
	if (r.clv.available) {
		out.push(`Predicted CLV next ${r.clv.horizonMonths} months: ${r.clv.totals.predictedClv === null ? `– (${r.clv.gammaGammaRefusal})` : money(r.clv.totals.predictedClv)}; expected purchases ${int(r.clv.totals.expectedPurchases)}${r.clv.fitSample ? `. ${fitSampleSentence(r.clv)}` : ''}`);
	} else out.push(`Predicted CLV: ${r.clv.reason}`);
	return out.join('\n');
}

/**
 * `release`: close the database and the models thread at the end. A process that exits right after
 * need not: freeing the tables of a 10 M-row file takes about a second, and the exit frees them anyway.
 */
export async function main(argv: string[], { release = true }: { release?: boolean } = {}): Promise<number> {
	let engine: NativeEngine | null = null;
	let models: ModelThread | null = null;
	try {
		const opts = parseArgs(argv);
		for (const f of opts.files) {
			const s = await stat(f).catch(() => null);
			if (!s) throw new InputError(`file not found: ${f}`);
			if (!s.isFile()) throw new InputError(`not a file: ${f}`);
		}
		engine = await createNativeEngine();
		const inputs = await Promise.all(opts.files.map((f) => inputFromPath(f)));
		const loaded = await loadFiles(engine, inputs);
		if (loaded.files.length === 0) throw new InputError(loaded.failures[0]?.message ?? 'no file could be read');
		for (const failure of loaded.failures) process.stderr.write(`warning: ${failure.message.split('\n')[0]}\n`);
		const suggestion = suggestMapping(loaded.files);
		const columns = new Map(loaded.files.map((f) => [f.table, f.columns.map((c) => c.name)]));
		applyOverrides(suggestion.mapping, opts.map, (t) => columns.get(t) ?? []);
		if (!opts.map.length && suggestion.problems.length) throw new InputError(suggestion.problems[0].message);
		const built = await buildCanonical(engine, loaded, suggestion.mapping, {
			...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}),
			...(opts.decimal ? { decimal: opts.decimal } : {})
		});
		for (const note of [...loaded.files.flatMap((f) => f.notes), ...built.quality.notes]) process.stderr.write(`note: ${note}\n`);
		const params: AnalysisParams = withDefaults({
			asOf: opts.asOf,
			...(opts.churnDays !== null ? { churnDays: opts.churnDays } : {}),
			...(opts.margin !== null ? { margin: opts.margin } : {}),
			...(opts.ratingScale !== null ? { ratingScale: opts.ratingScale } : {})
		});
		models = startModelThread();
		const results = await runAll(engine, params, { models, backgroundFirst: true });
		process.stdout.write(`${summary(results)}\n`);
		if (opts.json) {
			const doc = {
				tool: 'customer-lens analyze',
				files: opts.files.map((f) => path.basename(f)),
				mapping: suggestion.mapping.files.map((m) => ({ file: m.file, role: m.role, fields: m.fields, attributes: m.attributes })),
				ingest: built.quality satisfies QualitySummary,
				...results
			};
			await writeFile(opts.json, `${JSON.stringify(doc, null, 2)}\n`);
			process.stdout.write(`wrote ${opts.json}\n`);
		}
		if (opts.customers) {
			const models = results.clv.available ? presetModels(results.clv) : undefined;
			let count: number;
			if (opts.customers.toLowerCase().endsWith('.parquet')) {
				const query = await allCustomersQuery(engine, params, models);
				if (!query) throw new InputError('there are no customers to write');
				await writeFile(opts.customers, await engine.copyToParquet(query.sql));
				[{ count }] = await engine.query<{ count: number }>(`SELECT count(*) AS count FROM (${query.sql})`);
			} else {
				const { columns, rows } = await exportAllCustomers(engine, params, models);
				await writeFile(opts.customers, toCsv(columns, rows));
				count = rows.length;
			}
			process.stdout.write(`wrote ${opts.customers} (${int(count)} customers)\n`);
		}
		return 0;
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		process.stderr.write(`analyze: ${message.split('\n')[0]}\n`);
		return 1;
	} finally {
		if (release) {
			await models?.close();
			await engine?.close().catch(() => {});
		}
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main(process.argv.slice(2), { release: false }).then((code) => process.exit(code));
}
