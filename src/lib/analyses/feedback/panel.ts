/** The dashboard panel of this slice: ratings, monthly average or NPS, rating by segment, churn by feedback band. */
import { churnByBandChart, feedbackMonthlyChart, ratingBySegmentChart, ratingDistributionChart } from '../../charts/index';
import { formatNumber } from '../../format/index';
import { kit, takeawayText, type PanelDefinition, type PanelView } from '../../panels/kit';
import { feedbackChurnSentence, feedbackTakeaway } from './takeaway';

const rating = (v: unknown) => (v === null || v === undefined ? '' : formatNumber(v, 2));

export const feedbackPanel: PanelDefinition = {
	name: 'feedback',
	group: 'customers',
	title: 'Customer feedback',
	analyses: ['feedback'],
	wide: true,
	dictionary: ['average-rating', 'nps', 'unhappy-customer', 'discontent'],
	unlockedBy: ['feedback'],
	takeaway: takeawayText(feedbackTakeaway),
	metrics(input) {
		const f = input.results.feedback;
		if (!f?.available) return [];
		const out = [{ metric: 'avg_rating', label: `Average rating (${f.scale.id})`, value: f.avgRating, text: formatNumber(f.avgRating, 2), secondary: `${formatNumber(f.ratedOrders, 0)} rated orders` }];
		if (f.nps) out.push({ metric: 'nps', label: 'NPS', value: f.nps.score, text: formatNumber(f.nps.score, 0), secondary: `${formatNumber(f.nps.promoters, 0)} promoters, ${formatNumber(f.nps.detractors, 0)} detractors` });
		out.push({ metric: 'unhappy_revenue_share', label: 'Revenue from unhappy customers', value: f.unhappyRevenueShare, text: `${formatNumber(f.unhappyRevenueShare * 100, 1)}%`, secondary: '' });
		out.push({ metric: 'discontent', label: 'Discontent At Risk', value: f.discontent.customers, text: formatNumber(f.discontent.customers, 0), secondary: 'lapsing and unhappy' });
		return out;
	},
	views(input): PanelView[] {
		const { r, money, pct, count, chart } = kit(input);
		const f = r.feedback;
		if (!f?.available) return [];
		return [
			{
				id: 'ratings',
				label: 'Ratings',
				title: 'Rating distribution',
				chart: chart(f, (x, o) => ratingDistributionChart(x, o)),
				table: {
					caption: 'Rated orders per rating (each order once)',
					columns: [
						{ key: 'rating', label: 'Rating' },
						{ key: 'orders', label: 'Orders', numeric: true, format: count },
						{ key: 'share', label: 'Share', numeric: true, format: pct }
					],
					rows: f.distribution
				}
			},
			{
				id: 'monthly',
				label: f.nps ? 'NPS by month' : 'By month',
				title: f.nps ? 'NPS by month' : 'Average rating by month',
				chart: chart(f, (x, o) => feedbackMonthlyChart(x, o)),
				table: {
					caption: 'Answers, average rating and NPS (0–10 scales) per month',
					columns: [
						{ key: 'month', label: 'Month' },
						{ key: 'answers', label: 'Answers', numeric: true, format: count },
						{ key: 'avgRating', label: 'Average', numeric: true, format: rating },
						...(f.nps ? [{ key: 'nps', label: 'NPS', numeric: true, format: (v: unknown) => formatNumber(v, 0) }] : [])
					],
					rows: f.months
				}
			},
			{
				id: 'segments',
				label: 'By segment',
				title: 'Rating by RFM segment',
				chart: chart(f, (x, o) => ratingBySegmentChart(x, o)),
				unavailable: f.ratedCustomers === 0 ? 'no rated customer has an order before the as-of date' : null,
				table: {
					caption: 'Rated customers, average rating and unhappy customers per RFM segment',
					columns: [
						{ key: 'segment', label: 'Segment' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'rated', label: 'Rated', numeric: true, format: count },
						{ key: 'avgRating', label: 'Average rating', numeric: true, format: rating },
						{ key: 'unhappy', label: 'Unhappy', numeric: true, format: count }
					],
					rows: f.bySegment
				}
			},
			{
				id: 'churn',
				label: 'Churn by feedback',
				title: 'Churn rate by feedback band',
				chart: chart(f, (x, o) => churnByBandChart(x, o)),
				unavailable: f.churnByBand.length === 0 ? 'no rated customer has an order before the as-of date' : null,
				hint: feedbackChurnSentence(f),
				tableOpen: true,
				table: {
					caption: 'Customers, churned customers and churn rate (95 % Wilson interval) per feedback band',
					columns: [
						{ key: 'band', label: 'Band' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'churned', label: 'Churned', numeric: true, format: count },
						{ key: 'churnRate', label: 'Churn rate', numeric: true, format: pct },
						{ key: 'low', label: '95 % CI low', numeric: true, format: pct },
						{ key: 'high', label: '95 % CI high', numeric: true, format: pct },
						{ key: 'revenue', label: 'Revenue', numeric: true, format: money }
					],
					rows: f.churnByBand
				}
			},
			{
				id: 'reviews',
				label: 'What reviews say',
				title: 'Words of unhappy and happy reviews',
				chart: null,
				unavailable: f.terms ? null : 'needs a review text column',
				hint: 'Click a word or phrase to read the reviews that contain it.',
				tableOpen: true,
				table: f.terms
					? {
							caption: `Words and two-word phrases most typical of ${count(f.terms.unhappyReviews)} unhappy reviews and of ${count(f.terms.happyReviews)} happy ones (reviews containing each; no model, stop words left out)`,
							columns: [
								{ key: 'term', label: 'Word or phrase' },
								{ key: 'side', label: 'Typical of' },
								{ key: 'unhappyReviews', label: 'Unhappy reviews', numeric: true, format: count },
								{ key: 'happyReviews', label: 'Happy reviews', numeric: true, format: count }
							],
							rows: [...f.terms.unhappy.map((t) => ({ side: 'Unhappy' as const, ...t })), ...f.terms.happy.map((t) => ({ side: 'Happy' as const, ...t }))],
							onactivate: (row: { term: string; side: 'Unhappy' | 'Happy' }) => input.ondrill({ kind: 'reviews', value: row.term, side: row.side }),
							activateLabel: (row: { term: string }) => `Show the reviews containing “${row.term}”`
						}
					: null
			},
			{
				id: 'discontent',
				label: 'Discontent',
				title: 'Discontent At Risk',
				chart: null,
				unavailable: f.discontent.customers === 0 ? 'no lapsing customer (At Risk, Hibernating, About to Sleep, Lost) is unhappy on average' : null,
				tableOpen: true,
				table: {
					caption: 'Lapsing RFM segments whose customers are unhappy on average: address the complaint before any win-back offer',
					columns: [
						{ key: 'segment', label: 'Segment' },
						{ key: 'customers', label: 'Customers', numeric: true, format: count },
						{ key: 'revenue', label: 'Revenue', numeric: true, format: money }
					],
					rows: f.discontent.bySegment.map((s) => ({ ...s, lapsing: s.segment, segment: `Discontent ${s.segment}` })),
					onactivate: (row: { lapsing: string }) => input.ondrill({ kind: 'discontent', value: row.lapsing }),
					activateLabel: (row: { segment: string }) => `Show the customers of ${row.segment}`
				}
			}
		];
	}
};
