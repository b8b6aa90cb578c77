export * from './fixtures';
export * from './graphql-client';
export * from './test-app';
export * from './test-database';
export * from './processes';
export * from './subscription-client';
export * from './use-test-app';
export * from './fake-clock';
