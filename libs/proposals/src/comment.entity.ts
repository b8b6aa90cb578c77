import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('comment')
@Index('ix_comment_proposal', ['proposalId', 'id'])
export class CommentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

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
