import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { ProposalChildEntity } from '@standpoint/proposals';
import { Column, Entity, Index, Unique } from 'typeorm';
import { DecisionChannel, DecisionOutcome } from './rules';

/**
 * One approver's decision on one step, bound to the exact words they saw. A person decides once
 * per step and revision: the database refuses a second row.
 */
@Entity('decision')
@Unique('uq_decision_step_approver_revision', ['stepId', 'approverId', 'revisionNumber'])
@Index('ix_decision_proposal', ['proposalId', 'id'])
export class DecisionEntity extends ProposalChildEntity {
  @Column({ type: 'varchar', length: 64 })
  stepId!: string;

  @Column({ type: 'varchar', length: 200 })
  stepName!: string;

  /** The review round of the step: a resubmission starts a new one. */
  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 64 })
  approverId!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: DecisionOutcome;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'integer' })
  revisionNumber!: number;

  @Column({ type: 'varchar', length: 64 })
  contentHash!: string;

  /** Approved against the team's warning; marked forever. */
  @Column({ type: 'boolean' })
  overridesRecommendation!: boolean;

  /** The reasons the approver acknowledged when overriding. */
  @JsonColumn()
  acknowledgedReasons!: string[];

  @Column({ type: 'varchar', length: 16 })
  channel!: DecisionChannel;

  @DateTimeColumn()
  decidedAt!: Date;
}
