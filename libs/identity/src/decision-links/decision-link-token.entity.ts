import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One secret that opens a decision link: 256 random bits made by the worker when it sends the
 * email, stored only as their SHA-256. A resend after a crash adds a token; every token of a link
 * opens the same single-use link.
 */
@Entity('decision_link_token')
@Index('ix_decision_link_token_link', ['decisionLinkId'])
export class DecisionLinkTokenEntity {
  /** Hex SHA-256 of the token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 64 })
  decisionLinkId!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
