import { Injectable, Logger } from '@nestjs/common';
import {
  ApprovalErrorCode,
  ApprovalStepEntity,
  commentRequired,
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
import { ErrorResult, textProblem } from '@standpoint/graphql';
import { Operation } from '@standpoint/identity';
import {
  type Dossier,
  DossierReader,
  ProposalAccess,
  type ProposalEntity,
  ProposalReader,
  ProposalState,
} from '@standpoint/proposals';
import { DECIDE_ACTIONS, DECISION_MODAL, decisionModal, noticeModal } from './rules';
import { actAsMember } from './slack-actor';
import { SlackCredentials } from './slack-credentials';
import { SlackInteractionEntity } from './slack-interaction.entity';
import { SlackMessageEntity } from './slack-message.entity';
import { SlackRequestFactsReader } from './slack-request-facts';
import { SlackUserLinkEntity } from './slack-user-link.entity';
import { SlackWorkspaceEntity } from './slack-workspace.entity';

/** What Slack posts for a click or a submitted modal (the parts Standpoint reads). */
export interface SlackInteractionPayload {
  type: string;
  team?: { id?: string };
  user?: { id?: string };
  trigger_id?: string;
  actions?: { action_id?: string; value?: string }[];
  view?: {
    id?: string;
    callback_id?: string;
    private_metadata?: string;
    state?: { values?: Record<string, Record<string, SlackInputValue>> };
  };
}

interface SlackInputValue {
  value?: string | null;
  selected_options?: { value: string }[];
}

/** What a modal binds its submission to: the request, its step, the outcome and the words shown. */
interface ModalBinding {
  messageId: string;
  stepId: string;
  outcome: DecisionOutcome;
  contentHash: string;
}

/** The answer to a view_submission: Slack shows it in the modal. */
export type SubmissionAnswer =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: Record<string, unknown> };

const OUTCOME_OF: Record<string, DecisionOutcome> = {
  [DECIDE_ACTIONS.APPROVE]: DecisionOutcome.APPROVE,
  [DECIDE_ACTIONS.REQUEST_CHANGES]: DecisionOutcome.REQUEST_CHANGES,
  [DECIDE_ACTIONS.REJECT]: DecisionOutcome.REJECT,
};

/** The request a click or a modal is about, judged as the decision page judges its link. */
interface Judged {
  proposal: ProposalEntity;
  dossier: Dossier;
  step: ApprovalStepEntity;
}

/** Refuses a click or a submission with a message for the member; nothing is recorded. */
class Refused extends Error {
  constructor(readonly answer: SubmissionAnswer) {
    super('refused');
  }
}

const notice = (title: string, text: string): SubmissionAnswer => ({
  response_action: 'update',
  view: noticeModal(title, text),
});

const UNLINKED = notice(
  'Not linked',
  'This Slack account is not linked to Standpoint, so it cannot decide. Ask Standpoint for a link code and type /standpoint link <code> here.',
);

const NOT_MEMBER = notice(
  'Not a member',
  'The Standpoint account this Slack account is linked to is no longer a member of the brand. Nothing was recorded.',
);

/**
 * The buttons and the modal of Slack approval requests. A click opens the confirmation modal with
 * the exact words; submitting it records the decision through DecisionsService, as the `decide`
 * mutation and the decision page do, as the member the Slack account is linked to, with channel
 * SLACK and the content hash the modal showed. The proposal is locked before anything is judged;
 * a refusal records nothing. A submission is handled once: Slack's retries find it done.
 */
@Injectable()
export class SlackInteractionsService {
  private readonly logger = new Logger('Slack');

  constructor(
    private readonly decisions: DecisionsService,
    private readonly deciders: StepDeciders,
    private readonly dossierFacts: DossierFacts,
    private readonly passkeys: DecisionPasskeys,
    private readonly dossiers: DossierReader,
    private readonly access: ProposalAccess,
    private readonly proposals: ProposalReader,
    private readonly transactions: TransactionRunner,
    private readonly credentials: SlackCredentials,
    private readonly requestFacts: SlackRequestFactsReader,
    private readonly clock: Clock,
  ) {}

  /** A button of a request: opens the confirmation modal, or a notice of why it cannot. */
  async clicked(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    payload: SlackInteractionPayload,
  ): Promise<void> {
    const action = payload.actions?.[0];
    const outcome = OUTCOME_OF[action?.action_id ?? ''];
    if (!outcome || !action?.value || !payload.trigger_id) return;
    const messageId = action.value;
    const answer = await this.transactions.run(ctx, async () => {
      try {
        const judged = await this.judge(ctx, workspace, payload, messageId, null);
        return this.modalOf(ctx, judged, messageId, outcome);
      } catch (error) {
        if (error instanceof Refused)
          return error.answer.response_action === 'update' ? error.answer.view : null;
        throw error;
      }
    });
    if (!answer) return;
    try {
      await this.credentials
        .clientOf(workspace)
        .views.open({ trigger_id: payload.trigger_id, view: answer as never });
    } catch (error) {
      // The click is answered anyway; Slack's error is named, never the request.
      const name = (error as { data?: { error?: string } }).data?.error ?? 'no answer';
      this.logger.warn({ workspaceId: workspace.id }, `views.open failed: ${name}`);
    }
  }

  /** A submitted confirmation modal: the decision, or why it was refused. */
  async submitted(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    payload: SlackInteractionPayload,
  ): Promise<SubmissionAnswer | null> {
    const view = payload.view;
    if (view?.callback_id !== DECISION_MODAL.callbackId || !view.id) return null;
    const binding = bindingOf(view.private_metadata);
    if (!binding)
      return notice('Not recorded', 'This form cannot be read: open the request again.');
    const key = `${workspace.id}:${view.id}`;
    const values = view.state?.values ?? {};
    const comment = values[DECISION_MODAL.comment]?.[DECISION_MODAL.comment]?.value?.trim() || null;
    const acknowledged = (
      values[DECISION_MODAL.acknowledge]?.[DECISION_MODAL.acknowledge]?.selected_options ?? []
    ).some((o) => o.value === 'yes');
    const unreadable = comment && commentProblem(comment);
    if (unreadable)
      return { response_action: 'errors', errors: { [DECISION_MODAL.comment]: unreadable } };
    try {
      return await this.transactions.run(ctx, async () => {
        if (await ctx.em.findOneBy(SlackInteractionEntity, { key }))
          return recorded(binding.outcome);
        const judged = await this.judge(ctx, workspace, payload, binding.messageId, binding);
        const result: DecideResultType = await this.decisions.decide(
          ctx,
          {
            proposalId: judged.proposal.id,
            outcome: binding.outcome,
            // The words the modal showed: a decision is bound to them, never to newer ones.
            contentHash: binding.contentHash,
            comment,
            acknowledgeRisks: acknowledged,
          },
          DecisionChannel.SLACK,
          judged.dossier,
        );
        if (result instanceof ErrorResult)
          throw new Refused(refusalOf(result, comment, acknowledged));
        await ctx.em.insert(SlackInteractionEntity, {
          key,
          resultId: result.id,
          handledAt: this.clock.now(),
        });
        return recorded(binding.outcome);
      });
    } catch (error) {
      if (error instanceof Refused) return error.answer;
      if (error instanceof DomainError) return domainRefusalOf(error);
      throw error;
    }
  }

  /**
   * As the linked member, with the proposal locked: the request the click or the modal is about,
   * if it still takes their decision on the words it showed.
   */
  private async judge(
    ctx: RequestContext,
    workspace: SlackWorkspaceEntity,
    payload: SlackInteractionPayload,
    messageId: string,
    binding: ModalBinding | null,
  ): Promise<Judged> {
    const link = await ctx.em.findOneBy(SlackUserLinkEntity, {
      workspaceId: workspace.id,
      slackUserId: payload.user?.id ?? '',
    });
    if (!link) throw new Refused(UNLINKED);
    const message = await ctx.em.findOneBy(SlackMessageEntity, {
      id: messageId,
      workspaceId: workspace.id,
    });
    if (!message)
      throw new Refused(notice('Unknown request', 'This request is not one of this brand’s.'));
    const user = await actAsMember(ctx, workspace, link.userId);
    if (!user) throw new Refused(NOT_MEMBER);
    await this.access.forChange(ctx, message.proposalId, Operation.READ_BRAND);
    const proposal = await this.proposals.byId(ctx, message.proposalId);
    if (!proposal) throw new Error(`slack message ${message.id} names no proposal`);
    const dossier = await this.dossiers.read(ctx, proposal);
    const shown = binding?.contentHash ?? message.contentHash;
    if (proposal.state !== ProposalState.IN_REVIEW) {
      throw new Refused(
        notice(
          'Review over',
          'This proposal is no longer in review: it was decided, withdrawn or expired. Nothing was recorded.',
        ),
      );
    }
    if (shown !== dossier.revision.contentHash || message.contentHash !== shown) {
      throw new Refused(
        notice(
          'Words changed',
          'The words changed after this request was sent, so it no longer acts. Decide on the new words, in the newer request. Nothing was recorded.',
        ),
      );
    }
    if (message.closedAt) {
      throw new Refused(
        notice(
          'Request closed',
          'This request no longer takes decisions: it was answered, or its step moved on. Nothing was recorded.',
        ),
      );
    }
    const step = await ctx.em.findOneBy(ApprovalStepEntity, {
      id: binding?.stepId ?? message.stepId,
    });
    const awaits = step?.id === message.stepId && stepAwaits(step, proposal.reviewRound, user.id);
    const standing = await this.deciders.standing(
      ctx,
      proposal,
      awaits ? step : null,
      user.id,
      dossier.writerIds,
    );
    if (standing.wroteWords) {
      throw new Refused(
        notice(
          'Four eyes',
          'You wrote words of this proposal, so you do not decide on it. Nothing was recorded.',
        ),
      );
    }
    if (!awaits || !step || !standing.eligibleNow) {
      throw new Refused(
        notice(
          'Not yours to decide',
          'This step does not await your decision (it is over, or you are not among its approvers now). Nothing was recorded.',
        ),
      );
    }
    return { proposal, dossier, step };
  }

  private async modalOf(
    ctx: RequestContext,
    judged: Judged,
    messageId: string,
    outcome: DecisionOutcome,
  ): Promise<Record<string, unknown>> {
    const { proposal, dossier, step } = judged;
    if ((await this.passkeys.outcomesRequiring(ctx, proposal, dossier)).includes(outcome)) {
      return noticeModal(
        'Passkey needed',
        'The brand asks for a passkey to confirm this decision, which Slack cannot do: decide from the approval email’s page instead.',
      );
    }
    const override = decisionOverride(outcome, this.dossierFacts.override(proposal, dossier));
    const words = overrideWords(outcome, override.againstTeam, override.acceptedRisks);
    const binding: ModalBinding = {
      messageId,
      stepId: step.id,
      outcome,
      contentHash: dossier.revision.contentHash,
    };
    return decisionModal({
      outcome,
      request: await this.requestFacts.of(ctx, proposal, step, dossier),
      override: override.reasons.length > 0 ? words : null,
      commentRequired: commentRequired(outcome) || override.reasons.length > 0,
      metadata: JSON.stringify(binding),
    });
  }
}

function bindingOf(metadata: string | undefined): ModalBinding | null {
  try {
    const b = JSON.parse(metadata ?? '') as Partial<ModalBinding>;
    const outcomes: string[] = Object.values(DecisionOutcome);
    return typeof b.messageId === 'string' &&
      typeof b.stepId === 'string' &&
      typeof b.contentHash === 'string' &&
      outcomes.includes(b.outcome ?? '')
      ? (b as ModalBinding)
      : null;
  } catch {
    return null;
  }
}

function recorded(outcome: DecisionOutcome): SubmissionAnswer {
  return notice(
    'Recorded',
    `Your decision (${outcome.replace('_', ' ').toLowerCase()}) is recorded in Standpoint.`,
  );
}

/** What the decision page also refuses in a comment (DecisionForm): invisible characters, length. */
function commentProblem(comment: string): string | null {
  const unreadable = textProblem(comment);
  if (unreadable) return `Remove the invisible characters from the comment: it ${unreadable}.`;
  const max = DECISION_MODAL.commentMaxLength;
  return comment.length > max ? `Shorten the comment to at most ${max} characters.` : null;
}

/** A rule's field problem (the comment a rejection needs) next to its field, anything else plainly. */
function domainRefusalOf(error: DomainError): SubmissionAnswer {
  const fields = (error.details?.fields ?? []) as { field: string; messages: string[] }[];
  const comment = fields.find((f) => f.field === 'input.comment');
  return comment
    ? {
        response_action: 'errors',
        errors: { [DECISION_MODAL.comment]: `Add a comment: ${comment.messages.join('; ')}.` },
      }
    : notice('Not recorded', error.message);
}

/** A refusal of the decision rules next to the field it is about, or said plainly. */
function refusalOf(
  result: ErrorResult,
  comment: string | null,
  acknowledged: boolean,
): SubmissionAnswer {
  if (result.errorCode === ApprovalErrorCode.ACKNOWLEDGEMENT_REQUIRED) {
    const errors: Record<string, string> = {};
    if (!acknowledged)
      errors[DECISION_MODAL.acknowledge] =
        'Deciding so overrules a warning: tick the acknowledgement.';
    if (!comment)
      errors[DECISION_MODAL.comment] = 'Deciding against a warning needs a comment: say why.';
    if (Object.keys(errors).length > 0) return { response_action: 'errors', errors };
  }
  return notice('Not recorded', result.message);
}
