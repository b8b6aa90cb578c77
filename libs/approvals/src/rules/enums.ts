// The approval enums of the GraphQL contract (shared/contract/schema.graphql), values equal to
// names, so that the approval rules need no framework to name them.

export enum Quorum {
  ANY = 'ANY',
  ALL = 'ALL',
  COUNT = 'COUNT',
}

export enum StepStatus {
  WAITING = 'WAITING',
  ACTIVE = 'ACTIVE',
  SATISFIED = 'SATISFIED',
  BLOCKED = 'BLOCKED',
  SKIPPED = 'SKIPPED',
  EXPIRED = 'EXPIRED',
}

export enum DecisionOutcome {
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
}

export enum DecisionChannel {
  API = 'API',
  EMAIL_LINK = 'EMAIL_LINK',
  /** Not in the contract: from the confirmation modal of a Slack approval request. */
  SLACK = 'SLACK',
}

/** Not in the contract: what a stored step deadline does when the worker claims it. */
export enum DeadlineKind {
  REMIND_HALF = 'REMIND_HALF',
  REMIND_LATE = 'REMIND_LATE',
  TIMEOUT = 'TIMEOUT',
}

/**
 * The brand roles a policy step may name, and that a member named by id must hold: every role
 * except AUDITOR, whose part is to read the record, never to make it. Plain strings, so that the
 * rules stay free of the identity library.
 */
export const DECIDING_ROLES: readonly string[] = Object.freeze([
  'ADMIN',
  'SOCIAL_MANAGER',
  'CONTRIBUTOR',
  'REVIEWER',
  'APPROVER',
]);
