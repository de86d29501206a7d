import { describe, expect, it } from 'vitest';
import { churnVerdict, feedbackTakeaway } from '../../../../src/lib/analyses/feedback/takeaway';
import { discontentActions } from '../../../../src/lib/insights/index';
import { feedback } from '../../../fixtures/results';

describe('feedback sentences', () => {
	it('say the data cannot tell when the test is not significant, with the figures', () => {
		// Unhappy 1 of 2 churned; others (neutral + happy) 1 of 6.
		expect(churnVerdict(feedback)).toBe('the data cannot tell whether unhappy customers churn more (50.0% of 2 unhappy customers churned against 16.7% of 6 others; the difference is within chance)');
	});

	it('say unhappy customers churn more only when the test says so', () => {
		expect(churnVerdict({ ...feedback, unhappyChurnMore: 'yes' })).toMatch(/^unhappy customers churn more: 50\.0% of 2/);
	});

	it('give the average and the scale', () => {
		expect(feedbackTakeaway({ feedback }, {})?.text).toMatch(/^Customers rate 3\.80 on the 1-5 scale on average \(10 rated orders\);/);
	});

	it('turn discontented lapsing segments into action rows', () => {
		expect(discontentActions(feedback)).toEqual([
			{ group: 'Discontent Hibernating', customers: 1, revenue: 30, category: 'Win-back', action: expect.stringMatching(/^Address the complaint before any win-back offer/) }
		]);
	});
});
