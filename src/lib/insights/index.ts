/** The insights layer's public face: what is said across analyses: the executive summary, recommended actions and the data dictionary. */
export * from './summary';
export * from './actions';
export * from './dictionary';
