import { normalizeRoles, Role } from '../role';

// How an identity provider's groups give roles in a brand. Framework-free: the SCIM provisioning
// and the sign-in through a provider both ask these rules.

/** One group's roles, as a brand's ADMIN set them. */
export interface GroupRoles {
  group: string;
  roles: readonly Role[];
}

/**
 * The form a group's name is matched in: trimmed, Unicode-normalised (NFC) and lower-cased, since
 * providers differ in case ("Comms Admins" in Entra ID, "comms admins" in a claim) and a mapping
 * that silently fails to match would leave members without the roles the ADMIN meant.
 */
export function groupKey(group: string): string {
  return group.trim().normalize('NFC').toLowerCase();
}

/**
 * The roles a person in `groups` holds: the union of their mapped groups' roles, in the declared
 * order. A person in no mapped group holds none.
 */
export function rolesForGroups(mappings: readonly GroupRoles[], groups: readonly string[]): Role[] {
  const theirs = new Set(groups.map(groupKey));
  return normalizeRoles(
    mappings.filter((mapping) => theirs.has(groupKey(mapping.group))).flatMap((m) => m.roles),
  );
}
