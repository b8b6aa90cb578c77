import { DateTimeColumn, JsonColumn } from '@standpoint/database';
import { ProposalChildEntity } from '@standpoint/proposals';
import { Column, Entity, Index } from 'typeorm';
import type { PolicyStep } from './rules';
import { StepStatus } from './rules';

/**
 * One step of one review round of a proposal, copied from the pinned policy version when the
 * proposal was submitted. A resubmission starts a new round; earlier rounds stay as history.
 */
@Entity('approval_step')
@Index('ix_approval_step_proposal_round', ['proposalId', 'round', 'order'])
export class ApprovalStepEntity extends ProposalChildEntity {
  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'integer' })
  order!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The policy step as it was when the proposal was submitted. */
  @JsonColumn()
  definition!: PolicyStep;

  @Column({ type: 'integer' })
  policyVersion!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: StepStatus;

  @Column({ type: 'integer' })
  requiredApprovals!: number;

  /** Who may decide on this step, fixed when it activated (deputies added on escalation). */
  @JsonColumn()
  eligibleApproverIds!: string[];

  @Column({ type: 'boolean', default: false })
  escalated!: boolean;

  @DateTimeColumn({ nullable: true })
  activatedAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  dueAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  completedAt!: Date | null;
}
