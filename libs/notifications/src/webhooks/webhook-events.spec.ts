import { AuditAction, StoredAuditData } from '@standpoint/events';
import {
  checkpointEvent,
  RecordedChange,
  webhookEventsOf,
  WebhookEventType,
} from './webhook-events';

function recorded<A extends AuditAction>(
  action: A,
  entityId: string,
  data: StoredAuditData<A>,
  actorId: string | null = null,
): RecordedChange {
  return { action, entityId, actorId, data } as RecordedChange;
}

const HASH = 'c'.repeat(64);
const IN_REVIEW = { from: 'IN_REVIEW', to: 'IN_REVIEW' };

const decision = (data: Partial<StoredAuditData<'decision.recorded'>>) =>
  recorded(
    'decision.recorded',
    'dcs_1',
    {
      proposalId: 'prp_1',
      step: 'Leadership',
      round: 1,
      outcome: 'APPROVE',
      comment: 'fine',
      channel: 'API',
      revisionNumber: 2,
      contentHash: HASH,
      approvals: { before: 0, after: 1, required: 1 },
      stepStatus: { from: 'ACTIVE', to: 'SATISFIED' },
      proposalState: IN_REVIEW,
      againstTeam: null,
      acceptedRisks: [],
      override: null,
      seen: { revision: HASH, evidence: HASH, riskNotes: HASH },
      activatedStep: null,
      ...data,
    },
    'usr_approver',
  );

/** A recorded change of each action that tells a webhook event, with what it records. */
const PROPOSAL_CHANGES = {
  'proposal.submitted': recorded('proposal.submitted', 'prp_9', {
    from: 'DRAFT',
    to: 'IN_REVIEW',
    round: 1,
    policyVersion: 1,
    revision: { number: 1, contentHash: HASH },
    steps: [],
  }),
  'proposal.expired': recorded('proposal.expired', 'prp_9', {
    step: 'Legal',
    dueAt: '2026-01-01T00:00:00.000Z',
    state: { from: 'IN_REVIEW', to: 'EXPIRED' },
    why: 'no decision, no post',
  }),
  'proposal.scheduled': recorded('proposal.scheduled', 'prp_9', {
    publishAt: '2026-01-01T00:00:00.000Z',
    afterFreeze: false,
  }),
  'proposal.unscheduled': recorded('proposal.unscheduled', 'prp_9', {
    freezeId: 'frz_1',
    reason: 'crisis',
    publishAt: '2026-01-01T00:00:00.000Z',
    state: { from: 'SCHEDULED', to: 'APPROVED' },
  }),
  'proposal.published': recorded('proposal.published', 'prp_9', {
    channel: 'X',
    url: null,
    contentHash: HASH,
    state: { from: 'SCHEDULED', to: 'PUBLISHED' },
  }),
  'proposal.withdrawn': recorded('proposal.withdrawn', 'prp_9', {
    reason: 'moot',
    state: { from: 'IN_REVIEW', to: 'WITHDRAWN' },
  }),
  'proposal.retracted': recorded('proposal.retracted', 'prp_9', {
    reason: 'wrong',
    state: { from: 'PUBLISHED', to: 'RETRACTED' },
  }),
};

const FREEZE_CHANGES = {
  'content_freeze.started': recorded('content_freeze.started', 'frz_1', {
    reason: 'crisis',
    endsAt: null,
    allowedUserIds: [],
    unscheduled: [],
  }),
  'content_freeze.ended': recorded('content_freeze.ended', 'frz_1', {
    reason: 'crisis',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-02T00:00:00.000Z',
    automatic: false,
  }),
};

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
          recommendation: {
            recommendation: 'HOLD',
            rationale: 'wait',
            revisionNumber: 1,
            by: 'usr_x',
          },
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
  ] as const)('maps %s to %s about the proposal', (action, type) => {
    const events = webhookEventsOf(PROPOSAL_CHANGES[action]);
    expect(events).toEqual([expect.objectContaining({ type, proposalId: 'prp_9' })]);
  });

  it.each([
    ['content_freeze.started', WebhookEventType.FREEZE_STARTED],
    ['content_freeze.ended', WebhookEventType.FREEZE_ENDED],
  ] as const)('maps %s to %s about the brand', (action, type) => {
    const events = webhookEventsOf(FREEZE_CHANGES[action]);
    expect(events).toEqual([
      expect.objectContaining({
        type,
        proposalId: null,
        facts: expect.objectContaining({ freezeId: 'frz_1' }),
      }),
    ]);
  });

  describe('a member taken off a step', () => {
    const removal = (data: Partial<StoredAuditData<'step.approver_removed'>>) =>
      recorded(
        'step.approver_removed',
        'stp_1',
        {
          proposalId: 'prp_1',
          step: 'Legal',
          round: 1,
          approverId: 'usr_gone',
          why: 'REMOVED',
          eligible: { from: ['usr_gone', 'usr_other'], to: ['usr_other'] },
          approvals: { count: 0, required: 2 },
          stepStatus: { from: 'ACTIVE', to: 'ACTIVE' },
          proposalState: IN_REVIEW,
          activatedStep: null,
          unsatisfiable: false,
          ...data,
        },
        'usr_admin',
      );

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
    const changes = [
      recorded('proposal.created', 'prp_1', {
        title: 'A stance',
        issue: 'An issue',
        stanceType: 'STATEMENT',
        urgency: 'NORMAL',
        decisionDeadline: null,
        revision: { number: 1, contentHash: HASH, channels: ['X'] },
      }),
      recorded('comment.added', 'cmt_1', { proposalId: 'prp_1', body: 'hi', mentionedUserIds: [] }),
      recorded('webhook_endpoint.registered', 'whe_1', {
        url: 'https://tool.example.com/hooks',
        eventTypes: ['PROPOSAL_SUBMITTED'],
        enabled: true,
        secretGenerated: true,
      }),
    ];
    for (const change of changes) expect(webhookEventsOf(change)).toEqual([]);
  });

  it('carries a checkpoint as its signed note and what the note states, nothing else', () => {
    const note =
      'standpoint.example/audit/brd_1\n7\nroot=\n\n\u2014 standpoint.example/audit/brd_1 c2ln\n';
    expect(
      checkpointEvent({
        brandId: 'brd_1',
        size: 7,
        headHash: HASH,
        signedAt: '2026-01-01T00:00:00.000Z',
        keyId: 'sha256:key',
        signature: 'c2ln',
        rootHash: 'root=',
        note,
      }),
    ).toEqual({
      type: WebhookEventType.AUDIT_CHECKPOINT,
      proposalId: null,
      facts: {
        brandId: 'brd_1',
        size: 7,
        rootHash: 'root=',
        keyId: 'sha256:key',
        signedAt: '2026-01-01T00:00:00.000Z',
        note,
      },
    });
  });
});
