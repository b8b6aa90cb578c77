import { AuditDispatcher, AuditEventEntity } from '@standpoint/audit';
import { AUDIT_ACTIONS } from '@standpoint/events';
import { BrandEntity, BrandsService } from '@standpoint/identity';
import { startTestApp, useTestApp } from '@standpoint/testing';
import { ApiModule } from '../apps/api/src/api.module';
import { CliModule } from '../apps/cli/src/cli.module';
import { WorkerAppModule } from '../apps/worker/src/worker-app.module';
import { AppModule } from '../src/app.module';

/** The reactions inside a change's transaction, as every process that changes data has them. */
describe('the audit dispatcher', () => {
  const app = useTestApp(AppModule);
  let failIn: 'contribute' | 'appended' | 'placed' | null = null;
  let allInOne: ReturnType<AuditDispatcher['subscriptions']>;

  beforeAll(() => {
    const dispatcher = app.t.app.get(AuditDispatcher);
    allInOne = dispatcher.subscriptions();
    dispatcher.contribute('brand.created', async () => {
      if (failIn === 'contribute') throw new Error('failed contributing');
      return { data: {} };
    });
    dispatcher.onAppended('brand.created', async () => {
      if (failIn === 'appended') throw new Error('failed on the appended event');
      // What needs the event's place in the chain runs after its insert: a throw there too.
      return async () => {
        if (failIn === 'placed') throw new Error('failed on the placed event');
      };
    });
  });
  afterEach(() => {
    failIn = null;
  });

  const count = (entity: typeof BrandEntity | typeof AuditEventEntity) =>
    app.t.asSystem((ctx) => ctx.em.count(entity));

  it.each(['contribute', 'appended', 'placed'] as const)(
    'rolls the whole change back when a subscriber throws (%s)',
    async (phase) => {
      const before = { brands: await count(BrandEntity), events: await count(AuditEventEntity) };
      failIn = phase;
      await expect(
        app.t.asSystem((ctx) =>
          app.t.app.get(BrandsService).create(ctx, { name: 'Doomed', slug: `doomed-${phase}` }),
        ),
      ).rejects.toThrow(/failed (contributing|on the appended event|on the placed event)/);
      expect({ brands: await count(BrandEntity), events: await count(AuditEventEntity) }).toEqual(
        before,
      );
    },
  );

  it('has the same subscribers in the API, the worker, the command line and the all-in-one server', async () => {
    const expected = {
      contribute: [
        'brand.created',
        'member.added',
        'member.removed',
        'member.roles_changed',
        'proposal.revised',
        'user.deactivated',
      ],
      // Every action for the webhooks; the notices, one subscription per kind of email or card.
      appended: [
        ...AUDIT_ACTIONS,
        'comment.added',
        'content_freeze.ended',
        'content_freeze.started',
        'decision.recorded',
        'decision.recorded',
        'proposal.expired',
        'proposal.revised',
        'proposal.revised',
        'proposal.submitted',
        'step.approver_removed',
        'step.approver_removed',
        'step.escalated',
        'step.reminded',
        // The Teams cards: a step asked, a decision's outcome, an expiry.
        'decision.recorded',
        'decision.recorded',
        'proposal.expired',
        'proposal.revised',
        'proposal.submitted',
        'step.approver_removed',
        // Slack: requests posted to the approvers, and closed when their step moves on.
        'decision.recorded',
        'proposal.expired',
        'proposal.revised',
        'proposal.submitted',
        'proposal.withdrawn',
        'step.approver_removed',
        'step.escalated',
        // The admins' alerts.
        'outbox.gave_up',
        'proposal.expired',
        'publication.unapproved_content_reported',
      ].sort(),
    };
    expect(allInOne).toEqual(expected);
    for (const module of [ApiModule, WorkerAppModule, CliModule]) {
      const process = await startTestApp(module, {}, { database: app.t.database });
      try {
        expect(process.app.get(AuditDispatcher).subscriptions()).toEqual(expected);
      } finally {
        await process.close();
      }
    }
  });
});
