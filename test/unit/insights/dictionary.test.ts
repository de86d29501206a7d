import { describe, expect, it } from 'vitest';
import { DICTIONARY, RFM_SEGMENT_RULES } from '../../../src/lib/insights/dictionary';
import { CLV_DEFINITION } from '../../../src/lib/models/clv/index';
import { STANDARD_GRID, STANDARD_SEGMENTS, SIMPLE_GRID, SIMPLE_SEGMENTS } from '../../../src/lib/analyses/index';

/** The product's definitions, word for word as specified. */
const CONTRACT = [
	'As-of date: a parameter; default the day after the last order date in the data.',
	'Order line revenue: the mapped revenue column, else quantity × unit price.',
	'every line except the non-negative lines of a cancelled order',
	'Returns, C-prefix cancellation lines and other negative lines are included',
	'Gross sales = sum over positive lines, leaving out the lines of cancelled orders.',
	'Returned value = minus the sum over negative lines.',
	'Orders = distinct order ids that are not cancellations',
	'AOV = sum of revenue of those orders / their count.',
	'Units = sum of positive quantities on the lines counted in net revenue (a cancelled order adds no units).',
	'Customers = distinct non-null customer ids.',
	'Products = distinct non-null products.',
	"recency = days from the customer's last non-cancelled order date to the as-of date; frequency = number of their distinct non-cancelled orders; monetary = their net revenue.",
	'Scores 1–5 (rfmBins) by quintiles of the customer distribution, higher is better (recent = high R), equal values always get equal scores.',
	'Historical CLTV: revenue = net revenue; profit = revenue − cost when a cost column exists, else revenue × margin (parameter, default 0.3, returned in the result so the screen can state it); tertile segments Low/Medium/High by the 33rd/66th percentiles of profit',
	'tertile segments Low/Medium/High by the 33rd/66th percentiles of profit',
	'churned = recency > churn window (default 90 days); among the rest, risk groups Low (recency ≤ window/3 and more than one order), Medium (recency ≤ 2·window/3, or one order only: a single recent order does not show that a customer stays), High (otherwise). Churn rate = churned / customers.',
	'DAU(d) = distinct customers with an order on day d, for every calendar day from first to last order date (days without orders count as 0)',
	'MAU(d) = distinct customers with an order in the 30 days ending d',
	'stickiness = average DAU / average MAU',
	'customers by month of first order × months since: share still ordering (customers with a non-cancelled order in that month / cohort size), and revenue.',
	'month-of-year seasonality index (mean revenue of that calendar month over complete months / mean over all complete months)',
	'frequency x = repeat purchase days (distinct order days − 1), recency t_x = days between first and last purchase day, T = days from first purchase to the last day before the as-of date (the observation end is inclusive, as in lifetimes, BTYD and CLVTools)',
	'monetary = mean revenue per repeat purchase day (lifetimes convention: exclude the first purchase)',
	'remove weekday effects (revenue / median revenue of that weekday), then flag days whose robust z-score |x − median| / (1.4826·MAD) > 3.5',
	CLV_DEFINITION,
	"The first order is the customer's first non-cancelled order in the whole history: a date filter never moves a customer into a later cohort",
	'average MAU and stickiness are taken over the complete days only (first order date + 29 to the last order date; both averages over the same days)',
	'the compound monthly growth rate between the first and the last complete month, (last / first)^(1 / months between) − 1',
	'with 24 or more complete months, the net revenue of the last 12 complete months against the 12 before, minus 1',
	'Revenue is said to have grown or fallen only when a Mann–Kendall trend test on the complete months\' revenue rejects "no trend" at the two-sided 5 % level'
];

describe('data dictionary', () => {
	it('states every contract definition word for word', () => {
		const text = DICTIONARY.map((e) => e.definition).join('\n');
		for (const sentence of CONTRACT) expect(text).toContain(sentence);
	});

	it('has unique ids and lists the segment rules, overlays, bands and tertiles', () => {
		expect(new Set(DICTIONARY.map((e) => e.id)).size).toBe(DICTIONARY.length);
		expect(RFM_SEGMENT_RULES.standard.map((r) => r.segment)).toEqual([...STANDARD_SEGMENTS]);
		expect(RFM_SEGMENT_RULES.simple.map((r) => r.segment)).toEqual([...SIMPLE_SEGMENTS]);
		expect(RFM_SEGMENT_RULES.overlays.map((o) => o.overlay)).toEqual(['Big Spenders', 'Price Shoppers', 'Lost Cheap']);
		const byId = Object.fromEntries(DICTIONARY.map((e) => [e.id, e]));
		expect(byId['rfm-segments-standard'].definition).toContain('Champions: R 5 with FM 4–5');
		expect(byId['rfm-segments-standard'].definition).toContain('Lost: R 1 with FM 1');
		expect(byId['deal-size'].definition).toContain('Small below 0.5 × the median');
		expect(byId['cltv-tertiles'].definition).toContain('Low when profit ≤ P33');
		expect(byId['predictive-clv'].definition).toContain(CLV_DEFINITION);
		expect(byId['p-alive-risk'].definition).toContain('one-time buyers are Medium');
		expect(byId['p-alive-risk'].definition).toContain('High when P(alive) < 0.3, Medium when P(alive) < 0.7');
		expect(byId['purchase-model'].definition).toContain('lower root-mean-square error per customer');
	});

	it('segment grids give every score pair exactly one segment', () => {
		for (const grid of [STANDARD_GRID, SIMPLE_GRID]) {
			expect(grid).toHaveLength(5);
			for (const row of grid) expect(row).toHaveLength(5);
		}
		expect(new Set(STANDARD_GRID.flat())).toEqual(new Set(STANDARD_SEGMENTS));
		expect(new Set(SIMPLE_GRID.flat())).toEqual(new Set(SIMPLE_SEGMENTS));
	});
});
