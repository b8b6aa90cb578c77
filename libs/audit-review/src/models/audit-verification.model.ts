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

  @Field(() => Int, {
    description:
      'The size of the last checkpoint that held: the events up to it are sealed by a signature.',
  })
  sealedSeq!: number;

  @Field(() => Int, {
    description:
      'The events after the last checkpoint, not signed yet: the worker seals them within CHECKPOINT_INTERVAL_MS or CHECKPOINT_EVERY_EVENTS. A chain with events and no checkpoint at all is not valid.',
  })
  unsealedEvents!: number;

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
