import { ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Connection, Ctx } from '@standpoint/graphql';
import {
  OUTBOX_STATUSES,
  OutboxMessageConnection,
  OutboxMessageModel,
} from './outbox-message.model';
import { OUTBOX_PAGE, OutboxAdmin } from './outbox-admin.service';
import { OutboxStatus } from './outbox-message.entity';

@Resolver(() => OutboxMessageModel)
export class OutboxResolver {
  constructor(private readonly outbox: OutboxAdmin) {}

  @Query(() => OutboxMessageConnection, {
    description: "The brand's emails and webhook deliveries, newest first. Brand admins only.",
  })
  outboxMessages(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('status', { type: () => OUTBOX_STATUSES, nullable: true }) status: OutboxStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: OUTBOX_PAGE.default })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<OutboxMessageModel>> {
    return this.outbox.list(ctx, brandId, status, first, after);
  }

  @Mutation(() => OutboxMessageModel, {
    description: 'Puts a DEAD message back in the queue, due now with its attempts reset.',
  })
  retryOutboxMessage(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OutboxMessageModel> {
    return this.outbox.retry(ctx, id);
  }
}
