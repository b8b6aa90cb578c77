export * from './listening-dates';
export * from './listening-limits';
export * from './listening-mapping';
export * from './listening-presets';
export * from './listening-summary';
export * from './listening-tally';
export * from './listening-values';
