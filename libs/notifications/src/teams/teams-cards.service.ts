import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { EmailTopic } from '../email/email-topic';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { pendingMessage } from '../outbox/pending-message';
import { adaptiveCard, CardContent, teamsMessage } from './adaptive-card';
import { TeamsConnectionEntity } from './teams-connection.entity';
import { teamsRecipientOf } from './teams-url';

export interface CardToTeams {
  brandId: string;
  topic: EmailTopic;
  payload: Record<string, unknown>;
  card: CardContent;
}

/**
 * Queues a card for the brand's Teams workflow, if it has one, in the caller's transaction: posted
 * if and only if the change commits, exactly as rendered now. The row names the workflow by its
 * host and hint; the transport opens the sealed URL when it posts.
 */
@Injectable()
export class TeamsCards {
  constructor(private readonly clock: Clock) {}

  async post(ctx: RequestContext, message: CardToTeams): Promise<void> {
    if (!ctx.inTransaction)
      throw new Error("the outbox is written inside the change's transaction");
    const connection = await ctx.em.findOneBy(TeamsConnectionEntity, { brandId: message.brandId });
    if (!connection) return;
    const id = newId('tmc');
    const body = JSON.stringify(teamsMessage(adaptiveCard(message.card)));
    await ctx.insertRows(OutboxMessageEntity, [
      pendingMessage(
        {
          id,
          brandId: message.brandId,
          topic: message.topic,
          channel: 'TEAMS',
          recipient: teamsRecipientOf(connection),
          payload: JSON.parse(JSON.stringify(message.payload)) as object,
          body,
          messageId: id,
        },
        this.clock.now(),
      ),
    ]);
  }
}
