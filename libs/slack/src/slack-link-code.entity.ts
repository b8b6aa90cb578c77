import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A one-time code a member asked for to link their Slack account: stored as its SHA-256 only (a
 * copy of the database links nobody), short-lived, used once.
 */
@Entity('slack_link_code')
export class SlackLinkCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'varchar', length: 64 })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  usedAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
