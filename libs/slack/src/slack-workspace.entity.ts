import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/**
 * A brand's connected Slack workspace: the bot token its messages are posted with and the signing
 * secret its requests are verified with, both sealed (SecretBox) and bound to this row and field.
 * One per brand.
 */
@Entity('slack_workspace')
@Unique('uq_slack_workspace_brand', ['brandId'])
export class SlackWorkspaceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  /** Slack's id of the workspace (`T…`), as auth.test answered for the token. */
  @Column({ type: 'varchar', length: 64 })
  teamId!: string;

  @Column({ type: 'varchar', length: 255 })
  teamName!: string;

  /** The app's bot user (`U…`), as auth.test answered. */
  @Column({ type: 'varchar', length: 64 })
  botUserId!: string;

  /** The bot token (`xoxb-…`), sealed with the context `slack_workspace:<id>:botToken`. */
  @Column({ type: 'text' })
  botToken!: string;

  /** The app's signing secret, sealed with the context `slack_workspace:<id>:signingSecret`. */
  @Column({ type: 'text' })
  signingSecret!: string;

  /** A channel (`C…`) approval requests are also posted to; null: direct messages only. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  channelId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  connectedById!: string;

  @DateTimeColumn()
  connectedAt!: Date;
}
