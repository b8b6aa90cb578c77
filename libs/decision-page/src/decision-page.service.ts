import { Injectable } from '@nestjs/common';
import {
  ApprovalErrorCode,
  ApprovalStepEntity,
  DecideResultType,
  DecisionChannel,
  decisionOverride,
  DecisionOutcome,
  DecisionPasskeys,
  DecisionsService,
  DossierFacts,
  overrideWords,
  StepDeciders,
  stepAwaits,
} from '@standpoint/approvals';
import { Clock, RequestContext, TransactionRunner } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import { ErrorResult } from '@standpoint/graphql';
import {
  BrandEntity,
  DecisionLinkEntity,
  DecisionLinksService,
  MembershipEntity,
  Operation,
  PasskeysService,
  UserEntity,
} from '@standpoint/identity';
import {
  type Dossier,
  DossierReader,
  ProposalAccess,
  type ProposalEntity,
  ProposalReader,
  ProposalState,
} from '@standpoint/proposals';
import { DecisionDossier } from './decision-dossier';
import { DecisionForm } from './decision-form';
import { LinkStanding, linkStanding } from './link-standing';
import { DecisionFormState } from './page/decision-page.view';

/** What the page shows for a link. */
export type DecisionPageView =
  | { kind: 'UNKNOWN' }
  | { kind: 'NOTICE'; standing: Exclude<LinkStanding, LinkStanding.OPEN> }
  | { kind: 'FORM'; dossier: DecisionDossier; state?: DecisionFormState }
  | { kind: 'RECORDED'; outcome: DecisionOutcome; step: string; title: string };

/** A link, what it points at, and whether it may act. */
interface OpenedLink {
  link: DecisionLinkEntity;
  proposal: ProposalEntity;
  /** The proposal's words and dossier now. */
  dossier: Dossier;
  step: ApprovalStepEntity | null;
  approver: UserEntity;
  standing: LinkStanding;
}

/** Rolls the decision's transaction back (the link stays unused) and carries why to the page. */
class DecisionRefused extends Error {
  constructor(readonly state: DecisionFormState) {
    super('the decision was refused');
  }
}

/**
 * The decision page behind an approval email's link. Opening it reads and never writes; submitting
 * it records the decision through DecisionsService, exactly as the `decide` mutation does, as the
 * approver through their email link, and uses the link up in the same transaction.
 */
@Injectable()
export class DecisionPageService {
  constructor(
    private readonly links: DecisionLinksService,
    private readonly decisions: DecisionsService,
    private readonly deciders: StepDeciders,
    private readonly facts: DossierFacts,
    private readonly dossiers: DossierReader,
    private readonly access: ProposalAccess,
    private readonly proposals: ProposalReader,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly passkeys: PasskeysService,
    private readonly decisionPasskeys: DecisionPasskeys,
  ) {}

  /** For GET and HEAD: nothing here writes. */
  async view(ctx: RequestContext, token: string): Promise<DecisionPageView> {
    const opened = await this.openLink(ctx, token);
    if (!opened) return { kind: 'UNKNOWN' };
    if (opened.standing !== LinkStanding.OPEN) {
      return { kind: 'NOTICE', standing: opened.standing };
    }
    return { kind: 'FORM', dossier: await this.dossierOf(ctx, opened) };
  }

  async submit(ctx: RequestContext, token: string, form: DecisionForm): Promise<DecisionPageView> {
    const problems = form.problems();
    if (problems) return this.withState(ctx, token, { ...form.state(), errors: problems });
    try {
      return await this.transactions.run(ctx, () => this.decide(ctx, token, form));
    } catch (error) {
      if (error instanceof DecisionRefused) return this.withState(ctx, token, error.state);
      if (error instanceof DomainError) {
        return this.withState(ctx, token, { ...form.state(), errors: fieldErrorsOf(error) });
      }
      throw error;
    }
  }

  private async decide(
    ctx: RequestContext,
    token: string,
    form: DecisionForm,
  ): Promise<DecisionPageView> {
    const opened = await this.openAsApprover(ctx, token);
    if (!opened) return { kind: 'UNKNOWN' };
    if (opened.standing !== LinkStanding.OPEN) {
      return { kind: 'NOTICE', standing: opened.standing };
    }
    if (!(await this.links.consume(ctx.em, opened.link.id))) {
      return { kind: 'NOTICE', standing: LinkStanding.USED };
    }
    const result: DecideResultType = await this.decisions.decide(
      ctx,
      {
        proposalId: opened.proposal.id,
        outcome: form.outcome!,
        // The words the email showed: a link never acts on others.
        contentHash: opened.link.contentHash,
        comment: form.comment,
        acknowledgeRisks: form.acknowledgeRisks,
        passkeyAssertion: form.passkeyAssertion,
      },
      DecisionChannel.EMAIL_LINK,
      opened.dossier,
    );
    if (result instanceof ErrorResult) {
      throw new DecisionRefused({ ...form.state(), errors: refusalErrors(result, form) });
    }
    return {
      kind: 'RECORDED',
      outcome: result.outcome,
      step: result.step,
      title: opened.proposal.title,
    };
  }

  /**
   * For the page's script: WebAuthn request options whose challenge commits to deciding `outcome`
   * on the link's step and words, for the link's approver. Null when the link does not act.
   */
  async passkeyChallenge(
    ctx: RequestContext,
    token: string,
    outcome: DecisionOutcome,
  ): Promise<string | null> {
    return this.transactions.run(ctx, async () => {
      const opened = await this.openAsApprover(ctx, token);
      if (opened?.standing !== LinkStanding.OPEN) return null;
      return this.decisions.passkeyChallenge(ctx, {
        proposalId: opened.proposal.id,
        outcome,
        contentHash: opened.link.contentHash,
      });
    });
  }

  /**
   * The link opened as its approver acts through it: the request acts as them, and the proposal
   * is locked (PostgreSQL) before anything is judged, so the step and the words judged are the ones
   * a decision is recorded on.
   */
  private async openAsApprover(ctx: RequestContext, token: string): Promise<OpenedLink | null> {
    const found = await this.links.open(ctx.em, token);
    if (!found) return null;
    const approver = await ctx.em.findOneByOrFail(UserEntity, { id: found.approverUserId });
    const membership = await ctx.em.findOneBy(MembershipEntity, {
      brandId: found.brandId,
      userId: approver.id,
    });
    ctx.actor = {
      kind: 'email-link',
      userId: approver.id,
      email: approver.email,
      brandId: found.brandId,
      roles: membership?.roles ?? [],
    };
    await this.access.forChange(ctx, found.proposalId, Operation.READ_BRAND);
    return this.openLink(ctx, token);
  }

  /** The page again after a refused attempt: the form with what was entered and what was wrong. */
  private async withState(
    ctx: RequestContext,
    token: string,
    state: DecisionFormState,
  ): Promise<DecisionPageView> {
    const view = await this.view(ctx, token);
    return view.kind === 'FORM' ? { ...view, state } : view;
  }

  /**
   * The link and whether it may act, judged by the same facts as a decision by GraphQL: the words,
   * the step, who wrote words of the proposal and the approver's membership as it is now.
   */
  private async openLink(ctx: RequestContext, token: string): Promise<OpenedLink | null> {
    const em = ctx.em;
    const link = await this.links.open(em, token);
    if (!link) return null;
    const proposal = await this.proposals.byId(ctx, link.proposalId);
    if (!proposal) throw new Error(`decision link ${link.id} names no proposal`);
    const dossier = await this.dossiers.read(ctx, proposal);
    const revision = dossier.revision;
    const step = await em.findOneBy(ApprovalStepEntity, { id: link.stepId });
    const approver = await em.findOneByOrFail(UserEntity, { id: link.approverUserId });
    const stepAwaitsDecision = stepAwaits(step, proposal.reviewRound, link.approverUserId);
    const decider = await this.deciders.standing(
      ctx,
      proposal,
      stepAwaitsDecision ? step : null,
      link.approverUserId,
      dossier.writerIds,
    );
    const standing = linkStanding({
      usedAt: link.usedAt,
      revokedAt: link.revokedAt,
      expiresAt: link.expiresAt,
      now: this.clock.now(),
      link: { revisionId: link.revisionId, contentHash: link.contentHash },
      current: { revisionId: revision.id, contentHash: revision.contentHash },
      proposalInReview: proposal.state === ProposalState.IN_REVIEW,
      stepAwaitsDecision,
      approverWroteWords: decider.wroteWords,
      approverEligibleNow: decider.eligibleNow,
    });
    return { link, proposal, dossier, step, approver, standing };
  }

  private async dossierOf(ctx: RequestContext, opened: OpenedLink): Promise<DecisionDossier> {
    const { proposal, dossier, step, link } = opened;
    const { revision, evidence, riskNotes } = dossier;
    const brand = await ctx.em.findOneByOrFail(BrandEntity, { id: proposal.brandId });
    const latest = dossier.recommendation;
    const recommendation = latest && {
      recommendation: latest.recommendation,
      rationale: latest.rationale,
      current: latest.revisionNumber === proposal.currentRevisionNumber,
    };
    const facts = this.facts.override(proposal, dossier);
    const approval = decisionOverride(DecisionOutcome.APPROVE, facts);
    const rejection = decisionOverride(DecisionOutcome.REJECT, facts);
    return {
      brandName: brand.name,
      approverName: opened.approver.name,
      proposal: {
        title: proposal.title,
        issue: proposal.issue,
        stanceType: proposal.stanceType,
        urgency: proposal.urgency,
        decisionDeadline: proposal.decisionDeadline,
      },
      step: { name: step?.name ?? '', dueAt: step?.dueAt ?? null },
      linkExpiresAt: link.expiresAt,
      revision: { number: revision.number, drafts: revision.drafts },
      recommendation,
      riskNotes,
      evidence: evidence.map((e) => ({ kind: e.kind, summary: e.summary, sourceUrl: e.sourceUrl })),
      overrideReasons: approval.reasons,
      approvalOverride: overrideWords(
        DecisionOutcome.APPROVE,
        approval.againstTeam,
        approval.acceptedRisks,
      ),
      rejectionOverride: overrideWords(DecisionOutcome.REJECT, rejection.againstTeam, []),
      passkey: {
        registered: await this.passkeys.has(ctx, link.approverUserId),
        requiredFor: await this.decisionPasskeys.outcomesRequiring(ctx, proposal, dossier),
      },
    };
  }
}

/** A refusal of the decision rules, said next to the field it is about. */
function refusalErrors(result: ErrorResult, form: DecisionForm): DecisionFormState['errors'] {
  if (result.errorCode === ApprovalErrorCode.PASSKEY_REQUIRED) {
    return {
      form: 'The brand asks you to confirm this decision with your passkey: record it again and confirm when your browser asks (this needs JavaScript).',
    };
  }
  if (result.errorCode !== ApprovalErrorCode.ACKNOWLEDGEMENT_REQUIRED)
    return { form: result.message };
  return {
    acknowledgeRisks: form.acknowledgeRisks
      ? undefined
      : 'Approving now overrules a warning: tick this acknowledgement to approve.',
    comment: form.comment
      ? undefined
      : 'Approving against a warning needs a comment: say why you approve.',
  };
}

/** A rule's field problem (the comment a rejection needs) next to its field, anything else on top. */
function fieldErrorsOf(error: DomainError): DecisionFormState['errors'] {
  const fields = (error.details?.fields ?? []) as { field: string; messages: string[] }[];
  const comment = fields.find((f) => f.field === 'input.comment');
  if (comment) return { comment: `Add a comment: ${comment.messages.join('; ')}.` };
  return { form: error.message };
}
