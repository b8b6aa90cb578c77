import { DateTimeColumn } from '@standpoint/database';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ProposalState, StanceType, Urgency } from './rules';

/** A proposed brand stance. Its words live in immutable revisions; this row points at the current one. */
@Entity('proposal')
@Index('ix_proposal_brand', ['brandId', 'id'])
@Index('ix_proposal_brand_issue', ['brandId', 'issueKey'])
export class ProposalEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  brandId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** The social issue the stance is about, as the team names it. */
  @Column({ type: 'varchar', length: 200 })
  issue!: string;

  /** The issue folded for matching (SQLite's LOWER() folds ASCII only, so it is done here). */
  @Column({ type: 'varchar', length: 200 })
  issueKey!: string;

  @Column({ type: 'varchar', length: 32 })
  stanceType!: StanceType;

  @Column({ type: 'varchar', length: 16 })
  urgency!: Urgency;

  @Column({ type: 'varchar', length: 32 })
  state!: ProposalState;

  @Column({ type: 'varchar', length: 64 })
  authorId!: string;

  @DateTimeColumn({ nullable: true })
  decisionDeadline!: Date | null;

  @Column({ type: 'integer' })
  currentRevisionNumber!: number;

  /** The review round: each submission starts the next one (0 before the first). */
  @Column({ type: 'integer', default: 0 })
  reviewRound!: number;

  /** The approval policy version the proposal was submitted under. */
  @Column({ type: 'integer', nullable: true })
  policyVersion!: number | null;

  /** When the publishing tool is to post it (SCHEDULED). */
  @DateTimeColumn({ nullable: true })
  publishAt!: Date | null;

  /** A content freeze took its schedule away: only an approver may schedule it again. */
  @Column({ type: 'boolean', default: false })
  unscheduledByFreeze!: boolean;

  /** Optimistic-lock version: every change of this row increments it in a conditional UPDATE. */
  @Column({ type: 'integer' })
  version!: number;

  /** Lower-cased title, issue and current drafts, for the text search. */
  @Column({ type: 'text' })
  searchText!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
