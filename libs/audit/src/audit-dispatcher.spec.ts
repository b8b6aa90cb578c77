import { Clock, RequestContext, SYSTEM } from '@standpoint/database';
import { AuditEventInput } from '@standpoint/events';
import { AuditDispatcher } from './audit-dispatcher';
import { CommittedAuditEvent } from './audit-event-bus';
import { InProcessAuditEventBus } from './in-process-audit-event-bus';
import { AuditEventEntity } from './audit-event.entity';
import { AuditService } from './audit.service';

const AT = new Date('2026-01-01T00:00:00.000Z');

const brandCreated: AuditEventInput<'brand.created'> = {
  brandId: 'brd_1',
  action: 'brand.created',
  entityType: 'Brand',
  entityId: 'brd_1',
  data: { name: 'Acme', slug: 'acme' },
};

/** An audit service on a transaction that only writes down what happens, in order. */
function harness() {
  const journal: string[] = [];
  const rows: AuditEventEntity[] = [];
  const afterCommit: (() => unknown)[] = [];
  const repository = {
    findOne: async () => rows.at(-1) ?? null,
    insert: async (row: AuditEventEntity) => {
      journal.push(`insert ${row.action}`);
      rows.push(row);
    },
  };
  const ctx = {
    inTransaction: true,
    actor: SYSTEM,
    dialect: 'sqlite',
    em: { getRepository: () => repository },
    afterCommit: (hook: () => unknown) => afterCommit.push(hook),
    writeQueuedRows: async () => void journal.push('queued rows'),
  } as unknown as RequestContext;
  const published: CommittedAuditEvent[] = [];
  // The in-process bus, as on SQLite: it hands the event over once the transaction committed.
  const bus = new InProcessAuditEventBus();
  jest.spyOn(bus, 'publish').mockImplementation((event) => void published.push(event));
  const clock: Clock = { now: () => AT };
  const dispatcher = new AuditDispatcher();
  const audit = new AuditService(clock, bus, dispatcher);
  const commit = async () => {
    for (const hook of afterCommit) await hook();
  };
  return { audit, ctx, dispatcher, journal, rows, published, commit };
}

describe('AuditDispatcher', () => {
  it('runs the contributors and the appended subscribers before the insert, what they answer after it, and publishes only on commit', async () => {
    const { audit, ctx, dispatcher, journal, published, commit } = harness();
    dispatcher.contribute('brand.created', async () => {
      journal.push('contribute');
      return { data: {} };
    });
    dispatcher.onAppended('brand.created', async (_ctx, event) => {
      journal.push(`appended ${event.action}`);
      return async (stored) =>
        void journal.push(`placed seq ${stored.seq} at ${stored.at.toISOString()}`);
    });
    dispatcher.onAppended('brand.created', async () => void journal.push('appended again'));

    await audit.append(ctx, brandCreated);
    expect(journal).toEqual([
      'contribute',
      'appended brand.created',
      'appended again',
      'insert brand.created',
      `placed seq 1 at ${AT.toISOString()}`,
    ]);
    expect(published).toEqual([]);

    await commit();
    expect(published.map((event) => event.action)).toEqual(['brand.created']);
  });

  it('writes the rows held back before the insert, unless a subscriber answered what adds to them', async () => {
    const quiet = harness();
    quiet.dispatcher.onAppended('brand.created', async () => undefined);
    await quiet.audit.append(quiet.ctx, brandCreated);
    expect(quiet.journal).toEqual(['queued rows', 'insert brand.created']);

    const adding = harness();
    adding.dispatcher.onAppended('brand.created', async () => async () => undefined);
    await adding.audit.append(adding.ctx, brandCreated);
    expect(adding.journal).toEqual(['insert brand.created']);
  });

  it("adds each contribution after the service's own keys, in registration order, to what is sealed", async () => {
    const { audit, ctx, dispatcher, rows, published, commit } = harness();
    const steps = [{ name: 'Any approver' }];
    dispatcher.contribute('brand.created', async () => ({
      data: { approvalPolicy: { version: 1, steps: steps as never } },
    }));
    const stored: object[] = [];
    dispatcher.onAppended('brand.created', async (_ctx, event) => {
      stored.push(event.data);
    });

    await audit.append(ctx, brandCreated);
    await commit();
    const expected = { name: 'Acme', slug: 'acme', approvalPolicy: { version: 1, steps } };
    expect(JSON.stringify(rows[0].data)).toBe(JSON.stringify(expected));
    expect(stored).toEqual([expected]);
    expect(published[0].data).toEqual(expected);
    expect(JSON.parse(rows[0].canonical).data).toEqual(expected);
  });

  it('hands both phases the facts the emitting service holds', async () => {
    const { audit, ctx, dispatcher } = harness();
    const change = {
      brandId: 'brd_1',
      userId: 'usr_1',
      from: [],
      to: [],
      why: 'REMOVED' as const,
    };
    const heard: unknown[] = [];
    dispatcher.contribute('member.removed', async (_ctx, _event, facts) => {
      heard.push(facts);
      return { data: { leftSteps: ['stp_1'] } };
    });
    dispatcher.onAppended('member.removed', async (_ctx, event, facts) => {
      heard.push(facts, event.data.leftSteps);
    });

    await audit.append(
      ctx,
      {
        brandId: 'brd_1',
        action: 'member.removed',
        entityType: 'Membership',
        entityId: 'mbr_1',
        data: { userId: 'usr_1', email: 'a@example.test', roles: ['REVIEWER'] },
      },
      change,
    );
    expect(heard).toEqual([change, change, ['stp_1']]);
  });

  it("hands the appended phase the contributors' facts beside the service's, leaving the service's object as it was", async () => {
    const { audit, ctx, dispatcher } = harness();
    const revised = { proposal: { id: 'prp_1' }, previous: {}, revision: {} } as never;
    const step = { id: 'stp_1' } as never;
    dispatcher.contribute('proposal.revised', async () => ({
      data: {},
      facts: { restartedAt: step },
    }));
    const heard: object[] = [];
    dispatcher.onAppended('proposal.revised', async (_ctx, _event, facts) => {
      heard.push(facts);
    });

    await audit.append(
      ctx,
      {
        brandId: 'brd_1',
        action: 'proposal.revised',
        entityType: 'Proposal',
        entityId: 'prp_1',
        data: { revision: 2, changes: [], reason: null } as never,
      },
      revised,
    );
    expect(heard).toEqual([{ ...(revised as object), restartedAt: step }]);
    expect(revised).not.toHaveProperty('restartedAt');
  });

  it('calls only the subscribers of the action appended', async () => {
    const { audit, ctx, dispatcher } = harness();
    const called: string[] = [];
    dispatcher.contribute('proposal.revised', async () => {
      called.push('contribute');
      return { data: {} };
    });
    dispatcher.onAppended(['outbox.retried', 'proposal.created'], async () => {
      called.push('appended');
    });

    await audit.append(ctx, brandCreated);
    expect(called).toEqual([]);
  });

  it('writes nothing when a contributor throws, and fails the append when a subscriber or what it answered does', async () => {
    const failing = harness();
    failing.dispatcher.contribute('brand.created', async () => {
      throw new Error('no policy');
    });
    await expect(failing.audit.append(failing.ctx, brandCreated)).rejects.toThrow('no policy');
    expect(failing.rows).toEqual([]);

    const late = harness();
    late.dispatcher.onAppended('brand.created', async () => {
      throw new Error('no outbox');
    });
    await expect(late.audit.append(late.ctx, brandCreated)).rejects.toThrow('no outbox');
    await late.commit();
    expect(late.published).toEqual([]);

    const placed = harness();
    placed.dispatcher.onAppended('brand.created', async () => async () => {
      throw new Error('no delivery');
    });
    await expect(placed.audit.append(placed.ctx, brandCreated)).rejects.toThrow('no delivery');
    await placed.commit();
    expect(placed.published).toEqual([]);
  });

  it('lists who listens to what', () => {
    const { dispatcher } = harness();
    dispatcher.contribute('brand.created', async () => ({ data: {} }));
    dispatcher.onAppended(['proposal.created', 'brand.created'], async () => undefined);
    expect(dispatcher.subscriptions()).toEqual({
      contribute: ['brand.created'],
      appended: ['brand.created', 'proposal.created'],
    });
  });
});
