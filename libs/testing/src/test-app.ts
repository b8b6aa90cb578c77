import { INestApplication, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModule } from '@nestjs/testing';
import { APP_CONFIG, AppConfig, loadAppConfig } from '@standpoint/config';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { configureHttp } from '@standpoint/graphql';
import { LOG_DESTINATION } from '@standpoint/logging';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { GraphQLResponse, postGraphQL } from './graphql-client';
import { provisionTestDatabase, TestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'root@standpoint.test', password: 'platform-admin-password' };

let testAuditSigningKey: string | undefined;

/**
 * The Ed25519 key that signs audit checkpoints in every test process, generated once per run of a
 * test file: production refuses to start without one, and it keeps no secret worth a file.
 */
function auditSigningKey(): string {
  testAuditSigningKey ??= generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return testAuditSigningKey;
}

/** The key that encrypts stored credentials in every test process of a test file (SECRETS_KEY). */
const TEST_SECRETS_KEY = randomBytes(32).toString('base64');

/** The environment every test process gets, on top of its own database. */
export function testEnvironment(
  db: TestDatabase,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    ...db.env,
    DATA_DIR: db.dataDir,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    AUDIT_SIGNING_KEY: auditSigningKey(),
    SECRETS_KEY: TEST_SECRETS_KEY,
    LOG_LEVEL: 'silent',
    STANDPOINT_ADMIN_EMAIL: TEST_ADMIN.email,
    STANDPOINT_ADMIN_PASSWORD: TEST_ADMIN.password,
    WORKER_INTERVAL_MS: '60000',
    PORT: '0',
    ...overrides,
  };
}

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  /** Its database, for a second instance on it (`TestAppOptions.database`). */
  database: TestDatabase;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T> & { status: number; headers: Headers }>;
  /** Runs `work` as the system actor in one transaction, as the worker and commands do. */
  asSystem<T>(work: (ctx: RequestContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Boots the real application module on a database of its own and listens on a free port. */
export interface TestAppOptions {
  /** Replaces the application's clock (a FakeClock, to move time in tests). */
  clock?: Clock;
  /** Runs on another test app's database, as a second API instance; that app drops it. */
  database?: TestDatabase;
  /** Writes the application's log, as production writes it, to this stream (set LOG_LEVEL too). */
  logTo?: DestinationStream;
}

/** `module` compiled on the test database `db`, with the test environment and `options`. */
export async function compileTestModule(
  module: Type,
  db: TestDatabase,
  env: Record<string, string>,
  options: Pick<TestAppOptions, 'clock' | 'logTo'>,
): Promise<{ moduleRef: TestingModule; config: AppConfig }> {
  const config = loadAppConfig(testEnvironment(db, env));
  let builder = Test.createTestingModule({ imports: [module] })
    .overrideProvider(APP_CONFIG)
    .useValue(config);
  if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
  if (options.logTo) builder = builder.overrideProvider(LOG_DESTINATION).useValue(options.logTo);
  return { moduleRef: await builder.compile(), config };
}

export async function startTestApp(
  module: Type,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const db = options.database ?? (await provisionTestDatabase());
  const { moduleRef, config } = await compileTestModule(module, db, env, options);
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  // What serveApi does in production: the same headers, body limit and error shapes.
  configureHttp(app, config);
  if (options.logTo) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  // The test's client shares this process's event loop: a test that computes for seconds between
  // two requests (the fuzzer building a large value) can send on a kept-alive socket just as the
  // server's 5 s idle timer closes it (ECONNRESET). No test idles a minute.
  (app.getHttpServer() as Server).keepAliveTimeout = 60_000;
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  return {
    app,
    url,
    config,
    dataSource,
    database: db,
    gql: (query, variables, token, headers) => postGraphQL(url, query, variables, token, headers),
    asSystem: (work) => {
      const ctx = RequestContext.system(dataSource);
      return app.get(TransactionRunner).run(ctx, () => work(ctx));
    },
    close: async () => {
      await app.close();
      if (!options.database) await db.drop();
    },
  };
}
