import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEventEntity, AuditProofsService } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { Ctx } from '@standpoint/graphql';
import { AuditProofModel } from '../models/audit-proof.model';
import { DecisionRecordLineModel } from './models/decision-record.model';

/** Each line of a decision record can be proven to an outsider, with the event it names. */
@Resolver(() => DecisionRecordLineModel)
export class DecisionRecordLineResolver {
  constructor(private readonly proofs: AuditProofsService) {}

  @ResolveField(() => AuditProofModel, {
    description:
      "The proof that the line's audit event is in a signed checkpoint of the brand's log, to check offline with `npx standpoint audit verify-proof` (the chain is sealed first if the event is not yet).",
  })
  async proof(
    @Ctx() ctx: RequestContext,
    @Parent() line: DecisionRecordLineModel,
  ): Promise<AuditProofModel> {
    // The line exists only inside a record its reader may read: its event is theirs to prove.
    const event = await ctx.em.findOneByOrFail(AuditEventEntity, { id: line.auditEventId });
    return AuditProofModel.from(await this.proofs.inclusion(ctx, event));
  }
}
