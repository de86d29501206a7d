/// <reference lib="webworker" />
/**
 * Runs the analyses' model fits (CLV purchase and spend models, their holdout check, the sales
 * forecast) off the page thread; the page keeps two, so that the parts of a CLV fit run at once.
 * Inputs and outputs are plain data, copied across by structured clone; the CLV inputs come packed
 * into typed arrays (`src/lib/analyses/clv/fit-wire.ts`).
 */
import * as Comlink from 'comlink';
import { modelWorkerApi } from '../src/lib/analyses/model-runner';

Comlink.expose(modelWorkerApi);
