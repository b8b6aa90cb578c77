import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A Slack interaction that changed something (a submitted decision modal), written in the same
 * transaction as its change: Slack's retry of it, or the same request sent again, finds it and
 * changes nothing.
 */
@Entity('slack_interaction')
export class SlackInteractionEntity {
  /** `<workspace id>:<Slack's view id>`. */
  @PrimaryColumn({ type: 'varchar', length: 160 })
  key!: string;

  /** What it recorded, e.g. the decision's id. */
  @Column({ type: 'varchar', length: 64 })
  resultId!: string;

  @DateTimeColumn()
  handledAt!: Date;
}
