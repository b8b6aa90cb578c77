import { webhookEventsOf, WebhookEventType } from './webhook-events';

const decision = (data: Record<string, unknown>) => ({
  action: 'decision.recorded',
  entityId: 'dcs_1',
  actorId: 'usr_approver',
  data: {
    proposalId: 'prp_1',
    step: 'Leadership',
    round: 1,
    outcome: 'APPROVE',
    comment: 'fine',
    channel: 'API',
    revisionNumber: 2,
    contentHash: 'c'.repeat(64),
    proposalState: { from: 'IN_REVIEW', to: 'IN_REVIEW' },
    override: null,
    ...data,
  },
});

describe('webhook events of a recorded change', () => {
  it('tells of a decision alone while the proposal stays in review', () => {
    expect(webhookEventsOf(decision({}))).toEqual([
      {
        type: WebhookEventType.DECISION_RECORDED,
        proposalId: 'prp_1',
        facts: {
          decisionId: 'dcs_1',
          step: 'Leadership',
          round: 1,
          revisionNumber: 2,
          contentHash: 'c'.repeat(64),
          approverId: 'usr_approver',
          outcome: 'APPROVE',
          channel: 'API',
        },
      },
    ]);
  });

  it('adds the override and the approval that a decision settles', () => {
    const events = webhookEventsOf(
      decision({
        proposalState: { from: 'IN_REVIEW', to: 'APPROVED' },
        override: {
          acknowledged: ['The team recommends HOLD'],
          recommendation: { recommendation: 'HOLD', rationale: 'wait', by: 'usr_x' },
          openRisks: [],
        },
      }),
    );
    expect(events.map((e) => e.type)).toEqual([
      WebhookEventType.DECISION_RECORDED,
      WebhookEventType.OVERRIDE_RECORDED,
      WebhookEventType.PROPOSAL_APPROVED,
    ]);
    expect(events[1].facts).toMatchObject({
      acknowledged: ['The team recommends HOLD'],
      recommendation: 'HOLD',
    });
  });

  it.each([
    ['REJECTED', WebhookEventType.PROPOSAL_REJECTED],
    ['CHANGES_REQUESTED', WebhookEventType.CHANGES_REQUESTED],
  ])('tells that a decision made the proposal %s', (to, type) => {
    const events = webhookEventsOf(decision({ proposalState: { from: 'IN_REVIEW', to } }));
    expect(events.map((e) => e.type)).toEqual([WebhookEventType.DECISION_RECORDED, type]);
  });

  it.each([
    ['proposal.submitted', WebhookEventType.PROPOSAL_SUBMITTED],
    ['proposal.expired', WebhookEventType.PROPOSAL_EXPIRED],
    ['proposal.scheduled', WebhookEventType.PROPOSAL_SCHEDULED],
    ['proposal.unscheduled', WebhookEventType.PROPOSAL_UNSCHEDULED],
    ['proposal.published', WebhookEventType.PROPOSAL_PUBLISHED],
    ['proposal.withdrawn', WebhookEventType.PROPOSAL_WITHDRAWN],
    ['proposal.retracted', WebhookEventType.PROPOSAL_RETRACTED],
  ])('maps %s to %s about the proposal', (action, type) => {
    const events = webhookEventsOf({ action, entityId: 'prp_9', actorId: null, data: {} });
    expect(events).toEqual([expect.objectContaining({ type, proposalId: 'prp_9' })]);
  });

  it.each([
    ['content_freeze.started', WebhookEventType.FREEZE_STARTED],
    ['content_freeze.ended', WebhookEventType.FREEZE_ENDED],
  ])('maps %s to %s about the brand', (action, type) => {
    const events = webhookEventsOf({ action, entityId: 'frz_1', actorId: null, data: {} });
    expect(events).toEqual([
      expect.objectContaining({
        type,
        proposalId: null,
        facts: expect.objectContaining({ freezeId: 'frz_1' }),
      }),
    ]);
  });

  describe('a member taken off a step', () => {
    const removal = (data: Record<string, unknown>) => ({
      action: 'step.approver_removed',
      entityId: 'stp_1',
      actorId: 'usr_admin',
      data: {
        proposalId: 'prp_1',
        step: 'Legal',
        round: 1,
        approverId: 'usr_gone',
        why: 'REMOVED',
        approvals: { count: 0, required: 2 },
        proposalState: { from: 'IN_REVIEW', to: 'IN_REVIEW' },
        unsatisfiable: false,
        ...data,
      },
    });

    it('says nothing while the step can still be satisfied', () => {
      expect(webhookEventsOf(removal({}))).toEqual([]);
    });

    it('tells of a step that can no longer be satisfied', () => {
      expect(webhookEventsOf(removal({ unsatisfiable: true }))).toEqual([
        {
          type: WebhookEventType.STEP_UNSATISFIABLE,
          proposalId: 'prp_1',
          facts: {
            stepId: 'stp_1',
            step: 'Legal',
            round: 1,
            approverId: 'usr_gone',
            why: 'REMOVED',
            approvals: { count: 0, required: 2 },
            actorId: 'usr_admin',
          },
        },
      ]);
    });

    it('tells of the approval it settled', () => {
      const settled = removal({ proposalState: { from: 'IN_REVIEW', to: 'APPROVED' } });
      expect(webhookEventsOf(settled).map((e) => e.type)).toEqual([
        WebhookEventType.PROPOSAL_APPROVED,
      ]);
    });
  });

  it('says nothing of changes that are not webhook events', () => {
    for (const action of ['proposal.created', 'comment.added', 'webhook_endpoint.registered']) {
      expect(webhookEventsOf({ action, entityId: 'x', actorId: null, data: {} })).toEqual([]);
    }
  });
});
