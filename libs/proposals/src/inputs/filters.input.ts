import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, MaxLength } from 'class-validator';
import { PeerReception, ProposalState, Urgency } from '../models/enums.graphql';

@InputType('ProposalFilter')
export class ProposalFilter {
  @Field(() => [ProposalState], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.values(ProposalState).length)
  @IsEnum(ProposalState, { each: true })
  states?: ProposalState[] | null;

  @Field(() => [Urgency], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.values(Urgency).length)
  @IsEnum(Urgency, { each: true })
  urgencies?: Urgency[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The social issue, matched without regard to case.',
  })
  @IsOptional()
  @MaxLength(200)
  issue?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the title, the issue or the current drafts.',
  })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Only proposals whose active step awaits the viewer's own decision on the current revision.",
  })
  @IsOptional()
  @IsBoolean()
  awaitingMyDecision?: boolean | null;
}

@InputType('PrecedentFilter')
export class PrecedentFilter {
  @Field(() => String, {
    nullable: true,
    description: 'The social issue, matched without regard to case.',
  })
  @IsOptional()
  @MaxLength(200)
  issue?: string | null;

  @Field(() => [PeerReception], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.values(PeerReception).length)
  @IsEnum(PeerReception, { each: true })
  receptions?: PeerReception[] | null;
}
