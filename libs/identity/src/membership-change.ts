import { Role } from './role';

/** A member whose roles shrank or changed, or who left the brand (`to` empty). */
export interface MembershipChange {
  brandId: string;
  userId: string;
  from: readonly Role[];
  to: readonly Role[];
  why: 'ROLES_CHANGED' | 'REMOVED' | 'DEACTIVATED';
}

/** A person who was just given a membership; `needsPassword` when they cannot sign in yet. */
export interface MemberAdded {
  brandId: string;
  user: { id: string; email: string; name: string };
  roles: readonly Role[];
  needsPassword: boolean;
}

/**
 * What the membership events hand their subscribers (the approval workflow takes a member off the
 * steps they no longer qualify for; the account emails welcome a new member).
 */
declare module '@standpoint/events' {
  interface AuditFacts {
    'member.added': MemberAdded;
    'member.roles_changed': MembershipChange;
    'member.removed': MembershipChange;
    'user.deactivated': MembershipChange;
  }
}
