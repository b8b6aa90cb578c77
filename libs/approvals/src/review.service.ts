import { Injectable } from '@nestjs/common';
import { AuditService, Contribution } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { Operation } from '@standpoint/identity';
import {
  type Dossier,
  DossierReader,
  IncompleteProposalError,
  InvalidTransitionError,
  ProposalAccess,
  proposalAuditEvent,
  type ProposalEntity,
  ProposalModel,
  ProposalResultType,
  ProposalState,
  ProposalTransitions,
  Revised,
  StanceType,
  transitionTarget,
} from '@standpoint/proposals';
import { Activation } from './approval-facts';
import { ApprovalStepEntity } from './approval-step.entity';
import { DeadlineEntity } from './deadline.entity';
import { DossierFacts } from './dossier-facts';
import { PoliciesService } from './policies.service';
import { DeadlineKind, dueAt, reminderTimes, restart, stepApplies, StepStatus } from './rules';
import { StepDeciders } from './step-deciders';

/** Submission and the life of the review steps: activating, restarting after a revision. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly policies: PoliciesService,
    private readonly facts: DossierFacts,
    private readonly dossiers: DossierReader,
    private readonly transitions: ProposalTransitions,
    private readonly deciders: StepDeciders,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async submit(ctx: RequestContext, proposalId: string): Promise<ProposalResultType> {
    const proposal = await this.access.forChange(ctx, proposalId, Operation.SUBMIT_PROPOSAL);
    if (!transitionTarget(proposal.state, 'submit'))
      return InvalidTransitionError.of(proposal.state, 'submit');
    const dossier = await this.dossiers.read(ctx, proposal);
    const missing = this.missing(proposal, dossier);
    if (missing.length > 0) {
      return IncompleteProposalError.of(missing);
    }

    // Pinned: a proposal resubmitted after changes keeps the policy it was first submitted under.
    const policy = await this.policies.version(ctx, proposal.brandId, proposal.policyVersion);
    const round = proposal.reviewRound + 1;
    const applicability = this.facts.applicability(proposal, dossier);
    const steps = policy.steps.map((definition, order): ApprovalStepEntity => ({
      id: newId('stp'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      round,
      order,
      name: definition.name,
      definition,
      policyVersion: policy.version,
      status: stepApplies(definition, applicability) ? StepStatus.WAITING : StepStatus.SKIPPED,
      requiredApprovals: 0,
      eligibleApproverIds: [],
      escalated: false,
      activatedAt: null,
      dueAt: null,
      completedAt: null,
    }));
    await ctx.em.insert(ApprovalStepEntity, steps);
    const first = steps.find((step) => step.status === StepStatus.WAITING);
    const to = first ? ProposalState.IN_REVIEW : ProposalState.APPROVED;
    const submitted = await this.transitions.move(ctx, proposal, 'submit', to, {
      reviewRound: round,
      policyVersion: policy.version,
    });
    const activated = first ? await this.activate(ctx, submitted, first, dossier) : null;
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'proposal.submitted', {
        from: proposal.state,
        to,
        round,
        policyVersion: policy.version,
        revision: { number: dossier.revision.number, contentHash: dossier.revision.contentHash },
        steps: steps.map((step) => ({
          name: step.name,
          status: step.status,
          eligible: step.eligibleApproverIds,
        })),
      }),
      { activated },
    );
    return ProposalModel.from(submitted);
  }

  /**
   * Makes a step the one under review: who may decide, how many must, by when. `dossier` is the
   * proposal's as the change read it, when it did. Answers the activation, for the change's event
   * to hand its notices (the approvers are asked by email).
   */
  async activate(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    dossier?: Dossier,
  ): Promise<Activation> {
    const now = this.clock.now();
    dossier ??= await this.dossiers.read(ctx, proposal);
    // Never anyone who wrote words of the proposal: a reviser is not asked to approve their words.
    const { eligible, required, status } = await this.deciders.activation(
      ctx,
      proposal,
      step,
      step.escalated,
      dossier.writerIds,
    );
    const due = dueAt(now, step.definition.slaHours, proposal.decisionDeadline);
    Object.assign(step, {
      status,
      requiredApprovals: required,
      eligibleApproverIds: eligible,
      activatedAt: now,
      dueAt: due,
    });
    await ctx.em.update(
      ApprovalStepEntity,
      { id: step.id },
      {
        status: step.status,
        requiredApprovals: required,
        eligibleApproverIds: eligible,
        activatedAt: now,
        dueAt: due,
      },
    );
    if (due) await this.scheduleDeadlines(ctx, step, now, due);
    return { proposal, step, dossier };
  }

  /**
   * A revision in review: every approval so far is for other words, so the steps start again from
   * the first; the approvers already asked (recorded in the event) hear that the words changed,
   * and the step it restarts at is handed to the notices as a contributed fact.
   */
  async restartAfterRevision(
    ctx: RequestContext,
    revised: Revised,
  ): Promise<Contribution<'proposal.revised'>> {
    const proposal = revised.proposal;
    if (proposal.state !== ProposalState.IN_REVIEW) return { data: {} };
    const steps = await this.currentSteps(ctx, proposal);
    const asked = [
      ...new Set(steps.filter((s) => s.activatedAt).flatMap((s) => s.eligibleApproverIds)),
    ];
    await this.cancelDeadlines(ctx, steps, 'the words changed');
    const { steps: restarted, activated } = restart(
      steps.map((s) => ({
        order: s.order,
        status: s.status,
        required: s.requiredApprovals,
        approvals: 0,
      })),
    );
    for (const step of steps) {
      const status = restarted.find((s) => s.order === step.order)!.status;
      Object.assign(step, {
        status: StepStatus.WAITING,
        activatedAt: null,
        dueAt: null,
        completedAt: null,
        escalated: false,
      });
      if (status === StepStatus.SKIPPED) step.status = StepStatus.SKIPPED;
      await ctx.em.update(
        ApprovalStepEntity,
        { id: step.id },
        {
          status: step.status,
          activatedAt: null,
          dueAt: null,
          completedAt: null,
          escalated: false,
        },
      );
    }
    const first = steps.find((s) => s.order === activated);
    return {
      data: { review: { restarted: true, round: proposal.reviewRound, approversAsked: asked } },
      facts: first ? { restartedAt: await this.activate(ctx, proposal, first) } : {},
    };
  }

  /** The steps of the proposal's current review round, in order. */
  currentSteps(ctx: RequestContext, proposal: ProposalEntity): Promise<ApprovalStepEntity[]> {
    return ctx.em.find(ApprovalStepEntity, {
      where: { proposalId: proposal.id, round: proposal.reviewRound },
      order: { order: 'ASC' },
    });
  }

  /** Marks the pending deadlines of these steps done without acting. */
  async cancelDeadlines(
    ctx: RequestContext,
    steps: readonly ApprovalStepEntity[],
    why: string,
  ): Promise<void> {
    // Deadlines are scheduled only with a due date on their step: a step without one has none.
    const timed = steps.filter((step) => step.dueAt);
    if (timed.length === 0) return;
    await ctx.em
      .createQueryBuilder()
      .update(DeadlineEntity)
      .set({ doneAt: this.clock.now(), outcome: why })
      .where('subjectId IN (:...ids) AND doneAt IS NULL', { ids: timed.map((step) => step.id) })
      .execute();
  }

  /**
   * Gives a step (escalated to its deputies) another period, capped by the proposal's decision
   * deadline like the first one, with its reminders and timeout; answers its new deadline.
   */
  async extend(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
  ): Promise<Date | null> {
    const now = this.clock.now();
    const due = dueAt(now, step.definition.slaHours, proposal.decisionDeadline);
    if (!due) return null;
    await ctx.em.update(ApprovalStepEntity, { id: step.id }, { dueAt: due });
    await this.scheduleDeadlines(ctx, step, now, due);
    return due;
  }

  private async scheduleDeadlines(
    ctx: RequestContext,
    step: ApprovalStepEntity,
    now: Date,
    due: Date,
  ): Promise<void> {
    const { half, late } = reminderTimes(now, due);
    const times: [DeadlineKind, Date][] = [
      [DeadlineKind.REMIND_HALF, half],
      [DeadlineKind.REMIND_LATE, late],
    ];
    // A deadline that has passed already gets no reminders, only its timeout.
    const rows: DeadlineEntity[] = [
      ...times.filter(([, at]) => at < due && at > now),
      [DeadlineKind.TIMEOUT, due] as const,
    ].map(([kind, at]) => ({
      id: newId('ddl'),
      brandId: step.brandId,
      kind,
      subjectId: step.id,
      dueAt: at,
      doneAt: null,
      outcome: null,
    }));
    await ctx.em.insert(DeadlineEntity, rows);
  }

  private missing(proposal: ProposalEntity, dossier: Dossier): string[] {
    const missing: string[] = [];
    if (
      proposal.stanceType !== StanceType.NO_PUBLIC_STATEMENT &&
      dossier.revision.drafts.length === 0
    ) {
      missing.push('a draft for at least one channel');
    }
    if (dossier.evidence.length === 0) missing.push('at least one piece of evidence');
    if (dossier.recommendation?.revisionNumber !== proposal.currentRevisionNumber) {
      missing.push('a team recommendation on the current revision');
    }
    return missing;
  }
}
