import { Field, Int, ObjectType } from '@nestjs/graphql';

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
}
