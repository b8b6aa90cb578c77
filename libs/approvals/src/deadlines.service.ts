import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, readManagerOf, RequestContext, TransactionRunner } from '@standpoint/database';
import {
  DossierReader,
  proposalAuditEvent,
  type ProposalEntity,
  ProposalReader,
  ProposalState,
  ProposalTransitions,
} from '@standpoint/proposals';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { ApprovalStepEntity } from './approval-step.entity';
import { ContentFreezeEntity } from './content-freeze.entity';
import { DeadlineEntity } from './deadline.entity';
import { DecisionEntity } from './decision.entity';
import { FreezesService } from './freezes.service';
import { ReviewService } from './review.service';
import { DeadlineKind, StepStatus } from './rules';
import { StepDeciders } from './step-deciders';

const OPEN_STEP = [StepStatus.ACTIVE, StepStatus.BLOCKED];

/**
 * The worker's part of the approval workflow: reminders, escalation and expiry when a step's time
 * runs out, and the automatic end of a content freeze. Each due deadline is claimed by exactly one
 * worker and acted on in one transaction with its audit event, so two workers never act twice.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly review: ReviewService,
    private readonly transitions: ProposalTransitions,
    private readonly proposals: ProposalReader,
    private readonly freezes: FreezesService,
    private readonly deciders: StepDeciders,
    private readonly dossiers: DossierReader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Acts on every deadline that is due now; answers how many it handled. */
  async runDue(): Promise<number> {
    let handled = 0;
    while (await this.runOne()) handled++;
    return handled + (await this.endLapsedFreezes());
  }

  private runOne(): Promise<boolean> {
    const ctx = RequestContext.system(this.dataSource);
    return this.transactions.run(ctx, async () => {
      const deadline = await this.claim(ctx);
      if (!deadline) return false;
      const outcome = await this.act(ctx, deadline);
      await ctx.em.update(DeadlineEntity, { id: deadline.id }, { outcome });
      return true;
    });
  }

  /**
   * Takes the next due deadline: on PostgreSQL the row is locked and others skip it; on SQLite a
   * conditional UPDATE decides (TypeORM refuses pessimistic locks there, and transactions take turns).
   */
  private async claim(ctx: RequestContext): Promise<DeadlineEntity | null> {
    const now = this.clock.now();
    const query = ctx.em
      .createQueryBuilder(DeadlineEntity, 'd')
      .where('d.doneAt IS NULL AND d.dueAt <= :now', { now })
      .orderBy('d.dueAt', 'ASC')
      .addOrderBy('d.id', 'ASC');
    if (ctx.dialect === 'postgres') query.setLock('pessimistic_write').setOnLocked('skip_locked');
    const deadline = await query.getOne();
    if (!deadline) return null;
    const claimed = await ctx.em
      .createQueryBuilder()
      .update(DeadlineEntity)
      .set({ doneAt: now })
      .where('id = :id AND doneAt IS NULL', { id: deadline.id })
      .execute();
    return claimed.affected === 1 ? deadline : null;
  }

  /** Answers null when it acted, or why it did nothing. */
  private async act(ctx: RequestContext, deadline: DeadlineEntity): Promise<string | null> {
    const step = await ctx.em.findOneBy(ApprovalStepEntity, { id: deadline.subjectId });
    const proposal = step && (await this.proposals.byId(ctx, step.proposalId));
    if (
      !step ||
      !proposal ||
      !OPEN_STEP.includes(step.status) ||
      step.round !== proposal.reviewRound
    ) {
      return 'the step is no longer awaiting decisions';
    }
    if (proposal.state !== ProposalState.IN_REVIEW) return `the proposal is ${proposal.state}`;
    if (deadline.kind === DeadlineKind.TIMEOUT) return this.timeOut(ctx, proposal, step);
    await this.remind(ctx, proposal, step, deadline.kind);
    return null;
  }

  private async remind(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    kind: DeadlineKind,
  ) {
    const decided = await ctx.em.findBy(DecisionEntity, {
      stepId: step.id,
      revisionNumber: proposal.currentRevisionNumber,
    });
    const waitingFor = step.eligibleApproverIds.filter(
      (id) => !decided.some((d) => d.approverId === id),
    );
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'step.reminded', {
        step: step.name,
        kind,
        dueAt: step.dueAt,
        waitingFor,
      }),
      { proposal, step },
    );
  }

  /** The step's time is up: escalate to its deputies once, then expire if the policy says so. */
  private async timeOut(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
  ): Promise<string | null> {
    const definition = step.definition;
    // Past the proposal's own decision deadline there is no more time to give deputies.
    const deadlinePassed =
      !!proposal.decisionDeadline && proposal.decisionDeadline <= this.clock.now();
    if (definition.escalateToIds.length > 0 && !step.escalated && !deadlinePassed) {
      await this.escalate(ctx, proposal, step);
      return null;
    }
    if (!definition.expireOnTimeout) return 'overdue: the step neither escalates again nor expires';
    await ctx.em.update(
      ApprovalStepEntity,
      { id: step.id },
      { status: StepStatus.EXPIRED, completedAt: this.clock.now() },
    );
    await this.transitions.move(ctx, proposal, 'expire', ProposalState.EXPIRED);
    const steps = await this.review.currentSteps(ctx, proposal);
    await this.review.cancelDeadlines(ctx, steps, 'the proposal expired');
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'proposal.expired', {
        step: step.name,
        dueAt: step.dueAt,
        state: { from: proposal.state, to: ProposalState.EXPIRED },
        why: 'no decision, no post',
      }),
      { proposal, step },
    );
    return null;
  }

  private async escalate(ctx: RequestContext, proposal: ProposalEntity, step: ApprovalStepEntity) {
    const dossier = await this.dossiers.read(ctx, proposal);
    const { eligible, required, status } = await this.deciders.activation(
      ctx,
      proposal,
      step,
      true,
      dossier.writerIds,
    );
    const deputies = eligible.filter((id) => !step.eligibleApproverIds.includes(id));
    await ctx.em.update(
      ApprovalStepEntity,
      { id: step.id },
      {
        escalated: true,
        eligibleApproverIds: eligible,
        requiredApprovals: required,
        status,
      },
    );
    const escalated = {
      ...step,
      escalated: true,
      eligibleApproverIds: eligible,
      requiredApprovals: required,
      status,
    };
    if (step.definition.expireOnTimeout) {
      // The deputies get one more period (up to the decision deadline); then no decision, no post.
      escalated.dueAt = (await this.review.extend(ctx, proposal, escalated)) ?? step.dueAt;
    }
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'step.escalated', {
        step: step.name,
        deputies,
        required,
        status,
      }),
      { proposal, step: escalated, originalApprovers: step.eligibleApproverIds, dossier },
    );
  }

  /** Closes the freezes whose automatic end has come. */
  private async endLapsedFreezes(): Promise<number> {
    const lapsed = await readManagerOf(this.dataSource).findBy(ContentFreezeEntity, {
      endedAt: IsNull(),
      endsAt: LessThanOrEqual(this.clock.now()),
    });
    for (const freeze of lapsed) {
      const ctx = RequestContext.system(this.dataSource);
      await this.transactions.run(ctx, () => this.freezes.endLapsed(ctx, freeze.brandId));
    }
    return lapsed.length;
  }
}
