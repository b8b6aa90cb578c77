import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The right of one approver to decide one step on one exact content, from an email. It acts once
 * (`usedAt`) and until `expiresAt`; the secret tokens that open it are DecisionLinkTokenEntity rows.
 */
@Entity('decision_link')
@Index('ix_decision_link_step', ['stepId', 'approverUserId'])
export class DecisionLinkEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  stepId!: string;

  @Column({ type: 'varchar', length: 64 })
  approverUserId!: string;

  /** The revision the email showed, and its content hash: the link acts on nothing else. */
  @Column({ type: 'varchar', length: 64 })
  revisionId!: string;

  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  usedAt!: Date | null;

  /** Set when its approver was taken off the step (roles changed, removed, deactivated). */
  @DateTimeColumn({ nullable: true })
  revokedAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
