import { AuditPayloads, PolicyStepRecord } from './audit-payloads';
import { StoredJson } from './stored-json';

/*
 * The catalog of what happens in Standpoint: every audit action, the entity it is recorded
 * against, and its payload. Services append only catalogued (action, data) pairs; readers of the
 * stored events (webhooks, the decision record, live updates) switch on the action exhaustively, so
 * an action added here without being handled fails the build. Framework-free, at the bottom of the
 * dependency graph, so that every library can speak it.
 *
 * A payload has two parts: what the emitting service writes (AuditPayloads) and what the features
 * that react to it inside the transaction contribute (AuditContributions: the approval workflow's
 * default policy on a new brand, say). Contributions follow the service's own keys in the stored
 * JSON, in the order the subscribers registered.
 */

/** The entity each action is recorded against. */
export const AUDIT_ENTITY_TYPES = {
  'brand.created': 'Brand',
  'member.added': 'Membership',
  'member.roles_changed': 'Membership',
  'member.removed': 'Membership',
  'user.deactivated': 'Membership',
  'proposal.created': 'Proposal',
  'proposal.revised': 'Proposal',
  'comment.added': 'Comment',
  'evidence.added': 'Evidence',
  'evidence.cited': 'Evidence',
  'evidence.corrected': 'Evidence',
  'evidence.withdrawn': 'Evidence',
  'risk_note.added': 'RiskNote',
  'risk_note.updated': 'RiskNote',
  'recommendation.set': 'Proposal',
  'approval_policy.set': 'ApprovalPolicy',
  'proposal.submitted': 'Proposal',
  'decision.recorded': 'Decision',
  'step.reminded': 'Proposal',
  'step.escalated': 'Proposal',
  'step.approver_removed': 'ApprovalStep',
  'proposal.expired': 'Proposal',
  'content_freeze.started': 'ContentFreeze',
  'content_freeze.ended': 'ContentFreeze',
  'proposal.unscheduled': 'Proposal',
  'proposal.scheduled': 'Proposal',
  'proposal.published': 'Proposal',
  'proposal.withdrawn': 'Proposal',
  'proposal.retracted': 'Proposal',
  'webhook_endpoint.registered': 'WebhookEndpoint',
  'webhook_endpoint.updated': 'WebhookEndpoint',
  'webhook_endpoint.deleted': 'WebhookEndpoint',
  'outbox.retried': 'OutboxMessage',
  'calendar_feed.created': 'CalendarFeed',
  'calendar_feed.revoked': 'CalendarFeed',
  'outbox.gave_up': 'OutboxMessage',
  'teams_connection.set': 'TeamsConnection',
  'teams_connection.removed': 'TeamsConnection',
  'publication.unapproved_content_reported': 'PublishedContent',
  'oidc_provider.set': 'OidcProvider',
  'saml_provider.set': 'SamlProvider',
  'sso_requirement.set': 'SsoProvider',
  'user.signed_in_with_sso': 'User',
  'sso.last_admin_kept': 'Membership',
  'slack.connected': 'SlackWorkspace',
  'slack.disconnected': 'SlackWorkspace',
  'slack.user_linked': 'SlackUserLink',
  'slack.user_unlinked': 'SlackUserLink',
  'scim_token.created': 'ScimToken',
  'scim_token.revoked': 'ScimToken',
  'group_roles.set': 'GroupRoleMapping',
  'group_roles.removed': 'GroupRoleMapping',
  'scim_user.provisioned': 'ScimUser',
  'scim_user.updated': 'ScimUser',
  'scim_user.deleted': 'ScimUser',
  'scim_group.created': 'ScimGroup',
  'scim_group.updated': 'ScimGroup',
  'scim_group.deleted': 'ScimGroup',
} as const satisfies Record<keyof AuditPayloads, string>;

export type AuditAction = keyof AuditPayloads;
export type AuditEntityType<A extends AuditAction = AuditAction> = (typeof AUDIT_ENTITY_TYPES)[A];

export const AUDIT_ACTIONS = Object.keys(AUDIT_ENTITY_TYPES) as AuditAction[];

/** The actions recorded against a proposal itself (entity `Proposal`, id the proposal's). */
export type ProposalAction = {
  [A in AuditAction]: AuditEntityType<A> extends 'Proposal' ? A : never;
}[AuditAction];

/** The keys the features that react inside the transaction add to an action's payload. */
export interface AuditContributions {
  'brand.created': { approvalPolicy: { version: number; steps: PolicyStepRecord[] } };
  'member.added': { welcomeLinkSent: true };
  'member.roles_changed': { leftSteps: string[] };
  'member.removed': { leftSteps: string[] };
  'user.deactivated': { leftSteps: string[] };
  'proposal.revised': { review: { restarted: true; round: number; approversAsked: string[] } };
}

/** The actions whose payload the reacting features add to. */
export type ContributedAction = keyof AuditContributions;

/** What one subscriber may add to an action's payload: any of its contributed keys, or none. */
export type AuditContribution<A extends ContributedAction> = Partial<AuditContributions[A]>;

/** The payload an emitting service writes for `A`: exactly these keys. */
export type AuditData<A extends AuditAction> = AuditPayloads[A];

/** The payload of `A` as stored: the service's keys, then what subscribers contributed (if any). */
export type StoredAuditData<A extends AuditAction> = StoredJson<
  AuditPayloads[A] & (A extends ContributedAction ? AuditContribution<A> : unknown)
>;

/**
 * What the emitting service hands the subscribers of `A` beside the event: the facts it holds
 * already (the proposal and its revision, the membership change), so that none reads them again.
 * Each feature that emits such an action declares its entry by module augmentation next to the
 * emitting service, since the facts are its own types:
 *
 *   declare module '@standpoint/events' {
 *     interface AuditFacts { 'proposal.revised': Revised }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface AuditFacts {}

/** One catalogued change as a service records it. */
export interface AuditEventInput<A extends AuditAction = AuditAction> {
  brandId: string;
  action: A;
  entityType: AuditEntityType<A>;
  entityId: string;
  data: AuditData<A>;
}

/**
 * What a feature that contributes to `A` hands the later subscribers beside its keys in the
 * payload: facts it made in its part of the change (the step a revision's review restarted at), so
 * that its notices need not read them back. Declared by augmentation next to the contributor, like
 * AuditFacts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface AuditContributedFacts {}
