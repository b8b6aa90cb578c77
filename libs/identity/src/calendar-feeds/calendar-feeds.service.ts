import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { AuditEventInput } from '@standpoint/events';
import { EntityManager } from 'typeorm';
import { requireUser } from '../brand-access';
import { linkSecretHash, newLinkSecret } from '../link-secret';
import { MembershipEntity } from '../membership.entity';
import { UserEntity } from '../user.entity';
import { CalendarFeedEntity } from './calendar-feed.entity';

/** A secret is the base64url of 256 bits: anything else opens nothing, and is not even looked up. */
const FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** A feed just made: its address, secret included, which is shown this once. */
export interface NewCalendarFeed {
  id: string;
  url: string;
  createdAt: Date;
}

/**
 * Each user's secret calendar address (`GET /calendar/<secret>.ics`): made (replacing the one
 * before) and revoked by the user themselves, each time recorded in the audit trail of every brand
 * whose items it shows; opened by its secret while the user is active.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed for the caller; the previous one, if any, stops working at once. */
  async create(ctx: RequestContext): Promise<NewCalendarFeed> {
    const { userId } = requireUser(ctx);
    const replaced = await ctx.em.findOneBy(CalendarFeedEntity, { userId });
    if (replaced) await ctx.em.delete(CalendarFeedEntity, { id: replaced.id });
    const { token, tokenHash } = newLinkSecret();
    const feed: CalendarFeedEntity = {
      id: newId('cal'),
      userId,
      secretHash: tokenHash,
      createdAt: this.clock.now(),
    };
    await ctx.em.insert(CalendarFeedEntity, feed);
    await this.recordInEachBrand(ctx, userId, (brandId) => ({
      brandId,
      action: 'calendar_feed.created',
      entityType: 'CalendarFeed',
      entityId: feed.id,
      data: { userId, replacedFeedId: replaced?.id ?? null },
    }));
    return { id: feed.id, url: this.urlOf(token), createdAt: feed.createdAt };
  }

  /** Ends the caller's feed; answers false when they had none. */
  async revoke(ctx: RequestContext): Promise<boolean> {
    const { userId } = requireUser(ctx);
    const feed = await ctx.em.findOneBy(CalendarFeedEntity, { userId });
    if (!feed) return false;
    await ctx.em.delete(CalendarFeedEntity, { id: feed.id });
    await this.recordInEachBrand(ctx, userId, (brandId) => ({
      brandId,
      action: 'calendar_feed.revoked',
      entityType: 'CalendarFeed',
      entityId: feed.id,
      data: { userId },
    }));
    return true;
  }

  /** When the caller's feed was made, or null when they have none. */
  async createdAtOf(ctx: RequestContext, userId: string): Promise<Date | null> {
    return (await ctx.em.findOneBy(CalendarFeedEntity, { userId }))?.createdAt ?? null;
  }

  /** The active user a secret opens the feed of, or null (unknown, revoked, deactivated). */
  async ownerOf(em: EntityManager, secret: string): Promise<UserEntity | null> {
    if (!FEED_SECRET.test(secret)) return null;
    const feed = await em.findOneBy(CalendarFeedEntity, { secretHash: linkSecretHash(secret) });
    const user = feed && (await em.findOneBy(UserEntity, { id: feed.userId }));
    return user && !user.deactivatedAt ? user : null;
  }

  /** The feed's address, as the user subscribes to it. */
  private urlOf(secret: string): string {
    return `${this.config.publicUrl}/calendar/${secret}.ics`;
  }

  private async recordInEachBrand(
    ctx: RequestContext,
    userId: string,
    event: (brandId: string) => AuditEventInput<'calendar_feed.created' | 'calendar_feed.revoked'>,
  ): Promise<void> {
    const memberships = await ctx.em.find(MembershipEntity, {
      where: { userId },
      order: { brandId: 'ASC' },
    });
    for (const { brandId } of memberships) await this.audit.append(ctx, event(brandId));
  }
}
