// Unit specs live beside the code (libs/**/*.spec.ts); service specs in test/medium/, end-to-end
// tests in test/. Every suite runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/src', '<rootDir>/test'],
  // *.medium-spec.ts: services on a real test database, without HTTP (test/medium/).
  testMatch: ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': swc('typescript'), '^.+\\.m?js$': swc('ecmascript') },
  // Nest 12 ships ES modules only; Jest on Node 20 needs them compiled to CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uuidv7|openid-client|oauth4webapi|jose|oidc-provider|koa)/)',
  ],
  moduleNameMapper: {
    // A feature's pure rules have an entry of their own, importable without its framework.
    '^@standpoint/([^/]+)/rules$': '<rootDir>/libs/$1/src/rules/index.ts',
    '^@standpoint/([^/]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
