import { RequestContext, UserActor } from '@standpoint/database';

/**
 * What the GraphQL layer needs from whoever owns sign-in (the identity feature provides it): the
 * user a bearer token stands for. The WebSocket transport authenticates `connection_init` with it;
 * infrastructure never imports a feature, so it asks for this abstraction instead.
 */
export abstract class Authenticator {
  /** The signed-in user of a valid access token, with their roles per brand; undefined if none. */
  abstract authenticate(ctx: RequestContext, token: string): Promise<UserActor | undefined>;

  /**
   * The user as an actor, with their roles per brand as they are now; undefined if there is no
   * such user. For credentials other than access tokens (a signed link) that name a user.
   */
  abstract actorOf(ctx: RequestContext, userId: string): Promise<UserActor | undefined>;
}

/** The token of an `Authorization: Bearer <token>` value, if it is one. */
export function bearerToken(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return /^Bearer (.+)$/i.exec(authorization.trim())?.[1];
}
