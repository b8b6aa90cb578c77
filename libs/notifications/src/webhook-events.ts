// What a brand's webhooks can be told, and how each change's audit event becomes those events.
// Plain functions over the recorded event, so that no service has to call the webhooks itself.

export enum WebhookEventType {
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  DECISION_RECORDED = 'DECISION_RECORDED',
  OVERRIDE_RECORDED = 'OVERRIDE_RECORDED',
  PROPOSAL_APPROVED = 'PROPOSAL_APPROVED',
  PROPOSAL_REJECTED = 'PROPOSAL_REJECTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  PROPOSAL_EXPIRED = 'PROPOSAL_EXPIRED',
  FREEZE_STARTED = 'FREEZE_STARTED',
  FREEZE_ENDED = 'FREEZE_ENDED',
  PROPOSAL_SCHEDULED = 'PROPOSAL_SCHEDULED',
  PROPOSAL_UNSCHEDULED = 'PROPOSAL_UNSCHEDULED',
  PROPOSAL_PUBLISHED = 'PROPOSAL_PUBLISHED',
  PROPOSAL_WITHDRAWN = 'PROPOSAL_WITHDRAWN',
  PROPOSAL_RETRACTED = 'PROPOSAL_RETRACTED',
  /** A member left a step under review, which can then no longer gather its approvals. */
  STEP_UNSATISFIABLE = 'STEP_UNSATISFIABLE',
}

/** The part of an audit event the webhooks are made from (its `data` as stored: JSON). */
export interface RecordedChange {
  action: string;
  entityId: string;
  actorId: string | null;
  data: object;
}

/** One thing to tell the subscribed endpoints: the facts a publishing tool needs, nothing secret. */
export interface WebhookEvent {
  type: WebhookEventType;
  proposalId: string | null;
  facts: Record<string, unknown>;
}

/** The members of the recorded data the mapping reads into; the rest is passed on as it is. */
interface Data {
  [member: string]: unknown;
  revision?: { number?: number; contentHash?: string };
  state?: { to?: string };
  proposalState?: { from?: string; to?: string };
  override?: {
    acknowledged?: string[];
    recommendation?: { recommendation?: string } | null;
  } | null;
}

const OUTCOME_EVENTS: Record<string, WebhookEventType> = {
  APPROVED: WebhookEventType.PROPOSAL_APPROVED,
  REJECTED: WebhookEventType.PROPOSAL_REJECTED,
  CHANGES_REQUESTED: WebhookEventType.CHANGES_REQUESTED,
};

const MAPPERS: Record<string, (change: RecordedChange, data: Data) => WebhookEvent[]> = {
  'proposal.submitted': (change, data) => [
    proposalEvent(WebhookEventType.PROPOSAL_SUBMITTED, change, {
      round: data.round,
      revisionNumber: data.revision?.number,
      contentHash: data.revision?.contentHash,
      state: data.to,
    }),
  ],
  'decision.recorded': decisionEvents,
  'proposal.expired': (change, data) => [
    proposalEvent(WebhookEventType.PROPOSAL_EXPIRED, change, {
      step: data.step,
      dueAt: data.dueAt,
      state: data.state?.to,
    }),
  ],
  'content_freeze.started': (change, data) => [
    freezeEvent(WebhookEventType.FREEZE_STARTED, change, {
      reason: data.reason,
      endsAt: data.endsAt,
      unscheduled: data.unscheduled,
    }),
  ],
  'content_freeze.ended': (change, data) => [
    freezeEvent(WebhookEventType.FREEZE_ENDED, change, {
      startedAt: data.startedAt,
      endedAt: data.endedAt,
      automatic: data.automatic,
    }),
  ],
  'proposal.scheduled': (change, data) => [
    proposalEvent(WebhookEventType.PROPOSAL_SCHEDULED, change, { publishAt: data.publishAt }),
  ],
  'proposal.unscheduled': (change, data) => [
    proposalEvent(WebhookEventType.PROPOSAL_UNSCHEDULED, change, {
      freezeId: data.freezeId,
      publishAt: data.publishAt,
      state: data.state?.to,
    }),
  ],
  'proposal.published': (change, data) => [
    proposalEvent(WebhookEventType.PROPOSAL_PUBLISHED, change, {
      channel: data.channel,
      url: data.url,
      contentHash: data.contentHash,
      state: data.state?.to,
    }),
  ],
  'step.approver_removed': approverRemovedEvents,
  'proposal.withdrawn': ended(WebhookEventType.PROPOSAL_WITHDRAWN),
  'proposal.retracted': ended(WebhookEventType.PROPOSAL_RETRACTED),
};

/** The webhook events a recorded change causes, in the order they happened (often none). */
export function webhookEventsOf(change: RecordedChange): WebhookEvent[] {
  return MAPPERS[change.action]?.(change, change.data as Data) ?? [];
}

/** A decision, the override it may be, and the proposal's outcome it may settle. */
function decisionEvents(change: RecordedChange, data: Data): WebhookEvent[] {
  const proposalId = String(data.proposalId);
  const decision = {
    decisionId: change.entityId,
    step: data.step,
    round: data.round,
    revisionNumber: data.revisionNumber,
    contentHash: data.contentHash,
    approverId: change.actorId,
  };
  const events: WebhookEvent[] = [
    {
      type: WebhookEventType.DECISION_RECORDED,
      proposalId,
      facts: { ...decision, outcome: data.outcome, channel: data.channel },
    },
  ];
  if (data.override) {
    events.push({
      type: WebhookEventType.OVERRIDE_RECORDED,
      proposalId,
      facts: {
        ...decision,
        acknowledged: data.override.acknowledged,
        recommendation: data.override.recommendation?.recommendation ?? null,
      },
    });
  }
  const state = data.proposalState ?? {};
  const settled = state.to && state.from !== state.to ? OUTCOME_EVENTS[state.to] : undefined;
  if (settled) {
    events.push({
      type: settled,
      proposalId,
      facts: {
        decisionId: change.entityId,
        revisionNumber: data.revisionNumber,
        contentHash: data.contentHash,
        state: state.to,
      },
    });
  }
  return events;
}

/** A member taken off a step: reported when the step is stuck, or when it approved the proposal. */
function approverRemovedEvents(change: RecordedChange, data: Data): WebhookEvent[] {
  const proposalId = String(data.proposalId);
  const events: WebhookEvent[] = [];
  if (data.unsatisfiable === true) {
    events.push({
      type: WebhookEventType.STEP_UNSATISFIABLE,
      proposalId,
      facts: {
        stepId: change.entityId,
        step: data.step,
        round: data.round,
        approverId: data.approverId,
        why: data.why,
        approvals: data.approvals,
        actorId: change.actorId,
      },
    });
  }
  const state = data.proposalState ?? {};
  if (state.to === 'APPROVED' && state.from !== state.to) {
    events.push({
      type: WebhookEventType.PROPOSAL_APPROVED,
      proposalId,
      facts: { stepId: change.entityId, state: state.to, actorId: change.actorId },
    });
  }
  return events;
}

function proposalEvent(
  type: WebhookEventType,
  change: RecordedChange,
  facts: Record<string, unknown>,
): WebhookEvent {
  return { type, proposalId: change.entityId, facts: { ...facts, actorId: change.actorId } };
}

/** A proposal withdrawn or retracted: why, and the state it ended in. */
function ended(type: WebhookEventType) {
  return (change: RecordedChange, data: Data): WebhookEvent[] => [
    proposalEvent(type, change, { reason: data.reason, state: data.state?.to }),
  ];
}

function freezeEvent(
  type: WebhookEventType,
  change: RecordedChange,
  facts: Record<string, unknown>,
): WebhookEvent {
  return {
    type,
    proposalId: null,
    facts: { freezeId: change.entityId, ...facts, actorId: change.actorId },
  };
}
