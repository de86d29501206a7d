import { describe, expect, it } from 'vitest';
import { settingsFromQuery, settingsToQuery } from '../../../src/lib/app/url-settings';

describe('purchase model setting in the URL', () => {
	it('reads model=…, ignores unknown values and writes only a non-default choice', () => {
		expect(settingsFromQuery(new URLSearchParams('model=paretoNbd')).params.clvModel).toBe('paretoNbd');
		expect(settingsFromQuery(new URLSearchParams('model=bgnbd')).params.clvModel).toBe('bgnbd');
		expect(settingsFromQuery(new URLSearchParams('model=magic')).params.clvModel).toBe('auto');
		const forced = settingsFromQuery(new URLSearchParams('model=paretoNbd&churn=60'));
		expect(settingsToQuery(forced).toString()).toBe('churn=60&model=paretoNbd');
		expect(settingsToQuery(settingsFromQuery(new URLSearchParams(''))).toString()).toBe('');
	});
});
