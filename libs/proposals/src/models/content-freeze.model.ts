import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@standpoint/graphql';

/** The rows a freeze is read from (approvals' ContentFreezeEntity): what the model is built of. */
export interface ContentFreezeFacts {
  startedById: string;
  allowedUserIds: string[];
  reason: string;
  startedAt: Date;
  endsAt: Date | null;
}

/**
 * A brand's content freeze as the API shows it. Approvals owns the freezes (their table, their
 * service, the `startedBy` and `allowedUsers` fields); the shape is declared here because the
 * proposal workflow's answer (ProposalResult) names the freeze that refused it, and proposals
 * cannot import approvals.
 */
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

  static from(row: ContentFreezeFacts): ContentFreezeModel {
    return Object.assign(new ContentFreezeModel(), {
      startedById: row.startedById,
      allowedUserIds: row.allowedUserIds,
      reason: row.reason,
      startedAt: row.startedAt,
      endsAt: row.endsAt,
    });
  }
}
