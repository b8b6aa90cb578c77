import { ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { ProposalModel } from '@standpoint/proposals';
import { DecisionRecordService } from './decision-record.service';
import { DecisionRecordLinkModel, DecisionRecordModel } from './models/decision-record.model';

@Resolver(() => ProposalModel)
export class DecisionRecordResolver {
  constructor(private readonly records: DecisionRecordService) {}

  @ResolveField(() => DecisionRecordModel, {
    description:
      'Who warned, who decided and on what evidence: the story in audit order, each line with the sequence number and hash of the audit event behind it.',
  })
  decisionRecord(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<DecisionRecordModel> {
    return this.records.of(ctx, proposal) as Promise<DecisionRecordModel>;
  }

  @Mutation(() => DecisionRecordLinkModel, {
    description:
      'A link to the printable decision record that works for 10 minutes, for the caller only (GET /proposals/<id>/decision-record?access=…).',
  })
  decisionRecordLink(
    @Ctx() ctx: RequestContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
  ): Promise<DecisionRecordLinkModel> {
    return this.records.link(ctx, proposalId);
  }
}
