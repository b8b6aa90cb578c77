import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar, Node } from '@standpoint/graphql';
import { ProposalEntity } from '../proposal.entity';
import { ProposalState, StanceType, Urgency } from './enums.graphql';

@ObjectType('Proposal', { implements: () => [Node] })
export class ProposalModel extends Node {
  brandId!: string;
  authorId!: string;
  currentRevisionNumber!: number;
  reviewRound!: number;
  policyVersion!: number | null;
  unscheduledByFreeze!: boolean;

  @Field()
  title!: string;

  @Field()
  issue!: string;

  @Field(() => StanceType)
  stanceType!: StanceType;

  @Field(() => Urgency)
  urgency!: Urgency;

  @Field(() => ProposalState)
  state!: ProposalState;

  @Field(() => DateTimeScalar, { nullable: true })
  decisionDeadline!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it is scheduled to be posted.',
  })
  publishAt!: Date | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  static from(row: ProposalEntity): ProposalModel {
    const { searchText: _searchText, issueKey: _issueKey, ...fields } = row;
    return Object.assign(new ProposalModel(), fields);
  }
}
