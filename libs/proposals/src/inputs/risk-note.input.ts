import { NotBlank } from '@standpoint/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { RiskCategory, RiskStatus } from '../models/enums.graphql';

@InputType('AddRiskNoteInput')
export class AddRiskNoteInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => RiskCategory)
  @IsEnum(RiskCategory)
  category!: RiskCategory;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(5)
  impact!: number;

  @Field()
  @NotBlank()
  @MaxLength(5000)
  description!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  mitigation?: string | null;
}

@InputType('UpdateRiskNoteInput', { description: 'Changes the status and/or the mitigation.' })
export class UpdateRiskNoteInput {
  @Field(() => ID)
  riskNoteId!: string;

  @Field(() => RiskStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RiskStatus)
  status?: RiskStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  mitigation?: string | null;
}
