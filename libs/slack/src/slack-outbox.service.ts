import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { OutboxMessageEntity, pendingMessage } from '@standpoint/notifications';
import { SlackMessage } from './rules';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/** A Web API call the worker makes for a queued Slack message: post it, or update one posted. */
export type SlackCall =
  | { method: 'chat.postMessage'; channel: string; message: SlackMessage }
  | { method: 'chat.update'; message: SlackMessage };

export interface SlackDelivery {
  topic: string;
  call: SlackCall;
  /** The member a direct message is for. */
  recipientUserId?: string;
  /** The approval request (slack_message) it posts or updates, if it is one. */
  slackMessageId?: string;
  /** The facts it was made from, kept on the outbox row. */
  facts?: Record<string, unknown>;
}

/** The payload of a Slack outbox row: where to send it, and what it was made from. */
export interface SlackOutboxPayload {
  workspaceId: string;
  slackMessageId: string | null;
  facts: Record<string, unknown>;
}

/**
 * Queues Slack messages in the change's transaction, rendered now (the row keeps the exact Block
 * Kit sent): posted by the worker if and only if the change commits.
 */
@Injectable()
export class SlackOutbox {
  constructor(private readonly clock: Clock) {}

  async queue(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    deliveries: readonly SlackDelivery[],
  ): Promise<void> {
    if (!ctx.inTransaction)
      throw new Error("the outbox is written inside the change's transaction");
    const now = this.clock.now();
    const rows = deliveries.map((delivery) => {
      const id = newId('msg');
      const payload: SlackOutboxPayload = {
        workspaceId: workspace.id,
        slackMessageId: delivery.slackMessageId ?? null,
        facts: JSON.parse(JSON.stringify(delivery.facts ?? {})) as Record<string, unknown>,
      };
      const { call } = delivery;
      return pendingMessage(
        {
          id,
          brandId: workspace.brandId,
          topic: delivery.topic,
          channel: 'SLACK',
          recipientUserId: delivery.recipientUserId ?? null,
          recipient:
            call.method === 'chat.postMessage' ? call.channel : `update:${delivery.slackMessageId}`,
          payload,
          body: JSON.stringify(call),
          messageId: id,
        },
        now,
      );
    });
    if (rows.length > 0) await ctx.insertRows(OutboxMessageEntity, rows);
  }

  /**
   * Posts a message to the brand's Slack channel, if it has connected one: what an admin alert
   * needs. Answers whether one was queued.
   */
  async postToBrandChannel(
    ctx: RequestContext,
    brandId: string,
    topic: string,
    message: SlackMessage,
    facts: Record<string, unknown> = {},
  ): Promise<boolean> {
    const workspace = await ctx.em.findOneBy(SlackWorkspaceEntity, { brandId });
    if (!workspace?.channelId) return false;
    await this.queue(ctx, workspace, [
      {
        topic,
        call: { method: 'chat.postMessage', channel: workspace.channelId, message },
        facts,
      },
    ]);
    return true;
  }
}
