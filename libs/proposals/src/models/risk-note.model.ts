import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RiskNoteEntity } from '../risk-note.entity';
import { riskScore, severityOf } from '../rules';
import { RiskCategory, RiskStatus, Severity } from './enums.graphql';

@ObjectType('RiskNote')
export class RiskNoteModel {
  authorId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => RiskCategory)
  category!: RiskCategory;

  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => Int)
  score!: number;

  @Field(() => Severity)
  severity!: Severity;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  mitigation!: string | null;

  @Field(() => RiskStatus)
  status!: RiskStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  static from(row: RiskNoteEntity): RiskNoteModel {
    const score = riskScore(row.likelihood, row.impact);
    const { proposalId: _proposalId, brandId: _brandId, ...fields } = row;
    return Object.assign(new RiskNoteModel(), { ...fields, score, severity: severityOf(score) });
  }
}
