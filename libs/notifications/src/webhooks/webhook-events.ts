import { SignedCheckpoint } from '@standpoint/audit/rules';
import { AuditAction, ProposalAction, StoredAuditData } from '@standpoint/events';

// What a brand's webhooks can be told, and how each change's audit event (and each checkpoint that
// seals the brand's chain) becomes those events. Plain functions over what was recorded, so that
// no service has to call the webhooks itself.

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
  /** A signed checkpoint of the brand's audit chain, for an outside witness to keep. */
  AUDIT_CHECKPOINT = 'AUDIT_CHECKPOINT',
}

/** The part of a recorded audit event the webhooks are made from (its `data` as stored: JSON). */
export type RecordedChange<A extends AuditAction = AuditAction> = A extends AuditAction
  ? { action: A; entityId: string; actorId: string | null; data: StoredAuditData<A> }
  : never;

/** One thing to tell the subscribed endpoints: the facts a publishing tool needs, nothing secret. */
export interface WebhookEvent {
  type: WebhookEventType;
  proposalId: string | null;
  facts: Record<string, unknown>;
}

/** The webhook event type spelled like an action: `proposal.submitted` is PROPOSAL_SUBMITTED. */
type SpelledLike<A extends string> = A extends `${infer Entity}.${infer Verb}`
  ? `${Uppercase<Entity>}_${Uppercase<Verb>}`
  : never;

/** The actions that tell the webhook event of their own name. */
type SameNamedAction = {
  [A in AuditAction]: SpelledLike<A> extends `${WebhookEventType}` ? A : never;
}[AuditAction];

/** The webhook event named after the action that causes it (the enum is the API's vocabulary). */
function namedAfter(action: SameNamedAction): WebhookEventType {
  return action.toUpperCase().replace('.', '_') as WebhookEventType;
}

const OUTCOME_EVENTS: Record<string, WebhookEventType> = {
  APPROVED: WebhookEventType.PROPOSAL_APPROVED,
  REJECTED: WebhookEventType.PROPOSAL_REJECTED,
  CHANGES_REQUESTED: WebhookEventType.CHANGES_REQUESTED,
};

const none = (): WebhookEvent[] => [];

/** What each action tells the webhooks: a new action must say, or the build fails. */
const MAPPERS: { [A in AuditAction]: (change: RecordedChange<A>) => WebhookEvent[] } = {
  'proposal.submitted': (change) => [
    proposalEvent(change, {
      round: change.data.round,
      revisionNumber: change.data.revision.number,
      contentHash: change.data.revision.contentHash,
      state: change.data.to,
    }),
  ],
  'decision.recorded': decisionEvents,
  'proposal.expired': (change) => [
    proposalEvent(change, {
      step: change.data.step,
      dueAt: change.data.dueAt,
      state: change.data.state.to,
    }),
  ],
  'content_freeze.started': (change) => [
    freezeEvent(WebhookEventType.FREEZE_STARTED, change, {
      reason: change.data.reason,
      endsAt: change.data.endsAt,
      unscheduled: change.data.unscheduled,
    }),
  ],
  'content_freeze.ended': (change) => [
    freezeEvent(WebhookEventType.FREEZE_ENDED, change, {
      startedAt: change.data.startedAt,
      endedAt: change.data.endedAt,
      automatic: change.data.automatic,
    }),
  ],
  'proposal.scheduled': (change) => [proposalEvent(change, { publishAt: change.data.publishAt })],
  'proposal.unscheduled': (change) => [
    proposalEvent(change, {
      freezeId: change.data.freezeId,
      publishAt: change.data.publishAt,
      state: change.data.state.to,
    }),
  ],
  'proposal.published': (change) => [
    proposalEvent(change, {
      channel: change.data.channel,
      url: change.data.url,
      contentHash: change.data.contentHash,
      state: change.data.state.to,
    }),
  ],
  'step.approver_removed': approverRemovedEvents,
  'proposal.withdrawn': ended,
  'proposal.retracted': ended,
  'brand.created': none,
  'member.added': none,
  'member.roles_changed': none,
  'member.removed': none,
  'user.deactivated': none,
  'proposal.created': none,
  'proposal.revised': none,
  'comment.added': none,
  'evidence.added': none,
  'evidence.cited': none,
  'evidence.corrected': none,
  'evidence.withdrawn': none,
  'risk_note.added': none,
  'risk_note.updated': none,
  'recommendation.set': none,
  'approval_policy.set': none,
  'step.reminded': none,
  'step.escalated': none,
  'webhook_endpoint.registered': none,
  'webhook_endpoint.updated': none,
  'webhook_endpoint.deleted': none,
  'outbox.retried': none,
  'calendar_feed.created': none,
  'calendar_feed.revoked': none,
  'outbox.gave_up': none,
  'teams_connection.set': none,
  'teams_connection.removed': none,
  'publication.unapproved_content_reported': none,
  'oidc_provider.set': none,
  'saml_provider.set': none,
  'sso_requirement.set': none,
  'user.signed_in_with_sso': none,
  'sso.last_admin_kept': none,
  'slack.connected': none,
  'slack.disconnected': none,
  'slack.user_linked': none,
  'slack.user_unlinked': none,
  'scim_token.created': none,
  'scim_token.revoked': none,
  'group_roles.set': none,
  'group_roles.removed': none,
  'scim_user.provisioned': none,
  'scim_user.updated': none,
  'scim_user.deleted': none,
  'scim_group.created': none,
  'scim_group.updated': none,
  'scim_group.deleted': none,
};

/** The webhook events a recorded change causes, in the order they happened (often none). */
export function webhookEventsOf(change: RecordedChange): WebhookEvent[] {
  // The table pairs each action with its own mapper, which TypeScript cannot follow through a union.
  const mapper = MAPPERS[change.action] as (change: RecordedChange) => WebhookEvent[];
  return mapper(change);
}

/**
 * The checkpoint's signed note verbatim, which a witness appends to its file, and what it states;
 * nothing secret (the note is what any auditor of the brand can read).
 */
export function checkpointEvent(checkpoint: SignedCheckpoint): WebhookEvent {
  const { brandId, size, rootHash, keyId, signedAt, note } = checkpoint;
  return {
    type: WebhookEventType.AUDIT_CHECKPOINT,
    proposalId: null,
    facts: { brandId, size, rootHash, keyId, signedAt, note },
  };
}

/** A decision, the override it may be, and the proposal's outcome it may settle. */
function decisionEvents(change: RecordedChange<'decision.recorded'>): WebhookEvent[] {
  const { data } = change;
  const proposalId = data.proposalId;
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
      type: namedAfter(change.action),
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
  const state = data.proposalState;
  const settled = state.from !== state.to ? OUTCOME_EVENTS[state.to] : undefined;
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
function approverRemovedEvents(change: RecordedChange<'step.approver_removed'>): WebhookEvent[] {
  const { data } = change;
  const proposalId = data.proposalId;
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
  const state = data.proposalState;
  if (state.to === 'APPROVED' && state.from !== state.to) {
    events.push({
      type: WebhookEventType.PROPOSAL_APPROVED,
      proposalId,
      facts: { stepId: change.entityId, state: state.to, actorId: change.actorId },
    });
  }
  return events;
}

/** An event of the proposal the action was recorded against, named after the action. */
function proposalEvent(
  change: RecordedChange<SameNamedAction & ProposalAction>,
  facts: Record<string, unknown>,
): WebhookEvent {
  return {
    type: namedAfter(change.action),
    proposalId: change.entityId,
    facts: { ...facts, actorId: change.actorId },
  };
}

/** A proposal withdrawn or retracted: why, and the state it ended in. */
function ended(
  change: RecordedChange<'proposal.withdrawn' | 'proposal.retracted'>,
): WebhookEvent[] {
  return [proposalEvent(change, { reason: change.data.reason, state: change.data.state.to })];
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
