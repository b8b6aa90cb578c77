import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { DraftContent } from './rules';

/** The words of a proposal at one moment: never changed once written. */
@Entity('revision')
@Unique('uq_revision_proposal_number', ['proposalId', 'number'])
export class RevisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'integer' })
  number!: number;

  /** SHA-256 of the canonical drafts (rules/content-hash.ts). */
  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;

  /** The drafts in their canonical form: exactly what was hashed. */
  @JsonColumn()
  drafts!: DraftContent[];

  @Column({ type: 'varchar', length: 64 })
  createdById!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
