import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index } from 'typeorm';
import { EvidenceKind, EvidenceStatus, PeerReception } from './rules';
import { ProposalChildEntity } from './proposal-child.entity';

/**
 * One piece of typed evidence. A correction is a new row that `corrects` the old one, which is
 * kept as CORRECTED; a withdrawal keeps the row as WITHDRAWN with its reason. Nothing is deleted.
 */
@Entity('evidence')
@Index('ix_evidence_proposal', ['proposalId'])
@Index('ix_evidence_brand_kind', ['brandId', 'kind'])
export class EvidenceEntity extends ProposalChildEntity {
  @Column({ type: 'varchar', length: 32 })
  kind!: EvidenceKind;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  sourceUrl!: string | null;

  @DateTimeColumn({ nullable: true })
  capturedAt!: Date | null;

  /** The kind's detail object (listening, comment, survey, peer example, reaction), dates as ISO text. */
  @JsonColumn({ nullable: true })
  details!: object | null;

  /** How a peer example or our own post was received (copied from details for the precedent search). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  reception!: PeerReception | null;

  @Column({ type: 'varchar', length: 16 })
  status!: EvidenceStatus;

  /** Why it was corrected or withdrawn. */
  @Column({ type: 'text', nullable: true })
  statusReason!: string | null;

  /** The evidence this row corrects. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  correctsId!: string | null;

  /** The precedent this row was cited from. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  citedFromId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  addedById!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
