import { Injectable } from '@nestjs/common';
import type { Activation } from '@standpoint/approvals';
import { AuditDispatcher } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { In, IsNull } from 'typeorm';
import { SlackRequestFactsReader } from '../slack-request-facts';
import { approvalRequestMessage, closedMessage, wordsChangedWhy } from '../rules';
import { SlackDelivery, SlackOutbox } from '../slack-outbox.service';
import { SlackMessageEntity } from '../slack-message.entity';
import { SlackUserLinkEntity } from '../slack-user-link.entity';
import { SlackWorkspaceEntity } from '../slack-workspace.entity';

/**
 * Approval requests in Slack, on the same events as the approval emails: a step that becomes
 * active is posted to each of its approvers who linked a Slack account (a direct message) and to
 * the brand's channel if it has one. When the words are revised, the requests posted before are
 * updated to say so, without their buttons, before the new words are asked about.
 */
@Injectable()
export class SlackApprovalRequestsNotice {
  constructor(
    private readonly facts: SlackRequestFactsReader,
    private readonly outbox: SlackOutbox,
    private readonly clock: Clock,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended(
      ['proposal.submitted', 'decision.recorded', 'step.approver_removed'],
      (ctx, _event, facts) => this.request(ctx, facts.activated),
    );
    dispatcher.onAppended('proposal.revised', async (ctx, _event, revised) => {
      const { proposal, revision } = revised;
      await this.close(
        ctx,
        proposal.id,
        proposal.brandId,
        proposal.title,
        wordsChangedWhy(revision.number),
      );
      await this.request(ctx, revised.restartedAt ?? null);
    });
  }

  private async request(ctx: RequestContext, activated: Activation | null): Promise<void> {
    if (!activated) return;
    const { proposal, step, dossier } = activated;
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId: proposal.brandId });
    if (!workspace) return;
    const links = await ctx.em.find(SlackUserLinkEntity, {
      where: { workspaceId: workspace.id, userId: In([...step.eligibleApproverIds]) },
      order: { id: 'ASC' },
    });
    const targets = [
      ...links.map((link) => ({ channel: link.slackUserId, userId: link.userId as string | null })),
      ...(workspace.channelId ? [{ channel: workspace.channelId, userId: null }] : []),
    ];
    if (targets.length === 0) return;
    const request = await this.facts.of(ctx, proposal, step, dossier);
    const now = this.clock.now();
    const deliveries: SlackDelivery[] = [];
    for (const target of targets) {
      const message: SlackMessageEntity = {
        id: newId('slm'),
        workspaceId: workspace.id,
        brandId: proposal.brandId,
        proposalId: proposal.id,
        stepId: step.id,
        contentHash: dossier.revision.contentHash,
        recipientUserId: target.userId,
        channel: null,
        ts: null,
        closedAt: null,
        createdAt: now,
      };
      await ctx.em.insert(SlackMessageEntity, message);
      deliveries.push({
        topic: 'approval.requested',
        call: {
          method: 'chat.postMessage',
          channel: target.channel,
          message: approvalRequestMessage(request, message.id),
        },
        recipientUserId: target.userId ?? undefined,
        slackMessageId: message.id,
        facts: {
          proposalId: proposal.id,
          stepId: step.id,
          revision: dossier.revision.number,
          contentHash: dossier.revision.contentHash,
        },
      });
    }
    await this.outbox.queue(ctx, workspace, deliveries);
  }

  /** Closes the proposal's open requests: each is updated to say why, without its buttons. */
  private async close(
    ctx: RequestContext,
    proposalId: string,
    brandId: string,
    title: string,
    why: string,
  ): Promise<void> {
    const open = await ctx.em.find(SlackMessageEntity, {
      where: { proposalId, closedAt: IsNull() },
      order: { id: 'ASC' },
    });
    if (open.length === 0) return;
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId });
    await ctx.em.update(
      SlackMessageEntity,
      { id: In(open.map((m) => m.id)) },
      { closedAt: this.clock.now() },
    );
    if (!workspace) return;
    const brandName = await this.facts.brandNameOf(ctx, brandId);
    const message = closedMessage({ brandName, title }, why);
    await this.outbox.queue(
      ctx,
      workspace,
      open
        .filter((m) => m.workspaceId === workspace.id)
        .map((m) => ({
          topic: 'approval.closed',
          call: { method: 'chat.update' as const, message },
          recipientUserId: m.recipientUserId ?? undefined,
          slackMessageId: m.id,
          facts: { proposalId, why },
        })),
    );
  }
}
