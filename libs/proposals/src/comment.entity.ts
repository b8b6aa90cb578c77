import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index } from 'typeorm';
import { ProposalChildEntity } from './proposal-child.entity';

@Entity('comment')
@Index('ix_comment_proposal', ['proposalId', 'id'])
export class CommentEntity extends ProposalChildEntity {
  @Column({ type: 'varchar', length: 64 })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The brand members the body @mentions, resolved when it was written. */
  @JsonColumn()
  mentionedUserIds!: string[];

  @DateTimeColumn()
  createdAt!: Date;
}
