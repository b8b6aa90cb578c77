import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Index } from 'typeorm';
import { EvidenceKind, EvidenceStatus, ListeningSource, PeerReception } from './rules';
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

  /** For evidence read from a file (a listening export): the tool, or MAPPING. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  importedFrom!: ListeningSource | null;

  /** The imported file's name, as the person who imported it named it. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  sourceFileName!: string | null;

  /** SHA-256 of the imported file's bytes, hex: which file it was, to check a copy against. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceFileSha256!: string | null;

  /** The rows read under the file's header. */
  @Column({ type: 'integer', nullable: true })
  rowsRead!: number | null;

  @Column({ type: 'varchar', length: 64 })
  addedById!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
