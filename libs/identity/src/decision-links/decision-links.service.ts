import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { linkSecretHash, newLinkSecret } from '../link-secret';
import { DecisionLinkTokenEntity } from './decision-link-token.entity';
import { DecisionLinkEntity } from './decision-link.entity';

/**
 * Stands in a rendered approval email for the token of its decision link; the worker puts a fresh
 * token in its place when it sends the email, so the stored email holds no secret.
 */
export const DECISION_TOKEN_PLACEHOLDER = '{{decision-token}}';

/** A link stays usable this long at most, even when the step has no earlier deadline. */
export const DECISION_LINK_MAX_LIFETIME_MS = 72 * 60 * 60 * 1000;

export type NewDecisionLink = Omit<
  DecisionLinkEntity,
  'id' | 'usedAt' | 'revokedAt' | 'createdAt' | 'expiresAt'
> & {
  /** The step's deadline, if it has one: the link expires then or after 72 hours, whichever is first. */
  stepDueAt: Date | null;
};

/** The decision links of approval emails: made with the email, opened by token, used once. */
@Injectable()
export class DecisionLinksService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Records a link in the caller's transaction; its token is minted when the email is sent. */
  async create(ctx: RequestContext, link: NewDecisionLink): Promise<DecisionLinkEntity> {
    const now = this.clock.now();
    const latest = now.getTime() + DECISION_LINK_MAX_LIFETIME_MS;
    const { stepDueAt, ...binding } = link;
    const row: DecisionLinkEntity = {
      ...binding,
      id: newId('dln'),
      expiresAt: new Date(Math.min(latest, stepDueAt?.getTime() ?? latest)),
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    };
    await ctx.em.insert(DecisionLinkEntity, row);
    return row;
  }

  /** Makes a new secret token for a link and stores only its hash; answers the token itself. */
  async mintToken(em: EntityManager, decisionLinkId: string): Promise<string> {
    const { token, tokenHash } = newLinkSecret();
    await em.insert(DecisionLinkTokenEntity, {
      tokenHash,
      decisionLinkId,
      createdAt: this.clock.now(),
    });
    return token;
  }

  /** The page address for a token, as emails carry it. */
  urlOf(token: string): string {
    return `${this.config.publicUrl}/decide/${token}`;
  }

  /** The link a token opens, used or not, or null for a token we never made. */
  async open(em: EntityManager, token: string): Promise<DecisionLinkEntity | null> {
    const found = await em.findOne(DecisionLinkTokenEntity, {
      where: { tokenHash: linkSecretHash(token) },
    });
    return found ? em.findOne(DecisionLinkEntity, { where: { id: found.decisionLinkId } }) : null;
  }

  /**
   * Uses the link up, atomically: of any number of concurrent calls exactly one answers true, and
   * none does once it is used, revoked or expired. Run it in the transaction that records the decision, so
   * a refused decision leaves the link unused.
   */
  async consume(em: EntityManager, decisionLinkId: string): Promise<boolean> {
    const now = this.clock.now();
    const result = await em.update(
      DecisionLinkEntity,
      { id: decisionLinkId, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return result.affected === 1;
  }
}
