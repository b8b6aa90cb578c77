import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { actorUserId, Clock, isUniqueViolation, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { ErrorResult } from '@standpoint/graphql';
import { Operation, preloadBrandPeople } from '@standpoint/identity';
import {
  type Dossier,
  DossierReader,
  InvalidTransitionError,
  ProposalAccess,
  type ProposalEntity,
  ProposalState,
  ProposalTransitions,
} from '@standpoint/proposals';
import { ApprovalPolicyEntity } from './approval-policy.entity';
import { ApprovalStepEntity } from './approval-step.entity';
import { overrideAuditData } from './decision-audit-data';
import { DecisionEntity } from './decision.entity';
import { DecisionPasskeys, decisionWords } from './decision-passkeys';
import { DossierFacts } from './dossier-facts';
import { DecideInput } from './inputs/decide.input';
import { DecisionPasskeyChallengeInput } from './inputs/decision-passkey-challenge.input';
import {
  AcknowledgementRequiredError,
  AlreadyDecidedError,
  NotAnApproverError,
  SelfApprovalError,
  StaleRevisionError,
} from './approval.errors';
import { DecideResultType } from './models/decide-result';
import { DecisionModel } from './models/decision.model';
import { ReviewService } from './review.service';
import {
  afterDecision,
  commentRequired,
  PasskeyRequirement,
  DecisionChannel,
  decisionOverride,
  DecisionOutcome,
  firstRefusal,
  Refusal,
  StepStatus,
} from './rules';
import { StepDeciders } from './step-deciders';

const STATE_AFTER: Record<'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED', [string, ProposalState]> =
  {
    APPROVED: ['approve', ProposalState.APPROVED],
    REJECTED: ['reject', ProposalState.REJECTED],
    CHANGES_REQUESTED: ['requestChanges', ProposalState.CHANGES_REQUESTED],
  };

/**
 * A decision by one approver on the active step, bound to the words they saw. The proposal's row
 * is locked first, so decisions (and revisions) on one proposal take turns and each counts the
 * ones before it.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly facts: DossierFacts,
    private readonly dossiers: DossierReader,
    private readonly review: ReviewService,
    private readonly deciders: StepDeciders,
    private readonly transitions: ProposalTransitions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly passkeys: DecisionPasskeys,
  ) {}

  /** WebAuthn request options (JSON) whose challenge commits to this decision by the caller. */
  async passkeyChallenge(
    ctx: RequestContext,
    input: DecisionPasskeyChallengeInput,
  ): Promise<string> {
    return JSON.stringify(await this.passkeys.challenge(ctx, deciderOf(ctx), input));
  }

  /**
   * `read`: the proposal's dossier, when the caller has read it already with the proposal locked
   * (the decision page has, to judge the link), so that a decision reads it once.
   */
  decide(
    ctx: RequestContext,
    input: DecideInput,
    channel = DecisionChannel.API,
    read?: Dossier,
  ): Promise<DecideResultType> {
    // Its emails and webhook deliveries, nothing reads back: written in one INSERT at its end.
    return ctx.insertingTogether(() => this.decideNow(ctx, input, channel, read));
  }

  private async decideNow(
    ctx: RequestContext,
    input: DecideInput,
    channel: DecisionChannel,
    read: Dossier | undefined,
  ): Promise<DecideResultType> {
    const approverId = deciderOf(ctx);
    const proposal = await this.access.forChange(ctx, input.proposalId, Operation.READ_BRAND);
    const comment = input.comment?.trim() || null;
    if (commentRequired(input.outcome) && !comment) {
      throw DomainError.invalidField([
        {
          field: 'input.comment',
          rule: 'required',
          message: `say why you ${input.outcome === DecisionOutcome.REJECT ? 'reject' : 'request changes'}`,
        },
      ]);
    }
    const dossier = read ?? (await this.dossiers.read(ctx, proposal));
    const { steps, decisionsOn, passkeyRequiredFor } = await this.currentRound(ctx, proposal);
    const step = steps.find(
      (s) => s.status === StepStatus.ACTIVE || s.status === StepStatus.BLOCKED,
    );
    const earlier = step ? decisionsOn(step) : [];
    // The brand's people in one read: the approver's membership, the next step's approvers, and
    // the names and addresses of the emails.
    await preloadBrandPeople(ctx, proposal.brandId);
    // Who the approver is now (a writer? still accepted by the step?), not when the step started.
    const standing = await this.deciders.standing(
      ctx,
      proposal,
      step ?? null,
      approverId,
      dossier.writerIds,
    );
    const override = decisionOverride(input.outcome, this.facts.override(proposal, dossier));
    const refusal = firstRefusal({
      state: proposal.state,
      currentContentHash: dossier.revision.contentHash,
      contentHash: input.contentHash,
      approverId,
      writerIds: dossier.writerIds,
      eligibleOnActiveStep: standing.eligibleNow,
      alreadyDecided: earlier.some((d) => d.approverId === approverId),
      outcome: input.outcome,
      overrideReasons: override.reasons,
      acknowledgeRisks: input.acknowledgeRisks === true,
      comment,
    });
    if (refusal || !step)
      return refusalResult(
        refusal ?? 'NOT_AN_APPROVER',
        proposal,
        dossier.revision.contentHash,
        step,
        override.reasons,
      );
    const confirmation = await this.passkeys.confirmation(
      ctx,
      approverId,
      decisionWords(proposal, step, input.outcome, dossier.revision.contentHash),
      override,
      input.passkeyAssertion,
      passkeyRequiredFor,
    );
    if (confirmation instanceof ErrorResult) return confirmation;

    const now = this.clock.now();
    const decision: DecisionEntity = {
      id: newId('dcs'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      stepId: step.id,
      stepName: step.name,
      round: step.round,
      approverId,
      outcome: input.outcome,
      comment,
      revisionNumber: proposal.currentRevisionNumber,
      contentHash: dossier.revision.contentHash,
      overridesRecommendation: override.againstTeam !== null,
      acknowledgedReasons: override.reasons,
      channel,
      decidedAt: now,
    };
    const approvalsBefore = earlier.filter((d) => d.outcome === DecisionOutcome.APPROVE).length;
    try {
      await ctx.em.insert(DecisionEntity, decision);
    } catch (error) {
      if (isUniqueViolation(error)) return AlreadyDecidedError.of(step.name);
      throw error;
    }

    const progress = afterDecision(
      steps.map((s) => ({
        order: s.order,
        status: s.status,
        required: s.requiredApprovals,
        approvals: s.id === step.id ? approvalsBefore : 0,
      })),
      step.order,
      input.outcome,
    );
    const stepAfter = progress.steps.find((s) => s.order === step.order)!;
    if (stepAfter.status !== step.status) {
      await ctx.em.update(
        ApprovalStepEntity,
        { id: step.id },
        { status: stepAfter.status, completedAt: now },
      );
      await this.review.cancelDeadlines(ctx, [step], 'the step was decided');
    }
    let current = proposal;
    if (progress.outcome) {
      const [transition, to] = STATE_AFTER[progress.outcome];
      current = await this.transitions.move(ctx, proposal, transition, to);
      await this.review.cancelDeadlines(ctx, steps, `the proposal is ${to}`);
    }
    const next = steps.find((s) => s.order === progress.activated);
    const activated = next ? await this.review.activate(ctx, current, next, dossier) : null;

    await this.audit.append(
      ctx,
      {
        brandId: proposal.brandId,
        action: 'decision.recorded',
        entityType: 'Decision',
        entityId: decision.id,
        data: {
          proposalId: proposal.id,
          step: step.name,
          round: step.round,
          outcome: decision.outcome,
          comment,
          channel,
          revisionNumber: decision.revisionNumber,
          contentHash: decision.contentHash,
          approvals: {
            before: approvalsBefore,
            after: stepAfter.approvals,
            required: step.requiredApprovals,
          },
          stepStatus: { from: step.status, to: stepAfter.status },
          proposalState: { from: proposal.state, to: current.state },
          ...overrideAuditData(override, dossier),
          seen: this.facts.seen(dossier),
          activatedStep: next?.name ?? null,
          ...(confirmation.evidence && { passkey: confirmation.evidence }),
        },
      },
      { proposal, decision, state: current.state, activated, dossier, override },
    );
    return DecisionModel.from(decision, {
      revisionNumber: proposal.currentRevisionNumber,
      round: step.round,
    });
  }

  /**
   * In one statement, the steps of the proposal's current review round in order, and the decisions
   * on its current words so far on each (who decided, and how).
   */
  /**
   * The steps of the proposal's current round with their decisions on its current revision, and
   * the brand's passkey requirement as its current policy states it (read in the same statement:
   * a decision's statements are counted).
   */
  private async currentRound(ctx: RequestContext, proposal: ProposalEntity) {
    const rows = await ctx.em
      .createQueryBuilder(ApprovalStepEntity, 's')
      .leftJoinAndMapMany(
        's.decisions',
        DecisionEntity,
        'd',
        'd.stepId = s.id AND d.revisionNumber = :revisionNumber',
        { revisionNumber: proposal.currentRevisionNumber },
      )
      .leftJoinAndMapOne(
        's.currentPolicy',
        ApprovalPolicyEntity,
        'p',
        'p.brandId = :brandId AND p.version = ' +
          '(SELECT MAX(latest.version) FROM approval_policy latest WHERE latest."brandId" = :brandId)',
        { brandId: proposal.brandId },
      )
      .where('s.proposalId = :proposalId AND s.round = :round', {
        proposalId: proposal.id,
        round: proposal.reviewRound,
      })
      .orderBy('s.order', 'ASC')
      .getMany();
    type Row = ApprovalStepEntity & {
      decisions?: DecisionEntity[];
      currentPolicy?: ApprovalPolicyEntity | null;
    };
    const decisions = new Map<string, DecisionEntity[]>();
    const steps = (rows as Row[]).map(({ decisions: onStep, currentPolicy: _policy, ...step }) => {
      decisions.set(step.id, onStep ?? []);
      return step;
    });
    return {
      steps,
      decisionsOn: (step: ApprovalStepEntity) => decisions.get(step.id) ?? [],
      passkeyRequiredFor:
        (rows as Row[])[0]?.currentPolicy?.passkeyRequiredFor ?? PasskeyRequirement.NONE,
    };
  }
}

function deciderOf(ctx: RequestContext): string {
  const userId = actorUserId(ctx.actor);
  if (userId) return userId;
  throw DomainError.unauthenticated();
}

function refusalResult(
  refusal: Refusal,
  proposal: ProposalEntity,
  currentHash: string,
  step: ApprovalStepEntity | undefined,
  reasons: string[],
): DecideResultType {
  switch (refusal) {
    case 'INVALID_TRANSITION':
      return InvalidTransitionError.of(proposal.state, 'decide');
    case 'STALE_REVISION':
      return StaleRevisionError.of(currentHash);
    case 'SELF_APPROVAL':
      return SelfApprovalError.of();
    case 'NOT_AN_APPROVER':
      return NotAnApproverError.of(step?.name ?? null);
    case 'ALREADY_DECIDED':
      return AlreadyDecidedError.of(step?.name ?? '');
    case 'ACKNOWLEDGEMENT_REQUIRED':
      return AcknowledgementRequiredError.of(reasons);
  }
}
