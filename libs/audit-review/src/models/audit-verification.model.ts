import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AuditCheckpointModel } from './audit-checkpoint.model';

@ObjectType('AuditVerification')
export class AuditVerificationModel {
  @Field()
  valid!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => Int)
  headSeq!: number;

  @Field()
  headHash!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The first event whose hash or link does not match; null when valid.',
  })
  firstInvalidSeq!: number | null;

  @Field(() => Int, {
    description:
      'The stored checkpoints whose signature and head hash matched the recomputed chain.',
  })
  checkedCheckpoints!: number;

  @Field(() => AuditCheckpointModel, {
    nullable: true,
    description:
      'The first checkpoint that the key or the recomputed chain contradicts (firstInvalidSeq is then the first sequence number it no longer matches); null when none does.',
  })
  failedCheckpoint!: AuditCheckpointModel | null;

  @Field(() => String, {
    nullable: true,
    description: 'What is wrong, for people; null when valid.',
  })
  reason!: string | null;
}
