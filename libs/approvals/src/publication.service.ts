import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext, TransactionRunner } from '@standpoint/database';
import { createHash } from 'node:crypto';
import { DomainError } from '@standpoint/errors';
import { Operation, requireBrandOperation, requireUser } from '@standpoint/identity';
import {
  Channel,
  ContentFreezeActiveError,
  ContentFreezeModel,
  InvalidTransitionError,
  isHttpUrl,
  normalizeBody,
  ProposalAccess,
  proposalAuditEvent,
  type ProposalEntity,
  ProposalModel,
  ProposalReader,
  ProposalResultType,
  ProposalState,
  ProposalTransitions,
  StanceType,
  transitionTarget,
} from '@standpoint/proposals';
import { FreezesService } from './freezes.service';
import { MarkPublishedInput, ReasonInput, ScheduleInput } from './inputs/publication.input';
import { PublicationEntity } from './publication.entity';
import { ReviewService } from './review.service';

const APPROVED_STATES = [ProposalState.APPROVED, ProposalState.SCHEDULED, ProposalState.PUBLISHED];

/**
 * How often a negative isApprovedContent answer is recorded: once per text and brand per window,
 * and at most `perBrand` texts per brand per window (further noes are answered, not recorded).
 */
export const UNAPPROVED_REPORTS = { windowMs: 60 * 60 * 1000, perBrand: 20 };

/** After approval: scheduling, the publication record, withdrawal and retraction. */
@Injectable()
export class PublicationService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly transitions: ProposalTransitions,
    private readonly proposals: ProposalReader,
    private readonly freezes: FreezesService,
    private readonly review: ReviewService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  async schedule(ctx: RequestContext, input: ScheduleInput): Promise<ProposalResultType> {
    const proposal = await this.access.forChange(
      ctx,
      input.proposalId,
      Operation.SCHEDULE_AND_PUBLISH,
    );
    const frozen = await this.frozenFor(ctx, proposal);
    if (frozen) return frozen;
    if (proposal.unscheduledByFreeze)
      requireBrandOperation(ctx, proposal.brandId, Operation.RESCHEDULE_AFTER_FREEZE);
    if (input.publishAt <= this.clock.now()) {
      throw DomainError.invalidField([
        { field: 'input.publishAt', rule: 'future', message: 'the time to publish has passed' },
      ]);
    }
    if (
      !transitionTarget(proposal.state, 'schedule') ||
      proposal.stanceType === StanceType.NO_PUBLIC_STATEMENT
    ) {
      return InvalidTransitionError.of(proposal.state, 'schedule');
    }
    const scheduled = await this.transitions.move(
      ctx,
      proposal,
      'schedule',
      ProposalState.SCHEDULED,
      {
        publishAt: input.publishAt,
        unscheduledByFreeze: false,
      },
    );
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'proposal.scheduled', {
        publishAt: input.publishAt,
        afterFreeze: proposal.unscheduledByFreeze,
      }),
    );
    return ProposalModel.from(scheduled);
  }

  /** The first channel published makes the proposal PUBLISHED; the others are recorded as they come. */
  async markPublished(ctx: RequestContext, input: MarkPublishedInput): Promise<ProposalResultType> {
    const proposal = await this.access.forChange(
      ctx,
      input.proposalId,
      Operation.SCHEDULE_AND_PUBLISH,
    );
    const frozen = await this.frozenFor(ctx, proposal);
    if (frozen) return frozen;
    if (!isHttpUrl(input.url)) {
      throw DomainError.invalidField([
        { field: 'input.url', rule: 'isUrl', message: 'the post URL must be an http(s) URL' },
      ]);
    }
    const first = proposal.state !== ProposalState.PUBLISHED;
    if (
      (first && !transitionTarget(proposal.state, 'publish')) ||
      proposal.stanceType === StanceType.NO_PUBLIC_STATEMENT
    ) {
      return InvalidTransitionError.of(proposal.state, 'publish');
    }
    const revision = await this.proposals.currentRevision(ctx, proposal);
    if (!revision.drafts.some((draft) => draft.channel === input.channel)) {
      throw DomainError.invalidField([
        {
          field: 'input.channel',
          rule: 'drafted',
          message: `the approved words have no ${input.channel} draft`,
        },
      ]);
    }
    const existing = await ctx.em.findOneBy(PublicationEntity, {
      proposalId: proposal.id,
      channel: input.channel,
    });
    if (existing) {
      if (existing.url === input.url) return ProposalModel.from(proposal);
      throw DomainError.conflict(
        `${input.channel} was recorded as published at ${existing.url} already`,
      );
    }
    await ctx.em.insert(PublicationEntity, {
      id: newId('pub'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      channel: input.channel,
      url: input.url,
      byId: requireUser(ctx).userId,
      publishedAt: this.clock.now(),
    });
    const current = first
      ? await this.transitions.move(ctx, proposal, 'publish', ProposalState.PUBLISHED)
      : proposal;
    await this.audit.append(
      ctx,
      proposalAuditEvent(proposal, 'proposal.published', {
        channel: input.channel,
        url: input.url,
        contentHash: revision.contentHash,
        state: { from: proposal.state, to: current.state },
      }),
    );
    return ProposalModel.from(current);
  }

  async withdraw(ctx: RequestContext, input: ReasonInput): Promise<ProposalResultType> {
    const proposal = await this.access.forChange(
      ctx,
      input.proposalId,
      Operation.WITHDRAW_PROPOSAL,
    );
    return this.endWithReason(ctx, proposal, 'withdraw', ProposalState.WITHDRAWN, input.reason);
  }

  async retract(ctx: RequestContext, input: ReasonInput): Promise<ProposalResultType> {
    const proposal = await this.access.forChange(
      ctx,
      input.proposalId,
      Operation.SCHEDULE_AND_PUBLISH,
    );
    return this.endWithReason(ctx, proposal, 'retract', ProposalState.RETRACTED, input.reason);
  }

  /**
   * Whether this exact text (as the content hash normalises it) is approved words of the brand for
   * the channel. A no is recorded (see reportUnapproved): the tool that asked may be publishing it.
   */
  async isApprovedContent(
    ctx: RequestContext,
    brandId: string,
    channel: Channel,
    body: string,
  ): Promise<boolean> {
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    const approved = await this.proposals.inStates(ctx, brandId, APPROVED_STATES);
    const revisions = await this.proposals.currentRevisions(ctx, approved);
    const text = normalizeBody(body);
    const isApproved = revisions.some((revision) =>
      revision.drafts.some(
        (draft) => draft.channel === channel && normalizeBody(draft.body) === text,
      ),
    );
    if (!isApproved) await this.reportUnapproved(ctx, brandId, channel, text);
    return isApproved;
  }

  /**
   * Records a negative answer as `publication.unapproved_content_reported` (its notices alert the
   * admins), with the text's hash, not the text. A read that writes: in a short transaction of its
   * own, and bounded so that no caller floods the brand's chain or its admins (UNAPPROVED_REPORTS).
   */
  private async reportUnapproved(
    ctx: RequestContext,
    brandId: string,
    channel: Channel,
    text: string,
  ): Promise<void> {
    const reporting = ctx.sibling();
    const bodyHash = createHash('sha256').update(text, 'utf8').digest('hex');
    const action = 'publication.unapproved_content_reported';
    await this.transactions.run(reporting, async () => {
      const since = new Date(this.clock.now().getTime() - UNAPPROVED_REPORTS.windowMs);
      const ofText = { brandId, action, entityId: bodyHash } as const;
      if ((await this.audit.countSince(reporting, ofText, since)) > 0) return;
      const ofBrand = await this.audit.countSince(reporting, { brandId, action }, since);
      if (ofBrand >= UNAPPROVED_REPORTS.perBrand) return;
      await this.audit.append(reporting, {
        brandId,
        action,
        entityType: 'PublishedContent',
        entityId: bodyHash,
        data: { channel, bodyHash },
      });
    });
  }

  private async endWithReason(
    ctx: RequestContext,
    proposal: ProposalEntity,
    transition: 'withdraw' | 'retract',
    to: ProposalState,
    reason: string,
  ): Promise<ProposalResultType> {
    if (!transitionTarget(proposal.state, transition))
      return InvalidTransitionError.of(proposal.state, transition);
    const ended = await this.transitions.move(ctx, proposal, transition, to, { publishAt: null });
    await this.review.cancelDeadlines(
      ctx,
      await this.review.currentSteps(ctx, proposal),
      `the proposal is ${to}`,
    );
    await this.audit.append(
      ctx,
      proposalAuditEvent(
        proposal,
        transition === 'withdraw' ? 'proposal.withdrawn' : 'proposal.retracted',
        {
          reason: reason.trim(),
          state: { from: proposal.state, to },
        },
      ),
    );
    return ProposalModel.from(ended);
  }

  /** The freeze that stops this actor from scheduling or publishing now, if any. */
  private async frozenFor(
    ctx: RequestContext,
    proposal: ProposalEntity,
  ): Promise<ContentFreezeActiveError | null> {
    const freeze = await this.freezes.active(ctx, proposal.brandId);
    if (!freeze) return null;
    const userId = requireUser(ctx).userId;
    return freeze.allowedUserIds.includes(userId)
      ? null
      : ContentFreezeActiveError.of(ContentFreezeModel.from(freeze));
  }
}
