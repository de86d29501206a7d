/**
 * Hand-made analysis results for the chart, insight and report tests. Small, internally consistent
 * numbers so expected sentences can be computed by hand.
 */
import { DEFAULT_PARAMS } from '../../../src/lib/analyses/params';
import type {
	AnalysisResults,
	ChurnResult,
	CltvResult,
	ClvResult,
	CohortResult,
	DemographicsResult,
	EngagementResult,
	ForecastAnalysisResult,
	KpiResult,
	RfmResult,
	TrendMonth,
	TrendResult,
	UnusualDaysResult,
	BreakdownResult,
	DealSizeResult,
	StatusResult,
	DataQualityResult
} from '../../../src/lib/analyses/types';
import type { QualitySummary } from '../../../src/lib/ingest/types';

export const XSS = '<img src=x onerror=alert(1)>';

export const kpis: KpiResult = {
	available: true,
	period: { from: '2023-01-01', to: '2024-06-15', days: 532 },
	asOf: '2024-06-16',
	revenue: 1234.5,
	grossSales: 1300,
	returnedValue: 65.5,
	orders: 40,
	aov: 30.8625,
	customers: 20,
	units: 300,
	products: 12,
	lines: 120,
	returnLines: 4,
	cancelledOrders: 2
};

/** 17 complete months (Jan 2023 – May 2024) and a partial June 2024. */
const revenues = [100, 110, 120, 100, 90, 95, 105, 115, 125, 130, 150, 200, 110, 120, 130, 110, 100, 40];
const months: TrendMonth[] = revenues.map((revenue, i) => {
	const y = 2023 + Math.floor(i / 12);
	const month = `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
	return { month, revenue, orders: 2 + (i % 3), customers: 2, partial: i === revenues.length - 1, growth: null };
});
for (let i = 1; i < months.length; i++) {
	if (!months[i].partial && !months[i - 1].partial) months[i].growth = months[i].revenue / months[i - 1].revenue - 1;
}
const growths = months.map((m) => m.growth).filter((g): g is number => g !== null);

export const trend: TrendResult = {
	available: true,
	months,
	partialFirst: false,
	partialLast: true,
	completeMonths: 17,
	peak: { month: '2023-12', revenue: 200 },
	lowest: { month: '2023-05', revenue: 90 },
	averageGrowth: growths.reduce((s, g) => s + g, 0) / growths.length,
	seasonality: Array.from({ length: 12 }, (_, k) => ({ month: k + 1, index: k === 11 ? 1.6 : k < 5 ? 0.9 + k * 0.02 : 1, completeMonths: k < 5 ? 2 : 1 }))
};

export const forecast: ForecastAnalysisResult = {
	available: true,
	granularity: 'month',
	period: 12,
	history: months.map((m) => ({ label: m.month, value: m.revenue, partial: m.partial })),
	partialLast: true,
	horizon: 3,
	labels: ['2024-06', '2024-07', '2024-08'],
	method: 'ETS(A,N,N)',
	fitted: revenues.slice(0, 17),
	forecast: [105, 110, 115],
	lo80: [90, 92, 94],
	hi80: [120, 128, 136],
	lo95: [80, 82, 84],
	hi95: [130, 138, 146],
	backtest: { origins: 4, horizon: 3, mase: 0.8, smape: 0.12, naiveMase: 1.1, naiveSmape: 0.18 },
	seasonal: false,
	notes: []
};

export const unusualDays: UnusualDaysResult = {
	available: true,
	threshold: 3.5,
	days: 532,
	daysScored: 500,
	weekdayMedians: Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, median: 3 })),
	scale: 'mad',
	unusual: [
		{ date: '2023-11-24', weekday: 5, revenue: 60, expected: 3, z: 9.5, deviation: 19, direction: 'high' },
		{ date: '2024-02-12', weekday: 1, revenue: 0.5, expected: 3, z: -4, deviation: -0.8333, direction: 'low' }
	]
};

const segRow = (segment: string, customers: number, revenue: number) => ({
	segment,
	customers,
	share: customers / 20,
	avgRecency: 30,
	avgFrequency: 2,
	avgMonetary: revenue / customers,
	revenue,
	revenueShare: revenue / 1234.5
});

export const rfm: RfmResult = {
	available: true,
	asOf: '2024-06-16',
	bins: 5,
	scheme: 'standard',
	customers: 20,
	excludedCancelledOnly: { customers: 1, revenue: -10 },
	segments: [
		segRow('Champions', 4, 600),
		segRow('Loyal Customers', 3, 250),
		segRow('New Customers', 2, 40),
		segRow('At Risk', 5, 200),
		segRow(XSS, 1, 44.5),
		segRow('Hibernating', 3, 60),
		segRow('Lost', 2, 40)
	],
	overlays: [{ overlay: 'Big Spenders', customers: 4, share: 0.2, revenue: 500 }],
	heatmap: [
		{ r: 5, f: 5, customers: 4, meanMonetary: 150 },
		{ r: 4, f: 4, customers: 3, meanMonetary: 83.33 },
		{ r: 5, f: 1, customers: 2, meanMonetary: 20 },
		{ r: 1, f: 3, customers: 5, meanMonetary: 40 },
		{ r: 2, f: 1, customers: 4, meanMonetary: 26 },
		{ r: 1, f: 1, customers: 2, meanMonetary: 20 }
	],
	scatter: {
		recencyBinDays: 30,
		cells: [
			{ recencyFrom: 0, recencyTo: 30, frequencyFrom: 1, frequencyTo: 1, customers: 5, meanMonetary: 40 },
			{ recencyFrom: 0, recencyTo: 30, frequencyFrom: 2, frequencyTo: 3, customers: 4, meanMonetary: 120 },
			{ recencyFrom: 30, recencyTo: 60, frequencyFrom: 1, frequencyTo: 1, customers: 6, meanMonetary: 30 },
			{ recencyFrom: 300, recencyTo: 330, frequencyFrom: 1, frequencyTo: 1, customers: 5, meanMonetary: 25 }
		]
	}
};

export const cltv: CltvResult = {
	available: true,
	profitBasis: 'margin',
	margin: 0.3,
	linesWithoutCost: 0,
	customers: 20,
	revenue: 1234.5,
	profit: 370.35,
	cutPoints: { p33: 8, p66: 20 },
	segments: [
		{ segment: 'Low', customers: 7, share: 0.35, revenue: 100, profit: 30, avgProfit: 30 / 7, profitShare: 30 / 370.35 },
		{ segment: 'Medium', customers: 7, share: 0.35, revenue: 300, profit: 90, avgProfit: 90 / 7, profitShare: 90 / 370.35 },
		{ segment: 'High', customers: 6, share: 0.3, revenue: 834.5, profit: 250.35, avgProfit: 250.35 / 6, profitShare: 250.35 / 370.35 }
	],
	top: [{ customerId: 'C1', revenue: 300, profit: 90 }]
};

export const churn: ChurnResult = {
	available: true,
	asOf: '2024-06-16',
	churnDays: 90,
	customers: 20,
	churned: 5,
	churnRate: 0.25,
	thresholds: { low: 30, medium: 60 },
	groups: [
		{ group: 'Churned', customers: 5, share: 0.25, revenue: 144.5, avgRecency: 200 },
		{ group: 'High', customers: 3, share: 0.15, revenue: 300, avgRecency: 75 },
		{ group: 'Medium', customers: 4, share: 0.2, revenue: 290, avgRecency: 45 },
		{ group: 'Low', customers: 8, share: 0.4, revenue: 500, avgRecency: 10 }
	],
	pAlive: {
		available: true,
		thresholds: { high: 0.3, medium: 0.7 },
		groups: [
			{ group: 'High', customers: 6, share: 0.3, meanPAlive: 0.12 },
			{ group: 'Medium', customers: 4, share: 0.2, meanPAlive: 0.5 },
			{ group: 'Low', customers: 10, share: 0.5, meanPAlive: 0.9 }
		],
		crossTab: [{ churnRisk: 'Churned', pAliveRisk: 'High', customers: 5 }]
	}
};

export const engagement: EngagementResult = {
	available: true,
	from: '2024-06-01',
	to: '2024-06-05',
	days: 5,
	avgDau: 2,
	avgMau: 10,
	stickiness: 0.2,
	series: [
		{ date: '2024-06-01', dau: 1, mau: 9, ratio: 1 / 9 },
		{ date: '2024-06-02', dau: 3, mau: 10, ratio: 0.3 },
		{ date: '2024-06-03', dau: 2, mau: 10, ratio: 0.2 },
		{ date: '2024-06-04', dau: 2, mau: 11, ratio: 2 / 11 },
		{ date: '2024-06-05', dau: 2, mau: 10, ratio: 0.2 }
	],
	downsampled: false,
	step: 1
};

export const cohorts: CohortResult = {
	available: true,
	maxMonthsSince: 2,
	cohorts: [
		{
			cohort: '2024-01',
			customers: 10,
			cells: [
				{ monthsSince: 0, activeCustomers: 10, share: 1, revenue: 300 },
				{ monthsSince: 1, activeCustomers: 4, share: 0.4, revenue: 100 },
				{ monthsSince: 2, activeCustomers: 3, share: 0.3, revenue: 80 }
			]
		},
		{
			cohort: '2024-02',
			customers: 5,
			cells: [
				{ monthsSince: 0, activeCustomers: 5, share: 1, revenue: 150 },
				{ monthsSince: 1, activeCustomers: 1, share: 0.2, revenue: 20 }
			]
		}
	]
};

export const clv: ClvResult = {
	available: true,
	asOf: '2024-06-16',
	timeUnit: 'day',
	horizonMonths: 12,
	margin: 0.3,
	monthlyDiscount: 0.01,
	customers: 20,
	bgnbd: { r: 0.5, alpha: 10, a: 0.8, b: 2.5, logLikelihood: -100, timeUnit: 'day' },
	bgnbdFit: { customers: 20, converged: true },
	gammaGamma: { p: 6, q: 4, v: 15 },
	gammaGammaRefusal: null,
	nonPositiveSpendCustomers: 0,
	totals: { expectedPurchases: 30, predictedClv: 450, meanPAlive: 0.6 },
	segments: [{ segment: 'Champions', customers: 4, meanPAlive: 0.95, expectedPurchases: 12, predictedClv: 250 }],
	histogram: [
		{ from: 0, to: 10, customers: 8 },
		{ from: 10, to: 20, customers: 6 },
		{ from: 20, to: 30, customers: 4 },
		{ from: 30, to: null, customers: 2 }
	],
	holdout: {
		available: true,
		cutoff: '2024-01-01',
		calibrationLength: 365,
		holdoutLength: 166,
		customers: 18,
		rows: [
			{ frequency: 0, label: '0', customers: 8, actualMean: 0.2, predictedMean: 0.25 },
			{ frequency: 1, label: '1', customers: 6, actualMean: 0.6, predictedMean: 0.55 },
			{ frequency: 2, label: '2+', customers: 4, actualMean: 1.4, predictedMean: 1.3 }
		]
	},
	definition: 'Predicted CLV = …'
};

const breakdownRow = (label: string, revenue: number, extra: Partial<BreakdownResult['rows'][number]> = {}) => ({
	label,
	isOther: false,
	isMissing: false,
	lines: 10,
	orders: 5,
	units: 20,
	revenue,
	share: revenue / 1234.5,
	...extra
});

export const products: BreakdownResult = {
	available: true,
	dimension: 'product',
	top: 3,
	distinct: 12,
	rows: [
		breakdownRow(XSS, 500),
		breakdownRow('A very long product name that goes on and on for quite a while', 300),
		breakdownRow('Mug', 200),
		breakdownRow('Other (9 products)', 234.5, { isOther: true })
	]
};

export const countries: BreakdownResult = {
	available: true,
	dimension: 'country',
	top: 12,
	distinct: 12,
	rows: Array.from({ length: 12 }, (_, i) => breakdownRow(`Country ${i + 1}`, 200 - i * 10))
};

export const dealSize: DealSizeResult = {
	available: true,
	basis: 'bands',
	bands: { medianOrderValue: 25, smallBelow: 12.5, largeAbove: 50 },
	rows: [
		{ label: 'Small', lines: 30, orders: 10, revenue: 100, share: 0.081 },
		{ label: 'Medium', lines: 60, orders: 22, revenue: 600, share: 0.486 },
		{ label: 'Large', lines: 30, orders: 8, revenue: 534.5, share: 0.433 }
	]
};

export const status: StatusResult = {
	available: true,
	rows: [
		{ status: 'Shipped', isMissing: false, lines: 100, orders: 36, revenue: 1200, share: 0.972 },
		{ status: 'Cancelled', isMissing: false, lines: 4, orders: 2, revenue: -10, share: -0.008 },
		{ status: '(missing)', isMissing: true, lines: 16, orders: 2, revenue: 44.5, share: 0.036 }
	]
};

export const demographics: DemographicsResult = {
	available: true,
	customersMatched: 18,
	dimensions: [
		{
			dimension: 'age',
			rows: [
				{ label: '18–24', customers: 4, orders: 8, aov: 20, revenue: 160, revenueShare: 0.13, topProducts: [{ product: 'Mug', revenue: 50 }] },
				{ label: '25–34', customers: 8, orders: 20, aov: 35, revenue: 700, revenueShare: 0.57, topProducts: [] },
				{ label: '35+', customers: 6, orders: 12, aov: 31.2, revenue: 374.5, revenueShare: 0.3, topProducts: [] }
			]
		},
		{
			dimension: 'gender',
			rows: [
				{ label: 'F', customers: 10, orders: 22, aov: 30, revenue: 660, revenueShare: 0.53, topProducts: [] },
				{ label: 'M', customers: 8, orders: 18, aov: 31.9, revenue: 574.5, revenueShare: 0.47, topProducts: [] }
			]
		}
	]
};

export const dataQuality: DataQualityResult = {
	available: true,
	lines: 120,
	linesWithoutCustomer: 3,
	returnLines: 4,
	cancelledLines: 4,
	cancelledOrders: 2,
	linesWithoutProduct: 0,
	zeroRevenueLines: 1,
	firstDate: '2023-01-01',
	lastDate: '2024-06-15',
	columns: [{ field: 'order_ts', nonNull: 120 }],
	customersTable: true
};

export const quality: QualitySummary = {
	files: [{ file: `orders ${XSS}.csv`, table: 'raw_1', role: 'transactions', format: 'csv', rowsRead: 125, rowsUsed: 120 }],
	rowsRead: 125,
	rowsInTransactions: 120,
	flagged: {
		cancellationLines: 4,
		returnLines: 4,
		missingCustomerId: 3,
		badDates: { count: 3, missing: 1, unparseable: 2, examples: [{ file: 'orders.csv', row: 7, value: 'not a date' }] },
		zeroRevenue: 1,
		missingRevenue: { count: 2, examples: [] },
		duplicateLines: 0
	},
	orders: 40,
	customers: 20,
	revenue: 1234.5,
	dateFrom: '2023-01-01',
	dateTo: '2024-06-15',
	dateFormats: [{ file: 'orders.csv', column: 'InvoiceDate', format: 'iso', description: 'YYYY-MM-DD' }],
	numberFormats: [],
	customersTable: null,
	notes: [],
	disabledAnalyses: []
};

const unavailable = (reason: string) => ({ available: false as const, reason });

export const results: AnalysisResults = {
	params: { ...DEFAULT_PARAMS, asOf: '2024-06-16' },
	asOf: '2024-06-16',
	engine: 'test',
	kpis,
	trend,
	forecast,
	rfm,
	cltv,
	churn,
	engagement,
	cohorts,
	clv,
	unusualDays,
	products,
	categories: unavailable('the data has no category column'),
	countries,
	regions: unavailable('the data has no region column'),
	dealSize,
	status,
	demographics,
	dataQuality
};
