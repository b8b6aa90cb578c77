import { Injectable } from '@nestjs/common';
import { type Activation, DecisionOutcome } from '@standpoint/approvals';
import { AuditDispatcher } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import type { ProposalEntity } from '@standpoint/proposals';
import { ProposalReader, ProposalState } from '@standpoint/proposals';
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
 * the brand's channel if it has one (an escalated step's deputies are asked the same way). A request that no longer takes decisions is updated to say why,
 * without its buttons: its words were revised (before the new words are asked about), its step was
 * decided (or its member decided), the proposal was withdrawn or expired.
 */
@Injectable()
export class SlackApprovalRequestsNotice {
  constructor(
    private readonly facts: SlackRequestFactsReader,
    private readonly outbox: SlackOutbox,
    private readonly proposals: ProposalReader,
    private readonly clock: Clock,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended(['proposal.submitted', 'step.approver_removed'], (ctx, event, facts) =>
      this.inWorkspace(ctx, event.brandId, (workspace) =>
        this.request(ctx, workspace, facts.activated),
      ),
    );
    dispatcher.onAppended('decision.recorded', (ctx, event, decided) =>
      this.inWorkspace(ctx, event.brandId, async (workspace) => {
        const { proposal, decision, state } = decided;
        if (state !== ProposalState.IN_REVIEW) {
          const outcome = state.replace(/_/g, ' ').toLowerCase();
          await this.close(ctx, workspace, proposal, `It was decided: ${outcome}.`);
        } else if (decided.activated) {
          await this.close(
            ctx,
            workspace,
            proposal,
            `The step “${decision.stepName}” is decided.`,
            {
              stepId: decision.stepId,
            },
          );
        } else {
          await this.close(ctx, workspace, proposal, `You decided: ${VERBS[decision.outcome]}.`, {
            stepId: decision.stepId,
            recipientUserId: decision.approverId,
          });
        }
        await this.request(ctx, workspace, decided.activated);
      }),
    );
    dispatcher.onAppended('proposal.revised', (ctx, event, revised) =>
      this.inWorkspace(ctx, event.brandId, async (workspace) => {
        const why = wordsChangedWhy(revised.revision.number);
        await this.close(ctx, workspace, revised.proposal, why);
        await this.request(ctx, workspace, revised.restartedAt ?? null);
      }),
    );
    // The deputies of an escalated step are asked too; its approvers and the channel were already.
    dispatcher.onAppended('step.escalated', (ctx, event, escalated) =>
      this.inWorkspace(ctx, event.brandId, (workspace) =>
        this.request(ctx, workspace, escalated, event.data.deputies),
      ),
    );
    dispatcher.onAppended(['proposal.withdrawn', 'proposal.expired'], (ctx, event) =>
      this.inWorkspace(ctx, event.brandId, async (workspace) => {
        const proposal = await this.proposals.byId(ctx, event.entityId);
        if (!proposal) throw new Error(`proposal ${event.entityId} does not exist`);
        const why =
          event.action === 'proposal.withdrawn'
            ? 'It was withdrawn: there is nothing to decide.'
            : 'It expired: no decision came in time.';
        await this.close(ctx, workspace, proposal, why);
      }),
    );
  }

  /** Runs `then` with the brand's workspace; a brand without Slack costs one read. */
  private async inWorkspace(
    ctx: RequestContext,
    brandId: string,
    then: (workspace: SlackWorkspaceEntity) => Promise<void>,
  ): Promise<void> {
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId });
    if (workspace) await then(workspace);
  }

  private async request(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    activated: Activation | null,
    onlyApproverIds?: readonly string[],
  ): Promise<void> {
    if (!activated) return;
    const { proposal, step, dossier } = activated;
    const asked = onlyApproverIds ?? step.eligibleApproverIds;
    const links = await ctx.em.find(SlackUserLinkEntity, {
      where: { workspaceId: workspace.id, userId: In([...asked]) },
      order: { id: 'ASC' },
    });
    const channel = workspace.channelId && !onlyApproverIds ? [workspace.channelId] : [];
    const targets = [
      ...links.map((link) => ({ channel: link.slackUserId, userId: link.userId as string | null })),
      ...channel.map((id) => ({ channel: id, userId: null })),
    ];
    if (targets.length === 0) return;
    const request = await this.facts.of(ctx, proposal, step, dossier);
    const now = this.clock.now();
    const messages: SlackMessageEntity[] = [];
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
      messages.push(message);
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
    await ctx.insertRows(SlackMessageEntity, messages);
    await this.outbox.queue(ctx, workspace, deliveries);
  }

  /**
   * Closes the proposal's open requests (of one step, or one member, when given): each is updated
   * to say why, without its buttons.
   */
  private async close(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    proposal: Pick<ProposalEntity, 'id' | 'brandId' | 'title'>,
    why: string,
    only: { stepId?: string; recipientUserId?: string } = {},
  ): Promise<void> {
    const open = await ctx.em.find(SlackMessageEntity, {
      where: { workspaceId: workspace.id, proposalId: proposal.id, closedAt: IsNull(), ...only },
      order: { id: 'ASC' },
    });
    if (open.length === 0) return;
    await ctx.em.update(
      SlackMessageEntity,
      { id: In(open.map((m) => m.id)) },
      { closedAt: this.clock.now() },
    );
    const brandName = await this.facts.brandNameOf(ctx, proposal.brandId);
    const message = closedMessage({ brandName, title: proposal.title }, why);
    await this.outbox.queue(
      ctx,
      workspace,
      open.map((m) => ({
        topic: 'approval.closed',
        call: { method: 'chat.update' as const, message },
        recipientUserId: m.recipientUserId ?? undefined,
        slackMessageId: m.id,
        facts: { proposalId: proposal.id, why },
      })),
    );
  }
}

/** A decision as its maker reads it back. */
const VERBS: Record<DecisionOutcome, string> = {
  APPROVE: 'approve',
  REQUEST_CHANGES: 'request changes',
  REJECT: 'reject',
};
