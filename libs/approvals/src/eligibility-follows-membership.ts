import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, RequestContext } from '@standpoint/database';
import { AuditContribution } from '@standpoint/events';
import { DecisionLinkEntity, MembershipChange, Operation } from '@standpoint/identity';
import {
  ProposalAccess,
  type ProposalEntity,
  ProposalState,
  ProposalTransitions,
} from '@standpoint/proposals';
import { In, IsNull } from 'typeorm';
import { ApprovalStepEntity } from './approval-step.entity';
import { DecisionEntity } from './decision.entity';
import { ReviewService } from './review.service';
import { afterApproverLeft, afterRecount, DecisionOutcome, stepAccepts, StepStatus } from './rules';

/** The membership events whose change may take a member off steps. */
export const MEMBERSHIP_EVENTS = [
  'member.roles_changed',
  'member.removed',
  'user.deactivated',
] as const;
type MembershipEvent = (typeof MEMBERSHIP_EVENTS)[number];

/**
 * Eligibility follows the membership: when a member's roles change, or they leave the brand, they
 * are taken off every step under review that no longer accepts them (an audit event per step),
 * their unused decision links stop acting, the step is counted again (an ALL step whose remaining
 * approvers have all approved is satisfied and the review moves on) and a step that can no longer
 * gather its approvals is BLOCKED and reported to the brand's admins by email and webhook. Runs in
 * the membership change's transaction: it contributes to the membership's audit event.
 */
@Injectable()
export class EligibilityFollowsMembership {
  constructor(
    private readonly access: ProposalAccess,
    private readonly review: ReviewService,
    private readonly transitions: ProposalTransitions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async follow(
    ctx: RequestContext,
    change: MembershipChange,
  ): Promise<AuditContribution<MembershipEvent>> {
    const { brandId, userId } = change;
    const member = change.to.length > 0 ? { userId, roles: [...change.to] } : null;
    const underReview = await ctx.em.find(ApprovalStepEntity, {
      where: { brandId, status: In([StepStatus.ACTIVE, StepStatus.BLOCKED]) },
      order: { id: 'ASC' },
    });
    const left: ApprovalStepEntity[] = [];
    for (const step of underReview) {
      if (!step.eligibleApproverIds.includes(userId)) continue;
      if (member && stepAccepts(step.definition, member, step.escalated)) continue;
      if (await this.takeOff(ctx, step, change)) left.push(step);
    }
    await this.revokeLinks(ctx, change, left);
    return left.length > 0 ? { leftSteps: left.map((step) => step.id) } : {};
  }

  /** Takes the member off one step of a proposal in review; false when the step is history. */
  private async takeOff(
    ctx: RequestContext,
    step: ApprovalStepEntity,
    change: MembershipChange,
  ): Promise<boolean> {
    // Locked like a decision's, so this and a decision on the proposal take turns.
    const proposal = await this.access.forChange(ctx, step.proposalId, Operation.READ_BRAND);
    if (proposal.state !== ProposalState.IN_REVIEW || step.round !== proposal.reviewRound) {
      return false;
    }
    const approvedBy = (
      await ctx.em.findBy(DecisionEntity, {
        stepId: step.id,
        revisionNumber: proposal.currentRevisionNumber,
        outcome: DecisionOutcome.APPROVE,
      })
    ).map((decision) => decision.approverId);
    const after = afterApproverLeft(
      {
        quorum: step.definition.quorum,
        requiredApprovals: step.requiredApprovals,
        eligibleApproverIds: step.eligibleApproverIds,
      },
      change.userId,
      approvedBy,
    );
    const steps = await this.review.currentSteps(ctx, proposal);
    const progress = afterRecount(
      steps.map((s) => ({
        order: s.order,
        status: s.status,
        required: s.id === step.id ? after.required : s.requiredApprovals,
        approvals: s.id === step.id ? approvedBy.length : 0,
      })),
      step.order,
    );
    const recounted = progress.steps.find((s) => s.order === step.order)!;
    const status =
      recounted.status === StepStatus.SATISFIED
        ? StepStatus.SATISFIED
        : after.unsatisfiable
          ? StepStatus.BLOCKED
          : step.status;
    const now = this.clock.now();
    await ctx.em.update(
      ApprovalStepEntity,
      { id: step.id },
      {
        eligibleApproverIds: after.eligible,
        requiredApprovals: after.required,
        status,
        ...(status === StepStatus.SATISFIED ? { completedAt: now } : {}),
      },
    );
    if (status === StepStatus.SATISFIED) {
      await this.review.cancelDeadlines(ctx, [step], 'the step was satisfied');
    }
    let current: ProposalEntity = proposal;
    if (progress.outcome === 'APPROVED') {
      current = await this.transitions.move(ctx, proposal, 'approve', ProposalState.APPROVED);
      await this.review.cancelDeadlines(ctx, steps, `the proposal is ${ProposalState.APPROVED}`);
    }
    const next = steps.find((s) => s.order === progress.activated);
    const activated = next ? await this.review.activate(ctx, current, next) : null;
    const stalled = status === StepStatus.BLOCKED && after.unsatisfiable;
    await this.audit.append(
      ctx,
      {
        brandId: step.brandId,
        action: 'step.approver_removed',
        entityType: 'ApprovalStep',
        entityId: step.id,
        data: {
          proposalId: proposal.id,
          step: step.name,
          round: step.round,
          approverId: change.userId,
          why: change.why,
          eligible: { from: step.eligibleApproverIds, to: after.eligible },
          approvals: { count: approvedBy.length, required: after.required },
          stepStatus: { from: step.status, to: status },
          proposalState: { from: proposal.state, to: current.state },
          activatedStep: next?.name ?? null,
          unsatisfiable: status !== StepStatus.SATISFIED && after.unsatisfiable,
        },
      },
      {
        proposal,
        activated,
        stalled: stalled
          ? {
              step,
              leftId: change.userId,
              why: change.why,
              eligible: after.eligible,
              approvals: approvedBy.length,
              required: after.required,
            }
          : null,
      },
    );
    return true;
  }

  /**
   * The member's unused decision links stop acting: every one in the brand when they left it,
   * those of the steps they were taken off when their roles changed.
   */
  private async revokeLinks(
    ctx: RequestContext,
    change: MembershipChange,
    left: readonly ApprovalStepEntity[],
  ): Promise<void> {
    const open = {
      brandId: change.brandId,
      approverUserId: change.userId,
      usedAt: IsNull(),
      revokedAt: IsNull(),
    };
    if (change.why === 'ROLES_CHANGED' && left.length === 0) return;
    await ctx.em.update(
      DecisionLinkEntity,
      change.why === 'ROLES_CHANGED' ? { ...open, stepId: In(left.map((s) => s.id)) } : open,
      { revokedAt: this.clock.now() },
    );
  }
}
