import { ID, Int, Resolver, Subscription } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { ProposalEventModel } from './models/proposal-event.model';
import { ProposalChange } from './proposal-change';
import { ProposalEventsService } from './proposal-events.service';

@Resolver(() => ProposalEventModel)
export class ProposalEventsResolver {
  constructor(private readonly events: ProposalEventsService) {}

  @Subscription(() => ProposalEventModel, {
    // On PostgreSQL the audit event bus fans out across API instances (LISTEN/NOTIFY).
    description:
      'Every change to a proposal of this brand, as it happens, once committed, on whichever instance it happened.',
    resolve(
      this: ProposalEventsResolver,
      change: ProposalChange,
      _args: unknown,
      context: unknown,
    ) {
      return this.events.resolve(context, change);
    },
  })
  proposalEvents(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('afterSeq', {
      type: () => Int,
      nullable: true,
      description:
        'Resume: first every change committed after this seq (the last ProposalEvent.seq received), in order, then the live ones, none twice.',
    })
    afterSeq: number | null,
  ): AsyncIterableIterator<ProposalChange> {
    return this.events.listen(ctx, brandId, afterSeq);
  }
}
