import { ALL_ROLES, Role } from './role';

/**
 * What a member may do in a brand, by role (DESIGN.md, "Who may do what"). Deciding is not here:
 * who may decide is named by each approval step.
 */
export enum Operation {
  READ_BRAND = 'READ_BRAND',
  MANAGE_MEMBERS = 'MANAGE_MEMBERS',
  SET_APPROVAL_POLICY = 'SET_APPROVAL_POLICY',
  MANAGE_WEBHOOKS = 'MANAGE_WEBHOOKS',
  MANAGE_OUTBOX = 'MANAGE_OUTBOX',
  /** Connect and disconnect the brand's chat workspaces (Slack). */
  MANAGE_CHAT = 'MANAGE_CHAT',
  CREATE_PROPOSAL = 'CREATE_PROPOSAL',
  REVISE_PROPOSAL = 'REVISE_PROPOSAL',
  SUBMIT_PROPOSAL = 'SUBMIT_PROPOSAL',
  SET_RECOMMENDATION = 'SET_RECOMMENDATION',
  WITHDRAW_PROPOSAL = 'WITHDRAW_PROPOSAL',
  ADD_EVIDENCE = 'ADD_EVIDENCE',
  MANAGE_RISK_NOTES = 'MANAGE_RISK_NOTES',
  COMMENT = 'COMMENT',
  SCHEDULE_AND_PUBLISH = 'SCHEDULE_AND_PUBLISH',
  RESCHEDULE_AFTER_FREEZE = 'RESCHEDULE_AFTER_FREEZE',
  MANAGE_CONTENT_FREEZE = 'MANAGE_CONTENT_FREEZE',
  READ_AUDIT = 'READ_AUDIT',
}

const { ADMIN, SOCIAL_MANAGER, CONTRIBUTOR, REVIEWER, APPROVER, AUDITOR } = Role;

export const ROLES_FOR: Readonly<Record<Operation, readonly Role[]>> = {
  READ_BRAND: ALL_ROLES,
  MANAGE_MEMBERS: [ADMIN],
  SET_APPROVAL_POLICY: [ADMIN],
  MANAGE_WEBHOOKS: [ADMIN],
  MANAGE_OUTBOX: [ADMIN],
  MANAGE_CHAT: [ADMIN],
  CREATE_PROPOSAL: [SOCIAL_MANAGER],
  REVISE_PROPOSAL: [SOCIAL_MANAGER],
  SUBMIT_PROPOSAL: [SOCIAL_MANAGER],
  SET_RECOMMENDATION: [SOCIAL_MANAGER],
  WITHDRAW_PROPOSAL: [SOCIAL_MANAGER, ADMIN],
  ADD_EVIDENCE: [SOCIAL_MANAGER, CONTRIBUTOR, REVIEWER],
  MANAGE_RISK_NOTES: [SOCIAL_MANAGER, CONTRIBUTOR, REVIEWER],
  COMMENT: ALL_ROLES.filter((role) => role !== AUDITOR),
  SCHEDULE_AND_PUBLISH: [SOCIAL_MANAGER, APPROVER],
  RESCHEDULE_AFTER_FREEZE: [APPROVER],
  MANAGE_CONTENT_FREEZE: [ADMIN, APPROVER],
  READ_AUDIT: [AUDITOR, ADMIN],
};

/** The roles that count for a user in a brand: a platform administrator is an ADMIN everywhere. */
export function effectiveRoles(
  memberRoles: readonly Role[] | undefined,
  platformAdmin: boolean,
): Role[] {
  const roles = new Set(memberRoles ?? []);
  if (platformAdmin) roles.add(ADMIN);
  return [...roles];
}

export function mayPerform(roles: readonly Role[], operation: Operation): boolean {
  return roles.some((role) => ROLES_FOR[operation].includes(role));
}
