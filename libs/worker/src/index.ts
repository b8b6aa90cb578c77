export * from './worker.module';
export * from './run-worker';
