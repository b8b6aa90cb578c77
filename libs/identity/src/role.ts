export enum Role {
  ADMIN = 'ADMIN',
  SOCIAL_MANAGER = 'SOCIAL_MANAGER',
  CONTRIBUTOR = 'CONTRIBUTOR',
  REVIEWER = 'REVIEWER',
  APPROVER = 'APPROVER',
  AUDITOR = 'AUDITOR',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles in their declared order without repeats, as they are stored. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  return ALL_ROLES.filter((role) => roles.includes(role));
}
