/**
 * Every analysis, one line each, in the order a full run computes them. The session, the command
 * line and the report all run analyses from this list; a new analysis is one folder plus one line.
 */
import { kpis } from './kpis/index';
import { dataQuality } from './dataQuality/index';
import { trend } from './trend/index';
import { forecast } from './forecast/index';
import { categories, countries, products, regions } from './breakdowns/index';
import { dealSize } from './dealSize/index';
import { status } from './status/index';
import { unusualDays } from './unusualDays/index';
import { engagement } from './engagement/index';
import { cohorts } from './cohorts/index';
import { rfm } from './rfm/index';
import { cltv } from './cltv/index';
import { clv } from './clv/index';
import { churn } from './churn/index';
import { demographics } from './demographics/index';

export const ANALYSES = {
	dataQuality,
	kpis,
	trend,
	forecast,
	products,
	categories,
	countries,
	regions,
	dealSize,
	status,
	unusualDays,
	engagement,
	cohorts,
	rfm,
	cltv,
	clv,
	churn,
	demographics
} as const;
