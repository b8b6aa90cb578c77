import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { LessThan, Not } from 'typeorm';
import { requireUser } from './brand-access';
import { SessionEntity } from './session.entity';

/**
 * The server's side of access tokens: a session row per sign-in, which every request's
 * authentication reads (AuthService.authenticate). Ending a session deletes its row, so its tokens
 * are refused from the next request on, on every API instance. Writes run in the caller's
 * transaction.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session for a user who has just proven who they are; their expired ones are swept. */
  async start(ctx: RequestContext, userId: string): Promise<SessionEntity> {
    const now = this.clock.now();
    await ctx.em.delete(SessionEntity, { userId, expiresAt: LessThan(now) });
    const session: SessionEntity = {
      id: newId('ses'),
      userId,
      createdAt: now,
      expiresAt: this.expiryFrom(now),
    };
    await ctx.em.insert(SessionEntity, session);
    return session;
  }

  /** The session's tokens live on: a new token for it expires later than the last. */
  async renew(ctx: RequestContext, sessionId: string): Promise<void> {
    await ctx.em.update(
      SessionEntity,
      { id: sessionId },
      { expiresAt: this.expiryFrom(this.clock.now()) },
    );
  }

  /** Signs the caller out: the session of the token they called with ends. */
  async endCalling(ctx: RequestContext): Promise<boolean> {
    const sessionId = requireUser(ctx).sessionId;
    if (!sessionId) throw DomainError.unauthenticated();
    await ctx.em.delete(SessionEntity, { id: sessionId });
    return true;
  }

  /** Ends every session of the user but `keep` (none: all of them); answers how many ended. */
  async endAll(ctx: RequestContext, userId: string, keep?: string): Promise<number> {
    const result = await ctx.em.delete(
      SessionEntity,
      keep ? { userId, id: Not(keep) } : { userId },
    );
    return result.affected ?? 0;
  }

  private expiryFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.jwtTtlSeconds * 1000);
  }
}
