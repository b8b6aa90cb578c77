/**
 * Who is acting: a signed-in user, an approver through an email link or their linked Slack account,
 * a brand's identity provider through SCIM or at sign-in, or the system itself.
 */
export type Actor =
  AnonymousActor | UserActor | EmailLinkActor | SlackActor | ScimActor | SsoActor | SystemActor;

export interface AnonymousActor {
  readonly kind: 'anonymous';
}

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  readonly platformAdmin: boolean;
  /** The session of the access token the request came with (none for other credentials). */
  readonly sessionId?: string;
  /** The viewer's roles per brand id, read once per request. */
  readonly brandRoles: ReadonlyMap<string, readonly string[]>;
}

/** An approver acting through the decision link of an approval email: in that link's brand only. */
export interface EmailLinkActor {
  readonly kind: 'email-link';
  readonly userId: string;
  readonly email: string;
  readonly brandId: string;
  /** The approver's roles in that brand, read when the link is used. */
  readonly roles: readonly string[];
}

/**
 * A member acting from Slack, through the Slack account they linked to Standpoint, on a request
 * verified with the brand's signing secret: in that brand only.
 */
export interface SlackActor {
  readonly kind: 'slack';
  readonly userId: string;
  readonly email: string;
  readonly brandId: string;
  /** The member's roles in that brand, read when the request came. */
  readonly roles: readonly string[];
}

/** A brand's identity provider provisioning its members through SCIM, with the brand's token. */
export interface ScimActor {
  readonly kind: 'scim';
  readonly brandId: string;
  readonly tokenId: string;
  /** The token's label, as the brand's ADMIN named it (say "Okta"). */
  readonly label: string;
}

/**
 * An organisation's OIDC provider provisioning a person as they sign in through it (their groups
 * give their roles): in the brands it serves only.
 */
export interface SsoActor {
  readonly kind: 'sso';
  readonly providerId: string;
  readonly providerName: string;
  readonly brandIds: readonly string[];
}

export interface SystemActor {
  readonly kind: 'system';
}

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };
export const SYSTEM: SystemActor = { kind: 'system' };

/** The readable label the audit trail shows for an actor. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.email;
    case 'email-link':
      return `email-link:${actor.email}`;
    case 'slack':
      return `slack:${actor.email}`;
    case 'scim':
      return `scim:${actor.label} (${actor.tokenId})`;
    case 'sso':
      return `sso:${actor.providerName} (${actor.providerId})`;
    case 'system':
      return 'system';
    case 'anonymous':
      return 'anonymous';
  }
}

/** The user behind an actor, if any. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' || actor.kind === 'email-link' || actor.kind === 'slack'
    ? actor.userId
    : null;
}
