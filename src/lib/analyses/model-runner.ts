/**
 * Where a run's model fits execute. The fits are pure functions of plain data that can take seconds,
 * so the browser session hands a runner backed by its models worker (`workers/models.worker.ts`) and
 * the page stays responsive; the command line and the tests fit in-process.
 */
import { forecast, type ForecastInput, type ForecastResult } from '../models/forecast/index';
import { fitClvModels, type ClvFitInput, type ClvFitOutput } from './clv/fit';

export interface ModelRunner {
	/** `signal`: the run was cancelled; a runner that can stop the fit (the worker's) rejects at once. */
	fitClv(input: ClvFitInput, signal?: AbortSignal): Promise<ClvFitOutput>;
	forecast(input: ForecastInput, signal?: AbortSignal): Promise<ForecastResult>;
}

/** The runner with a run's signal attached, so the analyses need not pass it along; a cancelled run starts no fit. */
export function cancellable(runner: ModelRunner, signal: AbortSignal): ModelRunner {
	return {
		fitClv: async (input) => {
			signal.throwIfAborted();
			return runner.fitClv(input, signal);
		},
		forecast: async (input) => {
			signal.throwIfAborted();
			return runner.forecast(input, signal);
		}
	};
}

export const inProcessModels: ModelRunner = {
	fitClv: async (input) => fitClvModels(input),
	forecast: async (input) => forecast(input)
};
