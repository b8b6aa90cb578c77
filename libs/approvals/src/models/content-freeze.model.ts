import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ObjectType } from '@nestjs/graphql';
import { ContentFreezeEntity } from '../content-freeze.entity';

@ObjectType('ContentFreeze')
export class ContentFreezeModel {
  startedById!: string;
  allowedUserIds!: string[];

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt!: Date | null;

  static from(row: ContentFreezeEntity): ContentFreezeModel {
    return Object.assign(new ContentFreezeModel(), {
      startedById: row.startedById,
      allowedUserIds: row.allowedUserIds,
      reason: row.reason,
      startedAt: row.startedAt,
      endsAt: row.endsAt,
    });
  }
}
