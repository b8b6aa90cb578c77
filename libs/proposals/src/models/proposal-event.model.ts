import { DateTimeScalar } from '@standpoint/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ProposalModel } from './proposal.model';

@ObjectType('ProposalEvent', { description: 'One change to a proposal, as it happened.' })
export class ProposalEventModel {
  @Field(() => ProposalModel, { description: 'The proposal as it is now.' })
  proposal!: ProposalModel;

  @Field({
    description: "The audit event's action, for example proposal.created or evidence.added.",
  })
  action!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => Int, {
    description:
      "The audit event's sequence number in the brand's audit trail. Pass the last one received as proposalEvents' afterSeq to resume after it.",
  })
  seq!: number;
}
