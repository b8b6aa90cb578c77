import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * A Slack account of a connected workspace that acts as a Standpoint member, made by the member's
 * one-time link code typed in that workspace: never by matching names or addresses. One member per
 * Slack account and one Slack account per member, in each workspace.
 */
@Entity('slack_user_link')
@Unique('uq_slack_user_link_slack_user', ['workspaceId', 'slackUserId'])
@Unique('uq_slack_user_link_user', ['workspaceId', 'userId'])
@Index('ix_slack_user_link_brand', ['brandId'])
export class SlackUserLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 64 })
  slackUserId!: string;

  @Column({ type: 'varchar', length: 64 })
  userId!: string;

  @DateTimeColumn()
  linkedAt!: Date;
}
