import { Type } from '@nestjs/common';
import { AuditEventEntity, AuditService, CheckpointsService } from '@standpoint/audit';
import { proposalChange } from '@standpoint/proposals';
import { Fixtures, SignIn } from './fixtures';
import { startTestApp, TestApp, TestAppOptions } from './test-app';

export interface TestAppHandle {
  t: TestApp;
  fixtures: Fixtures;
  gql: TestApp['gql'];
  /** Sends an operation that must succeed, and answers its data. */
  data<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T>;
  /** The brand's audit events in chain order. */
  auditChain(brandId: string): Promise<AuditEventEntity[]>;
  /**
   * Signs a checkpoint of the brand's chain now, as the worker does once it is due: a chain with
   * events and no checkpoint does not verify.
   */
  sealAuditChain(brandId: string): Promise<void>;
  /**
   * The events of that chain about one proposal, as `proposalEvents` tells them: its own and
   * those of its dossier and decisions.
   */
  proposalAuditEvents(brandId: string, proposalId: string): Promise<AuditEventEntity[]>;
}

export interface UseTestAppOptions extends TestAppOptions {
  /** How `fixtures` sign members in; 'session' unless the tests are about signing in. */
  signIn?: SignIn;
}

/**
 * Boots the application before the enclosing `describe`'s tests and closes it (and drops its
 * database) after them. Read `t` and `fixtures` inside tests or hooks, not at describe time.
 */
export function useTestApp(
  module: Type,
  env: Record<string, string> = {},
  { signIn, ...options }: UseTestAppOptions = {},
): TestAppHandle {
  const handle: TestAppHandle = {
    t: undefined as never,
    fixtures: undefined as never,
    gql: (...args) => handle.t.gql(...args),
    data: async (query, variables, token) => {
      const response = await handle.t.gql(query, variables, token);
      expect(response.errors).toBeUndefined();
      return response.data as never;
    },
    auditChain: (brandId) =>
      handle.t.asSystem((ctx) => handle.t.app.get(AuditService).chain(ctx, brandId)),
    sealAuditChain: async (brandId) => {
      const sealed = await handle.t.asSystem((ctx) =>
        handle.t.app.get(CheckpointsService).seal(ctx, brandId),
      );
      expect(sealed).not.toBeNull();
    },
    proposalAuditEvents: async (brandId, proposalId) =>
      (await handle.auditChain(brandId)).filter(
        (event) =>
          proposalChange({ ...event, data: event.data as Record<string, unknown> })?.proposalId ===
          proposalId,
      ),
  };
  beforeAll(async () => {
    handle.t = await startTestApp(module, env, options);
    handle.fixtures = new Fixtures(handle.t, signIn);
  });
  afterAll(() => handle.t?.close());
  return handle;
}
