import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ObjectType } from '@nestjs/graphql';
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
}
