export * from './worker.module';
export * from './run-worker';
export * from './worker-jobs';
