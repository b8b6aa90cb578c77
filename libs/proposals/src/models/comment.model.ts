import { DateTimeScalar } from '@standpoint/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommentEntity } from '../comment.entity';

@ObjectType('Comment')
export class CommentModel {
  authorId!: string;
  mentionedUserIds!: string[];

  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  static from(row: CommentEntity): CommentModel {
    const { proposalId: _proposalId, brandId: _brandId, ...fields } = row;
    return Object.assign(new CommentModel(), fields);
  }
}
