/** The insights layer's public face: formatting, sentences, recommended actions and the data dictionary. */
export * from './format';
export * from './summary';
export * from './buckets';
export * from './actions';
export * from './dictionary';
