import { Injectable } from '@nestjs/common';
import { ErrorCode, WebAPIPlatformError } from '@slack/web-api';
import { readManagerOf, RequestContext, TransactionRunner } from '@standpoint/database';
import {
  OutboxMessageEntity,
  OutboxTransport,
  PermanentDeliveryError,
} from '@standpoint/notifications';
import { DataSource } from 'typeorm';
import { SlackCredentials } from './slack-credentials';
import { SlackMessageEntity } from './slack-message.entity';
import { SlackCall, SlackOutboxPayload } from './slack-outbox.service';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/** Slack's answers that no later attempt can change: the message is dead at once. */
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'no_permission',
  'missing_scope',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'user_not_found',
  'cant_update_message',
  'message_not_found',
  'invalid_blocks',
  'msg_too_long',
]);

/**
 * Makes the Web API call of a queued Slack message with its workspace's token (opened only now, in
 * memory). A posted approval request's conversation and `ts` are written back, so that it can be
 * updated; an update of one not posted yet waits (it is tried again later). A workspace
 * disconnected since refuses its messages.
 */
@Injectable()
export class SlackTransport implements OutboxTransport {
  readonly channel = 'SLACK' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly credentials: SlackCredentials,
  ) {}

  async deliver(row: OutboxMessageEntity): Promise<void> {
    const payload = row.payload as SlackOutboxPayload;
    const call = JSON.parse(row.body) as SlackCall;
    const read = readManagerOf(this.dataSource);
    const workspace = await read.findOneBy(SlackWorkspaceEntity, { id: payload.workspaceId });
    if (!workspace) throw new PermanentDeliveryError('the Slack workspace was disconnected');
    const client = this.credentials.clientOf(workspace);
    const posted = payload.slackMessageId
      ? await read.findOneBy(SlackMessageEntity, { id: payload.slackMessageId })
      : null;
    try {
      if (call.method === 'chat.postMessage') {
        const answer = await client.chat.postMessage({ channel: call.channel, ...call.message });
        if (posted && answer.channel && answer.ts)
          await this.posted(posted.id, answer.channel, answer.ts);
        return;
      }
      if (!posted) throw new PermanentDeliveryError('the message it updates is not recorded');
      if (!posted.channel || !posted.ts)
        throw new Error('the message it updates is not posted yet');
      await client.chat.update({ channel: posted.channel, ts: posted.ts, ...call.message });
    } catch (error) {
      throw deliveryErrorOf(error);
    }
  }

  private posted(id: string, channel: string, ts: string): Promise<unknown> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, () =>
      ctx.em.update(SlackMessageEntity, { id }, { channel, ts }),
    );
  }
}

/** Slack's refusal by its name only (never the request, which holds the token in its headers). */
function deliveryErrorOf(error: unknown): Error {
  if (error instanceof PermanentDeliveryError) return error;
  const platform = error as { code?: string; data?: WebAPIPlatformError['data'] };
  if (platform.code === String(ErrorCode.PlatformError) && platform.data?.error) {
    const name = platform.data.error;
    return PERMANENT.has(name)
      ? new PermanentDeliveryError(`Slack answered ${name}`)
      : new Error(`Slack answered ${name}`);
  }
  if (platform.code === String(ErrorCode.RateLimitedError))
    return new Error('Slack rate-limited the call');
  return new Error(error instanceof Error ? error.message : String(error));
}
