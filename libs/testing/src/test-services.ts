import { Type } from '@nestjs/common';
import { AppConfig } from '@standpoint/config';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { UserEntity, userActor } from '@standpoint/identity';
import { DataSource } from 'typeorm';
import { compileTestModule } from './test-app';
import { provisionTestDatabase } from './test-database';

/**
 * The middle layer of the tests: a module's services on a real, migrated test database, without
 * an HTTP server, GraphQL or sign-in. For what a service does to the data, where the wire is not
 * the subject; the end-to-end tests in test/ keep the API's answers.
 */
export interface TestServices {
  config: AppConfig;
  dataSource: DataSource;
  /** A provider of the module, as the application would inject it. */
  get<T>(type: Type<T> | (abstract new (...args: never[]) => T)): T;
  /** Runs `work` as the system actor in one transaction, as the worker and commands do. */
  asSystem<T>(work: (ctx: RequestContext) => Promise<T>): Promise<T>;
  /**
   * Runs `work` as the user in one transaction, with their roles per brand as they are now: what
   * a request with their token gets, the resolver's one transaction included.
   */
  as<T>(userId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T>;
}

export interface TestServicesOptions {
  /** Replaces the application's clock (a FakeClock, to move time in tests). */
  clock?: Clock;
}

/**
 * Compiles `module` (the CLI's module holds every feature's services and no HTTP) on a database
 * of its own before the enclosing `describe`'s tests, and closes it and drops the database after
 * them. Read it inside tests or hooks, not at describe time.
 */
export function useTestServices(
  module: Type,
  env: Record<string, string> = {},
  options: TestServicesOptions = {},
): TestServices {
  let started: { services: TestServices; close(): Promise<void> } | undefined;
  const services = () => {
    if (!started) throw new Error('useTestServices: read it inside a test or a hook');
    return started.services;
  };
  beforeAll(async () => {
    started = await startTestServices(module, env, options);
  });
  afterAll(() => started?.close());
  return {
    get config() {
      return services().config;
    },
    get dataSource() {
      return services().dataSource;
    },
    get: (type) => services().get(type),
    asSystem: (work) => services().asSystem(work),
    as: (userId, work) => services().as(userId, work),
  };
}

async function startTestServices(
  module: Type,
  env: Record<string, string>,
  options: TestServicesOptions,
): Promise<{ services: TestServices; close(): Promise<void> }> {
  const db = await provisionTestDatabase();
  const { moduleRef, config } = await compileTestModule(module, db, env, options);
  await moduleRef.init();
  const dataSource = moduleRef.get(DataSource);
  const transactions = moduleRef.get(TransactionRunner);
  const run = <T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>) =>
    transactions.run(ctx, () => work(ctx));
  return {
    services: {
      config,
      dataSource,
      get: (type) => moduleRef.get(type, { strict: false }),
      asSystem: (work) => run(RequestContext.system(dataSource), work),
      as: (userId, work) => {
        const ctx = new RequestContext(dataSource);
        return run(ctx, async () => {
          ctx.actor = await userActor(
            ctx,
            await ctx.em.findOneByOrFail(UserEntity, { id: userId }),
          );
          return work(ctx);
        });
      },
    },
    close: async () => {
      await moduleRef.close();
      await db.drop();
    },
  };
}
