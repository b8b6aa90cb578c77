import { RequestContext, UserActor } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { effectiveRoles, mayPerform, Operation, ROLES_FOR } from './access-policy';
import { ALL_ROLES, Role } from './role';

/**
 * Authorization, in one place. A brand the actor has no part in does not exist for them
 * (NOT_FOUND); a brand they belong to without the needed role answers FORBIDDEN. The system
 * actor (worker, operator commands) may do everything.
 */
export function rolesIn(ctx: RequestContext, brandId: string): Role[] {
  const actor = ctx.actor;
  switch (actor.kind) {
    case 'system':
      return [...ALL_ROLES];
    case 'user':
      return effectiveRoles(
        actor.brandRoles.get(brandId) as Role[] | undefined,
        actor.platformAdmin,
      );
    case 'email-link':
    case 'slack':
      // The link (or the linked Slack account) opens its own brand, with the member's roles there
      // and nothing more.
      return actor.brandId === brandId ? effectiveRoles(actor.roles as Role[], false) : [];
    case 'scim':
      // The brand's identity provider administers its members, through /scim/v2 only (GraphQL
      // takes no SCIM token): the changes it makes are then followed as an ADMIN's would be.
      return actor.brandId === brandId ? [Role.ADMIN] : [];
    case 'sso':
      // A provider provisioning someone at sign-in, in the brands it serves, as SCIM does.
      return actor.brandIds.includes(brandId) ? [Role.ADMIN] : [];
    default:
      return [];
  }
}

export function canSeeBrand(ctx: RequestContext, brandId: string): boolean {
  return rolesIn(ctx, brandId).length > 0;
}

export function requireBrandOperation(
  ctx: RequestContext,
  brandId: string,
  operation: Operation,
): void {
  const roles = rolesIn(ctx, brandId);
  if (roles.length === 0) throw DomainError.notFound('Brand');
  if (!mayPerform(roles, operation)) {
    throw DomainError.forbidden(
      `This needs one of the roles ${ROLES_FOR[operation].join(', ')} in the brand`,
    );
  }
}

export function requireUser(ctx: RequestContext): UserActor {
  if (ctx.actor.kind !== 'user') throw DomainError.unauthenticated();
  return ctx.actor;
}

export function isPlatformAdmin(ctx: RequestContext): boolean {
  return ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ctx.actor.platformAdmin);
}

export function requirePlatformAdmin(ctx: RequestContext): void {
  if (!isPlatformAdmin(ctx))
    throw DomainError.forbidden('Only a platform administrator may do this');
}
