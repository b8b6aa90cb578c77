import { Type } from '@nestjs/common';
import { Fixtures } from './fixtures';
import { startTestApp, TestApp, TestAppOptions } from './test-app';

export interface TestAppHandle {
  t: TestApp;
  fixtures: Fixtures;
  gql: TestApp['gql'];
}

/**
 * Boots the application before the enclosing `describe`'s tests and closes it (and drops its
 * database) after them. Read `t` and `fixtures` inside tests or hooks, not at describe time.
 */
export function useTestApp(
  module: Type,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): TestAppHandle {
  const handle = { gql: (...args) => handle.t.gql(...args) } as TestAppHandle;
  beforeAll(async () => {
    handle.t = await startTestApp(module, env, options);
    handle.fixtures = new Fixtures(handle.t);
  });
  afterAll(() => handle.t?.close());
  return handle;
}
