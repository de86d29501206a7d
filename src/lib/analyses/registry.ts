/**
 * Every analysis, one line each, in the order a full run starts them: the headline numbers first, then
 * the model fits (they run beside the rest, see `background`). The session, the command
 * line and the report all run analyses from this list; a new analysis is one folder plus its line
 * here (with its import and the re-export of its result types).
 */
import { kpis } from './kpis/index';
export type * from './kpis/index';
import { dataQuality } from './dataQuality/index';
export type * from './dataQuality/index';
import { trend } from './trend/index';
export type * from './trend/index';
import { forecast } from './forecast/index';
export type * from './forecast/index';
import { categories, countries, products, regions } from './breakdowns/index';
export type * from './breakdowns/index';
import { dealSize } from './dealSize/index';
export type * from './dealSize/index';
import { status } from './status/index';
export type * from './status/index';
import { unusualDays } from './unusualDays/index';
export type * from './unusualDays/index';
import { engagement } from './engagement/index';
export type * from './engagement/index';
import { cohorts } from './cohorts/index';
export type * from './cohorts/index';
import { rfm } from './rfm/index';
export type * from './rfm/index';
import { cltv } from './cltv/index';
export type * from './cltv/index';
import { clv } from './clv/index';
export type * from './clv/index';
import { churn } from './churn/index';
export type * from './churn/index';
import { demographics } from './demographics/index';
export type * from './demographics/index';
import { repeatPurchase } from './repeatPurchase/index';
export type * from './repeatPurchase/index';
import { feedback } from './feedback/index';
export type * from './feedback/index';

export const ANALYSES = {
	kpis,
	dataQuality,
	trend,
	clv,
	churn,
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
	demographics,
	repeatPurchase,
	feedback
} as const;
