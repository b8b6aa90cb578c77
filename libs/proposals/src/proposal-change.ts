import { catalogued, CataloguedEvent, unhandledAction } from '@standpoint/events';

/** What an audit event says, as far as the live updates need it. */
export interface AuditedChange {
  seq: number;
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  data: object;
}

/** A change to one proposal: what the `proposalEvents` subscription sends. */
export interface ProposalChange {
  /** The audit event's place in the brand's chain: what a subscriber resumes after. */
  seq: number;
  proposalId: string;
  action: string;
  at: Date;
}

/**
 * The proposal an audit event changed, if any: the proposal itself (`entityType` Proposal) or one
 * whose dossier or review it touched (`data.proposalId`: evidence, risk notes, comments, decisions).
 */
export function proposalChange(event: AuditedChange): ProposalChange | undefined {
  const known = catalogued(event);
  const proposalId = known ? proposalIdOf(known) : undefined;
  return proposalId
    ? { seq: event.seq, proposalId, action: event.action, at: event.at }
    : undefined;
}

function proposalIdOf(event: CataloguedEvent<AuditedChange>): string | undefined {
  switch (event.action) {
    case 'proposal.created':
    case 'proposal.revised':
    case 'recommendation.set':
    case 'proposal.submitted':
    case 'step.reminded':
    case 'step.escalated':
    case 'proposal.expired':
    case 'proposal.unscheduled':
    case 'proposal.scheduled':
    case 'proposal.published':
    case 'proposal.withdrawn':
    case 'proposal.retracted':
      return event.entityId;
    case 'comment.added':
    case 'evidence.added':
    case 'evidence.cited':
    case 'evidence.corrected':
    case 'evidence.withdrawn':
    case 'risk_note.added':
    case 'risk_note.updated':
    case 'decision.recorded':
    case 'step.approver_removed': {
      // Checked all the same: the event is read back from JSON.
      const { proposalId } = event.data as { proposalId: unknown };
      return typeof proposalId === 'string' && proposalId !== '' ? proposalId : undefined;
    }
    case 'brand.created':
    case 'member.added':
    case 'member.roles_changed':
    case 'member.removed':
    case 'user.deactivated':
    case 'approval_policy.set':
    case 'content_freeze.started':
    case 'content_freeze.ended':
    case 'webhook_endpoint.registered':
    case 'webhook_endpoint.updated':
    case 'webhook_endpoint.deleted':
    case 'outbox.retried':
    case 'calendar_feed.created':
    case 'calendar_feed.revoked':
    case 'outbox.gave_up':
    case 'teams_connection.set':
    case 'teams_connection.removed':
    case 'publication.unapproved_content_reported':
    case 'oidc_provider.set':
    case 'saml_provider.set':
    case 'sso_requirement.set':
    case 'user.signed_in_with_sso':
    case 'sso.last_admin_kept':
    case 'slack.connected':
    case 'slack.disconnected':
    case 'slack.user_linked':
    case 'slack.user_unlinked':
    case 'scim_token.created':
    case 'scim_token.revoked':
    case 'group_roles.set':
    case 'group_roles.removed':
    case 'scim_user.provisioned':
    case 'scim_user.updated':
    case 'scim_user.deleted':
    case 'scim_group.created':
    case 'scim_group.updated':
    case 'scim_group.deleted':
      return undefined;
    default:
      return unhandledAction(event);
  }
}
