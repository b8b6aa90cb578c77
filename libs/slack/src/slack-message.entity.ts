import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An approval request posted to Slack (a member's direct message or the brand's channel), kept so
 * that it can be updated when its words are superseded: its buttons carry this row's id. `channel`
 * and `ts` are Slack's, written when the post is delivered.
 */
@Entity('slack_message')
@Index('ix_slack_message_proposal', ['proposalId', 'closedAt'])
export class SlackMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  stepId!: string;

  /** The words the message asks about. */
  @Column({ type: 'varchar', length: 128 })
  contentHash!: string;

  /** The member a direct message is for; null for the channel's. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  recipientUserId!: string | null;

  /** Where it was posted: the conversation Slack answered (`D…`, `C…`); null until delivered. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  channel!: string | null;

  /** Slack's timestamp of the posted message, its id there; null until delivered. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ts!: string | null;

  /** When its buttons stopped working (its words were superseded); null while they work. */
  @DateTimeColumn({ nullable: true })
  closedAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
