import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { AUDIT_ENTITY_TYPES, SlackUserLinkRecord } from '@standpoint/events';
import { Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan } from 'typeorm';
import { SlackLinkCodeModel } from './models/slack-connection.model';
import { actAsMember } from './slack-actor';
import { SlackLinkCodeEntity } from './slack-link-code.entity';
import { SlackUserLinkEntity } from './slack-user-link.entity';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/** A link code is good for this long. */
export const SLACK_LINK_CODE_TTL_MS = 10 * 60 * 1000;

/** Link attempts of one Slack account: a code (192 random bits) cannot be guessed in these. */
export const SLACK_LINK_ATTEMPTS: RateLimit = {
  name: 'slack_link',
  points: 10,
  durationSeconds: 15 * 60,
  refusal: 'Too many link attempts from this Slack account',
};

/**
 * Links a member's Slack account by a one-time code: the member asks for it in Standpoint (signed
 * in), and types it in the brand's workspace, whose verified request names the Slack account.
 * Nothing is ever matched by name or address.
 */
@Injectable()
export class SlackLinksService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  async createCode(ctx: RequestContext, brandId: string): Promise<SlackLinkCodeModel> {
    const user = requireUser(ctx);
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId });
    if (!workspace) throw DomainError.notFound('SlackConnection');
    const code = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SLACK_LINK_CODE_TTL_MS);
    await ctx.em.insert(SlackLinkCodeEntity, {
      codeHash: codeHashOf(code),
      workspaceId: workspace.id,
      userId: user.userId,
      expiresAt,
      usedAt: null,
      createdAt: now,
    });
    return Object.assign(new SlackLinkCodeModel(), {
      code,
      command: `/standpoint link ${code}`,
      expiresAt,
    });
  }

  /** The caller's own link in the brand's workspace ends; answers whether there was one. */
  async unlinkMine(ctx: RequestContext, brandId: string): Promise<boolean> {
    const user = requireUser(ctx);
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    const link = await ctx.em.findOneBy(SlackUserLinkEntity, { brandId, userId: user.userId });
    if (!link) return false;
    await this.unlink(ctx, link, 'STANDPOINT');
    return true;
  }

  /**
   * `/standpoint link <code>` from a verified request: the Slack account now acts as the code's
   * member (a member of the brand still), in place of any member it acted as before. Answers what
   * to tell them.
   */
  async linkFromSlack(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    slackUserId: string,
    code: string,
  ): Promise<string> {
    await this.limits.consume(SLACK_LINK_ATTEMPTS, `${workspace.id}:${slackUserId}`);
    const now = this.clock.now();
    const found = await ctx.em.findOneBy(SlackLinkCodeEntity, {
      codeHash: codeHashOf(code),
      workspaceId: workspace.id,
      usedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
    const used =
      found &&
      (await ctx.em.update(
        SlackLinkCodeEntity,
        { codeHash: found.codeHash, usedAt: IsNull() },
        { usedAt: now },
      ));
    if (!found || used?.affected !== 1) {
      return 'That code is unknown, used or expired: ask Standpoint for a new one.';
    }
    const user = await actAsMember(ctx, workspace, found.userId);
    if (!user) return 'That code’s account is no longer a member of the brand.';
    const before = await ctx.em.findOneBy(SlackUserLinkEntity, {
      workspaceId: workspace.id,
      slackUserId,
    });
    if (before) await ctx.em.delete(SlackUserLinkEntity, { id: before.id });
    // The member's earlier Slack account in this workspace stops acting for them.
    await ctx.em.delete(SlackUserLinkEntity, { workspaceId: workspace.id, userId: user.id });
    const link: SlackUserLinkEntity = {
      id: newId('sul'),
      workspaceId: workspace.id,
      brandId: workspace.brandId,
      slackUserId,
      userId: user.id,
      linkedAt: now,
    };
    await ctx.em.insert(SlackUserLinkEntity, link);
    await this.audit.append(ctx, {
      brandId: workspace.brandId,
      action: 'slack.user_linked',
      entityType: AUDIT_ENTITY_TYPES['slack.user_linked'],
      entityId: link.id,
      data: { ...recordOf(link, workspace.teamId), replacedUserId: before?.userId ?? null },
    });
    return `Linked: you act in Standpoint as ${user.email}. Approval requests now reach you here.`;
  }

  /** `/standpoint unlink` from a verified request. */
  async unlinkFromSlack(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    slackUserId: string,
  ): Promise<string> {
    const link = await ctx.em.findOneBy(SlackUserLinkEntity, {
      workspaceId: workspace.id,
      slackUserId,
    });
    if (!link) return 'This Slack account is not linked to Standpoint.';
    await actAsMember(ctx, workspace, link.userId);
    await this.unlink(ctx, link, 'SLACK');
    return 'Unlinked: this Slack account no longer acts in Standpoint.';
  }

  private async unlink(
    ctx: RequestContext,
    link: SlackUserLinkEntity,
    from: 'STANDPOINT' | 'SLACK',
  ): Promise<void> {
    const workspace = await ctx.em.findOneByOrFail(SlackWorkspaceEntity, { id: link.workspaceId });
    await ctx.em.delete(SlackUserLinkEntity, { id: link.id });
    await this.audit.append(ctx, {
      brandId: link.brandId,
      action: 'slack.user_unlinked',
      entityType: AUDIT_ENTITY_TYPES['slack.user_unlinked'],
      entityId: link.id,
      data: { ...recordOf(link, workspace.teamId), from },
    });
  }
}

function codeHashOf(code: string): string {
  return createHash('sha256').update(code.trim()).digest('hex');
}

function recordOf(link: SlackUserLinkEntity, teamId: string): SlackUserLinkRecord {
  return {
    workspaceId: link.workspaceId,
    teamId,
    slackUserId: link.slackUserId,
    userId: link.userId,
  };
}
