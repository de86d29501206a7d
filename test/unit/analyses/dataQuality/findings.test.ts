import { describe, expect, it } from 'vitest';
import { dataQualityFindings, dataQualityTakeaway } from '../../../../src/lib/analyses/dataQuality/takeaway';
import { results, quality } from '../../../fixtures/results';

describe('data-quality findings under the quality panel', () => {
	const withOverlap = {
		...results,
		dataQuality: {
			...results.dataQuality,
			overlappingOrders: { orders: 2, examples: [{ orderId: '1001', files: ['a.csv', 'b.csv'] }] }
		}
	} as typeof results;

	it('says what value of cancelled orders is left out and which order ids two files share', () => {
		expect(dataQualityFindings(withOverlap, 'EUR')).toEqual([
			'1 cancelled order worth EUR 45.50 is left out of revenue, units and every customer value.',
			'2 order ids appear in more than one file, e.g. 1001 (a.csv, b.csv): overlapping exports count the same orders twice.'
		]);
	});

	it('adds them to the import summary sentence', () => {
		const text = dataQualityTakeaway(withOverlap, { currency: 'EUR', quality })!.text;
		expect(text).toMatch(/^Of 125 rows read, .* kept and flagged\. 1 cancelled order worth EUR 45\.50 is left out .* 2 order ids appear in more than one file/);
	});
});
