/**
 * Where a run's model fits execute. The fits are pure functions of plain data that can take seconds,
 * so the browser session hands a runner backed by its models worker (`workers/models.worker.ts`) and
 * the page stays responsive; the command line and the tests fit in-process.
 */
import { forecast, type ForecastInput, type ForecastResult } from '../models/forecast/index';
import { fitClvModels, type ClvFitInput, type ClvFitOutput } from './clv/fit';

export interface ModelRunner {
	fitClv(input: ClvFitInput): Promise<ClvFitOutput>;
	forecast(input: ForecastInput): Promise<ForecastResult>;
}

export const inProcessModels: ModelRunner = {
	fitClv: async (input) => fitClvModels(input),
	forecast: async (input) => forecast(input)
};
