import { MembershipChange } from '@standpoint/identity';
import {
  type Dossier,
  type ProposalEntity,
  ProposalState,
  type RiskNoteEntity,
} from '@standpoint/proposals';
import { ApprovalStepEntity } from './approval-step.entity';
import { ContentFreezeEntity } from './content-freeze.entity';
import { DecisionEntity } from './decision.entity';
import { DecisionOverride } from './rules';

/*
 * What the approval workflow's events hand their subscribers beside the stored event: the entities
 * and the dossier the change holds already, so that the notices (./notices) read none of them again.
 */

/** A step the change made the one under review, with the dossier its approvers are asked about. */
export interface Activation {
  /** The proposal as it is after the change. */
  proposal: ProposalEntity;
  step: ApprovalStepEntity;
  dossier: Dossier;
}

export interface Submitted {
  /** The first step under review; null when no step applies and the proposal is approved. */
  activated: Activation | null;
}

export interface Decided {
  /** The proposal as the approver decided on it. */
  proposal: ProposalEntity;
  decision: DecisionEntity;
  /** The proposal's state after the decision. */
  state: ProposalState;
  /** The step that is now asked, when the review goes on. */
  activated: Activation | null;
  /** The dossier as the approver decided on it. */
  dossier: Dossier;
  /** What the decision went against. */
  override: DecisionOverride<RiskNoteEntity>;
}

/** A step a member left that can no longer gather its approvals. */
export interface StalledStep {
  step: ApprovalStepEntity;
  leftId: string;
  why: MembershipChange['why'];
  /** Who may still decide on it. */
  eligible: readonly string[];
  approvals: number;
  required: number;
}

export interface ApproverRemoved {
  proposal: ProposalEntity;
  /** The next step, when the recount satisfied this one. */
  activated: Activation | null;
  /** Set when the step can no longer gather its approvals. */
  stalled: StalledStep | null;
}

export interface StepTimed {
  proposal: ProposalEntity;
  step: ApprovalStepEntity;
}

export interface Escalated extends StepTimed {
  /** Who the step asked before its deputies joined. */
  originalApprovers: readonly string[];
  dossier: Dossier;
}

export interface FreezeStarted {
  freeze: ContentFreezeEntity;
  /** The scheduled proposals the freeze takes off the schedule, as they were. */
  unscheduled: readonly ProposalEntity[];
}

export interface FreezeEnded {
  freeze: ContentFreezeEntity;
  endedAt: Date;
  /** Who ended it; null when it lapsed. */
  byId: string | null;
}

declare module '@standpoint/events' {
  interface AuditFacts {
    'proposal.submitted': Submitted;
    'decision.recorded': Decided;
    'step.approver_removed': ApproverRemoved;
    'step.reminded': StepTimed;
    'step.escalated': Escalated;
    'proposal.expired': StepTimed;
    'content_freeze.started': FreezeStarted;
    'content_freeze.ended': FreezeEnded;
  }
}

declare module '@standpoint/events' {
  interface AuditContributedFacts {
    /** The step the review restarted at: the workflow's part of the revision, for its notices. */
    'proposal.revised': { restartedAt: Activation };
  }
}
