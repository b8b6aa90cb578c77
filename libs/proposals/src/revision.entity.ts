import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { Column, Entity, Unique } from 'typeorm';
import { DraftContent } from './rules';
import { ProposalChildEntity } from './proposal-child.entity';

/** The words of a proposal at one moment: never changed once written. */
@Entity('revision')
@Unique('uq_revision_proposal_number', ['proposalId', 'number'])
export class RevisionEntity extends ProposalChildEntity {
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
