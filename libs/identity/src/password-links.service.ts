import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { linkSecretHash, newLinkSecret } from './link-secret';
import { PasswordLinkTokenEntity } from './password-link-token.entity';
import { PasswordLinkEntity, PasswordLinkPurpose } from './password-link.entity';

/**
 * Stands in a rendered welcome or reset email for the token of its link; the worker puts a fresh
 * token in its place when it sends the email, so the stored email holds no secret.
 */
export const PASSWORD_TOKEN_PLACEHOLDER = '{{password-token}}';

const HOUR_MS = 60 * 60 * 1000;

/** How long each kind of link acts: a week to join, an hour to reset (OPERATIONS.md). */
export const PASSWORD_LINK_LIFETIME_MS: Readonly<Record<PasswordLinkPurpose, number>> = {
  WELCOME: 7 * 24 * HOUR_MS,
  RESET: HOUR_MS,
};

/** The links of welcome and reset emails: made with the email, opened by token, used once. */
@Injectable()
export class PasswordLinksService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records a link in the caller's transaction; its token is minted when the email is sent. */
  async create(
    ctx: RequestContext,
    userId: string,
    purpose: PasswordLinkPurpose,
  ): Promise<PasswordLinkEntity> {
    const now = this.clock.now();
    const link: PasswordLinkEntity = {
      id: newId('pwl'),
      userId,
      purpose,
      expiresAt: new Date(now.getTime() + PASSWORD_LINK_LIFETIME_MS[purpose]),
      usedAt: null,
      createdAt: now,
    };
    await ctx.em.insert(PasswordLinkEntity, link);
    return link;
  }

  /** Makes a new secret token for a link and stores only its hash; answers the token itself. */
  async mintToken(em: EntityManager, passwordLinkId: string): Promise<string> {
    const { token, tokenHash } = newLinkSecret();
    await em.insert(PasswordLinkTokenEntity, {
      tokenHash,
      passwordLinkId,
      createdAt: this.clock.now(),
    });
    return token;
  }

  /** The page address for a token, as emails carry it. */
  urlOf(token: string): string {
    return `${this.config.publicUrl}/account/password/${token}`;
  }

  /** The link a token opens, used or not, or null for a token we never made. */
  async open(em: EntityManager, token: string): Promise<PasswordLinkEntity | null> {
    const found = await em.findOneBy(PasswordLinkTokenEntity, { tokenHash: linkSecretHash(token) });
    return found ? em.findOneBy(PasswordLinkEntity, { id: found.passwordLinkId }) : null;
  }

  /**
   * Uses the link up, atomically: of any number of concurrent calls exactly one answers true, and
   * none does once it is used or expired.
   */
  async consume(em: EntityManager, passwordLinkId: string): Promise<boolean> {
    const now = this.clock.now();
    const result = await em.update(
      PasswordLinkEntity,
      { id: passwordLinkId, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return result.affected === 1;
  }

  /** Every unused link of the user stops acting (a password set, the user deactivated). */
  async endAll(ctx: RequestContext, userId: string): Promise<void> {
    await ctx.em.update(
      PasswordLinkEntity,
      { userId, usedAt: IsNull() },
      { usedAt: this.clock.now() },
    );
  }
}
