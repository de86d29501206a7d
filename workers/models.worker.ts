/// <reference lib="webworker" />
/**
 * Runs the analyses' model fits (CLV purchase and spend models, the sales forecast) off the page
 * thread. Inputs and outputs are plain data, copied across by structured clone.
 */
import * as Comlink from 'comlink';
import { inProcessModels } from '../src/lib/analyses/model-runner';

Comlink.expose(inProcessModels);
