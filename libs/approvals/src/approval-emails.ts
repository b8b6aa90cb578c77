import { Injectable } from '@nestjs/common';
import { Clock, RequestContext } from '@standpoint/database';
import {
  identityLoaders,
  loadUsers,
  MembersService,
  MembershipChange,
  Role,
} from '@standpoint/identity';
import {
  approvalRequestedEmail,
  approvedEmail,
  changesRequestedEmail,
  EmailDossier,
  EmailProposal,
  escalationEmail,
  expiredEmail,
  freezeEndedEmail,
  freezeStartedEmail,
  OutboxService,
  overrideRecordedEmail,
  rejectedEmail,
  reminderEmail,
  stepUnsatisfiableEmail,
  wordsChangedEmail,
} from '@standpoint/notifications';
import {
  CHANNEL_NAMES,
  type Dossier,
  DossierReader,
  type ProposalEntity,
  proposalRiskScore,
  ProposalState,
  Revised,
  riskMatrix,
  type RiskNoteEntity,
  riskScore,
  severityOf,
} from '@standpoint/proposals';
import { ApprovalStepEntity } from './approval-step.entity';
import { ContentFreezeEntity } from './content-freeze.entity';
import { DecisionEntity } from './decision.entity';
import { DecisionOutcome, DecisionOverride, overrideWords } from './rules';

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

const LEFT_BECAUSE: Record<MembershipChange['why'], string> = {
  ROLES_CHANGED: 'no longer holds a role the step accepts',
  REMOVED: 'was removed from the brand',
  DEACTIVATED: 'was deactivated',
};

/** What a decision led to, as its notices tell it. */
export interface DecidedOutcome {
  /** The proposal's state after the decision. */
  state: ProposalState;
  /** The step that is now asked, when the review goes on. */
  nextStep: string | null;
  /** The dossier as the approver decided on it. */
  dossier: Dossier;
  /** What the decision went against. */
  override: DecisionOverride<RiskNoteEntity>;
}

/**
 * The approval workflow's emails: gathers the facts each one needs in the change's transaction and
 * queues it, rendered, on the outbox. Emails that ask for a decision carry a decision link each.
 */
@Injectable()
export class ApprovalEmails {
  constructor(
    private readonly dossiers: DossierReader,
    private readonly members: MembersService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** A step became active: each eligible approver is asked to decide. */
  async approvalRequested(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    dossier: Dossier,
  ): Promise<void> {
    const emailDossier = await this.emailDossier(ctx, proposal, dossier);
    await this.outbox.emailMembers(ctx, {
      ...this.decisionRequest(proposal, step, dossier),
      topic: 'approval.requested',
      recipientUserIds: step.eligibleApproverIds,
      payload: {
        proposalId: proposal.id,
        stepId: step.id,
        step: step.name,
        dueAt: step.dueAt,
        revision: proposal.currentRevisionNumber,
      },
      render: (to) => approvalRequestedEmail({ dossier: emailDossier, step: stepOf(step) }, to),
    });
  }

  /** Half or 90% of the step's time has passed: the approvers who have not decided are reminded. */
  async reminder(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    waitingFor: readonly string[],
    kind: string,
  ): Promise<void> {
    const { dossier, emailDossier } = await this.dossierOf(ctx, proposal);
    await this.outbox.emailMembers(ctx, {
      ...this.decisionRequest(proposal, step, dossier),
      topic: 'step.reminder',
      recipientUserIds: waitingFor,
      payload: {
        proposalId: proposal.id,
        stepId: step.id,
        step: step.name,
        dueAt: step.dueAt,
        kind,
      },
      render: (to) => reminderEmail({ dossier: emailDossier, step: stepOf(step), kind }, to),
    });
  }

  /** The step was escalated: its deputies and its original approvers are asked to decide. */
  async escalation(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    deputies: readonly string[],
    originalApprovers: readonly string[],
    dossier: Dossier,
  ): Promise<void> {
    const emailDossier = await this.emailDossier(ctx, proposal, dossier);
    const names = await this.namesOf(ctx, [...deputies, ...originalApprovers]);
    await this.outbox.emailMembers(ctx, {
      ...this.decisionRequest(proposal, step, dossier),
      topic: 'step.escalated',
      recipientUserIds: step.eligibleApproverIds,
      payload: {
        proposalId: proposal.id,
        stepId: step.id,
        step: step.name,
        deputies,
        originalApprovers,
      },
      render: (to) =>
        escalationEmail(
          {
            dossier: emailDossier,
            step: stepOf(step),
            deputyIds: deputies,
            deputyNames: deputies.map((id) => names.get(id) ?? id),
            originalApproverNames: originalApprovers.map((id) => names.get(id) ?? id),
          },
          to,
        ),
    });
  }

  /** A revision during review: the approvers already asked see what changed. */
  async wordsChanged(
    ctx: RequestContext,
    revised: Revised,
    asked: readonly string[],
  ): Promise<void> {
    const { proposal, previous, revision } = revised;
    const emailProposal = await this.proposalOf(ctx, proposal);
    const revisedBy = (await this.namesOf(ctx, [revision.createdById])).get(revision.createdById);
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'words.changed',
      recipientUserIds: asked,
      payload: {
        proposalId: proposal.id,
        from: {
          revision: previous.number,
          contentHash: previous.contentHash,
          drafts: previous.drafts,
        },
        to: {
          revision: revision.number,
          contentHash: revision.contentHash,
          drafts: revision.drafts,
        },
      },
      render: (to) =>
        wordsChangedEmail(
          {
            proposal: emailProposal,
            revisedByName: revisedBy ?? revision.createdById,
            from: { revisionNumber: previous.number, drafts: previous.drafts },
            to: { revisionNumber: revision.number, drafts: revision.drafts },
          },
          to,
        ),
    });
  }

  /**
   * The author and the social team hear of every decision (not the approver who made it), worded
   * with what it went against; a decision against the team's recommendation, or an approval past
   * open risks, is told to the social team as an override, saying which.
   */
  async decided(
    ctx: RequestContext,
    proposal: ProposalEntity,
    decision: DecisionEntity,
    outcome: DecidedOutcome,
  ): Promise<void> {
    const { state, nextStep, dossier, override } = outcome;
    const team = await this.team(ctx, proposal.brandId);
    const emailProposal = await this.proposalOf(ctx, proposal);
    const approverName =
      (await this.namesOf(ctx, [decision.approverId])).get(decision.approverId) ??
      decision.approverId;
    const overruled = overrideWords(decision.outcome, override.againstTeam, override.acceptedRisks);
    const facts = {
      proposal: emailProposal,
      step: decision.stepName,
      approverName,
      comment: decision.comment,
      overrideWords: overruled,
    };
    const payload = {
      proposalId: proposal.id,
      decisionId: decision.id,
      approverId: decision.approverId,
      outcome: decision.outcome,
      comment: decision.comment,
      step: decision.stepName,
      state,
    };
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'decision.recorded',
      recipientUserIds: [proposal.authorId, ...team].filter((id) => id !== decision.approverId),
      payload,
      render: (to) => {
        if (decision.outcome === DecisionOutcome.REJECT) return rejectedEmail(facts, to);
        if (decision.outcome === DecisionOutcome.REQUEST_CHANGES)
          return changesRequestedEmail(facts, to);
        return approvedEmail(
          { ...facts, proposalApproved: state === ProposalState.APPROVED, nextStep },
          to,
        );
      },
    });
    if (!overruled) return;
    const recommendation = (await this.emailDossier(ctx, proposal, dossier)).recommendation;
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'override.recorded',
      recipientUserIds: team,
      payload: {
        ...payload,
        reasons: decision.acknowledgedReasons,
        againstTeam: override.againstTeam?.recommendation ?? null,
        acceptedRisks: override.acceptedRisks.map((risk) => risk.id),
      },
      render: (to) =>
        overrideRecordedEmail(
          {
            ...facts,
            overrideWords: overruled,
            againstTeam: override.againstTeam !== null,
            acknowledgedReasons: decision.acknowledgedReasons,
            recommendation,
          },
          to,
        ),
    });
  }

  /** No decision in time: the author and the social team hear that the proposal expired. */
  async expired(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
  ): Promise<void> {
    const emailProposal = await this.proposalOf(ctx, proposal);
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'proposal.expired',
      recipientUserIds: [proposal.authorId, ...(await this.team(ctx, proposal.brandId))],
      payload: { proposalId: proposal.id, step: step.name },
      render: (to) =>
        expiredEmail({ proposal: emailProposal, step: step.name, dueAt: step.dueAt }, to),
    });
  }

  /**
   * A member was taken off a step that can then no longer gather its approvals: the brand's admins
   * hear of it at once.
   */
  async stepUnsatisfiable(
    ctx: RequestContext,
    proposal: ProposalEntity,
    stalled: StalledStep,
  ): Promise<void> {
    const { step, leftId, eligible, approvals, required, why } = stalled;
    const names = await this.namesOf(ctx, [leftId, ...eligible]);
    const admins = (await this.members.ofBrand(ctx, proposal.brandId))
      .filter((m) => m.roles.includes(Role.ADMIN))
      .map((m) => m.userId);
    const emailProposal = await this.proposalOf(ctx, proposal);
    await this.outbox.emailMembers(ctx, {
      brandId: proposal.brandId,
      topic: 'step.unsatisfiable',
      recipientUserIds: admins,
      payload: {
        proposalId: proposal.id,
        stepId: step.id,
        step: step.name,
        leftId,
        approvals,
        required,
      },
      render: (to) =>
        stepUnsatisfiableEmail(
          {
            proposal: emailProposal,
            step: step.name,
            leftName: names.get(leftId) ?? leftId,
            why: LEFT_BECAUSE[why],
            approvals,
            required,
            remainingNames: eligible.map((id) => names.get(id) ?? id),
          },
          to,
        ),
    });
  }

  async freezeStarted(
    ctx: RequestContext,
    freeze: ContentFreezeEntity,
    unscheduled: readonly ProposalEntity[],
  ): Promise<void> {
    const brandName = await this.brandNameOf(ctx, freeze.brandId);
    const startedBy = (await this.namesOf(ctx, [freeze.startedById])).get(freeze.startedById);
    await this.outbox.emailMembers(ctx, {
      brandId: freeze.brandId,
      topic: 'content_freeze.started',
      recipientUserIds: await this.everyone(ctx, freeze.brandId),
      payload: {
        freezeId: freeze.id,
        reason: freeze.reason,
        endsAt: freeze.endsAt,
        unscheduled: unscheduled.map((p) => ({
          proposalId: p.id,
          publishAt: p.publishAt?.toISOString() ?? null,
        })),
      },
      render: (to) =>
        freezeStartedEmail(
          {
            brandName,
            reason: freeze.reason,
            startedByName: startedBy ?? freeze.startedById,
            endsAt: freeze.endsAt,
            unscheduledTitles: unscheduled.map((p) => p.title),
          },
          to,
        ),
    });
  }

  async freezeEnded(
    ctx: RequestContext,
    freeze: ContentFreezeEntity,
    endedAt: Date,
    byId: string | null,
  ): Promise<void> {
    const brandName = await this.brandNameOf(ctx, freeze.brandId);
    const endedBy = byId ? ((await this.namesOf(ctx, [byId])).get(byId) ?? byId) : null;
    await this.outbox.emailMembers(ctx, {
      brandId: freeze.brandId,
      topic: 'content_freeze.ended',
      recipientUserIds: await this.everyone(ctx, freeze.brandId),
      payload: { freezeId: freeze.id, reason: freeze.reason },
      render: (to) =>
        freezeEndedEmail(
          {
            brandName,
            reason: freeze.reason,
            startedAt: freeze.startedAt,
            endedAt,
            endedByName: endedBy,
          },
          to,
        ),
    });
  }

  /** What every email that asks for a decision shares: the brand and one link per approver. */
  private decisionRequest(proposal: ProposalEntity, step: ApprovalStepEntity, dossier: Dossier) {
    const due = step.dueAt;
    return {
      brandId: proposal.brandId,
      decisionLink: {
        brandId: proposal.brandId,
        proposalId: proposal.id,
        stepId: step.id,
        revisionId: dossier.revision.id,
        contentHash: dossier.revision.contentHash,
        // An overdue step that still takes decisions gives its links their own lifetime.
        stepDueAt: due && due > this.clock.now() ? due : null,
      },
    };
  }

  private async dossierOf(ctx: RequestContext, proposal: ProposalEntity) {
    const dossier = await this.dossiers.read(ctx, proposal);
    return { dossier, emailDossier: await this.emailDossier(ctx, proposal, dossier) };
  }

  private async emailDossier(
    ctx: RequestContext,
    proposal: ProposalEntity,
    dossier: Dossier,
  ): Promise<EmailDossier> {
    const r = dossier.recommendation;
    const emailProposal = await this.proposalOf(ctx, proposal);
    const byName = r && (await this.namesOf(ctx, [r.byId])).get(r.byId);
    return {
      proposal: emailProposal,
      drafts: dossier.revision.drafts.map((d) => ({
        channel: CHANNEL_NAMES[d.channel],
        body: d.body,
        mediaUrls: d.mediaUrls,
      })),
      risks: dossier.riskNotes.map((note) => {
        const score = riskScore(note.likelihood, note.impact);
        return {
          category: note.category,
          likelihood: note.likelihood,
          impact: note.impact,
          score,
          severity: severityOf(score),
          status: note.status,
          description: note.description,
          mitigation: note.mitigation,
        };
      }),
      riskMatrix: riskMatrix(dossier.riskNotes).map((row, l) =>
        row.map((count, i) => ({ count, severity: severityOf((l + 1) * (i + 1)) })),
      ),
      riskScore: proposalRiskScore(dossier.riskNotes),
      evidence: dossier.evidence.map((e) => ({
        kind: e.kind,
        summary: e.summary,
        sourceUrl: e.sourceUrl,
      })),
      recommendation: r && {
        recommendation: r.recommendation,
        rationale: r.rationale,
        byName: byName ?? r.byId,
        revisionNumber: r.revisionNumber,
        current: r.revisionNumber === proposal.currentRevisionNumber,
      },
    };
  }

  private async proposalOf(ctx: RequestContext, proposal: ProposalEntity): Promise<EmailProposal> {
    const author = (await this.namesOf(ctx, [proposal.authorId])).get(proposal.authorId);
    return {
      brandName: await this.brandNameOf(ctx, proposal.brandId),
      title: proposal.title,
      issue: proposal.issue,
      stanceType: proposal.stanceType,
      urgency: proposal.urgency,
      revisionNumber: proposal.currentRevisionNumber,
      decisionDeadline: proposal.decisionDeadline,
      authorName: author ?? proposal.authorId,
    };
  }

  // Through the request's loaders: a decision has read its brand's people already
  // (preloadBrandPeople), and names asked for twice are read once.
  private async namesOf(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await loadUsers(ctx, ids)).map((u) => [u.id, u.name]));
  }

  private async brandNameOf(ctx: RequestContext, brandId: string): Promise<string> {
    const brand = await identityLoaders.brandById(ctx).load(brandId);
    if (!brand) throw new Error(`brand ${brandId} does not exist`);
    return brand.name;
  }

  private async team(ctx: RequestContext, brandId: string): Promise<string[]> {
    return (await this.members.ofBrand(ctx, brandId))
      .filter((m) => m.roles.includes(Role.SOCIAL_MANAGER))
      .map((m) => m.userId);
  }

  private async everyone(ctx: RequestContext, brandId: string): Promise<string[]> {
    return (await this.members.ofBrand(ctx, brandId)).map((m) => m.userId);
  }
}

function stepOf(step: ApprovalStepEntity) {
  return { name: step.name, dueAt: step.dueAt, requiredApprovals: step.requiredApprovals };
}
