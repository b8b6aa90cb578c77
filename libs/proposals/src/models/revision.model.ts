import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RevisionEntity } from '../revision.entity';
import { channelLength, CHANNEL_LIMITS } from '../rules';
import { Channel } from './enums.graphql';

@ObjectType('ChannelDraft')
export class ChannelDraftModel {
  @Field(() => Channel)
  channel!: Channel;

  @Field()
  body!: string;

  @Field(() => [String])
  mediaUrls!: string[];

  @Field(() => Int, { description: "The body's length as this channel counts it." })
  length!: number;

  @Field(() => Int, { description: "This channel's limit, in the same unit as length." })
  limit!: number;
}

@ObjectType('Revision')
export class RevisionModel {
  proposalId!: string;
  createdById!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  contentHash!: string;

  @Field(() => [ChannelDraftModel])
  drafts!: ChannelDraftModel[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  static from(row: RevisionEntity): RevisionModel {
    return Object.assign(new RevisionModel(), {
      id: row.id,
      proposalId: row.proposalId,
      createdById: row.createdById,
      number: row.number,
      contentHash: row.contentHash,
      createdAt: row.createdAt,
      drafts: row.drafts.map((draft) =>
        Object.assign(new ChannelDraftModel(), {
          ...draft,
          mediaUrls: [...draft.mediaUrls],
          length: channelLength(draft.channel, draft.body),
          limit: CHANNEL_LIMITS[draft.channel].limit,
        }),
      ),
    });
  }
}
