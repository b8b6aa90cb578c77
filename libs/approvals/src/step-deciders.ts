import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { MembershipEntity, MembersService } from '@standpoint/identity';
import { ProposalEntity, RevisionEntity } from '@standpoint/proposals';
import { ApprovalStepEntity } from './approval-step.entity';
import { mayDecideNow, StepActivation, stepActivation, writersOf } from './rules';

/** Where one person stands towards deciding on a proposal's step, now. */
export interface DeciderStanding {
  /** They wrote words of the proposal (its author, or the writer of a revision): four eyes. */
  wroteWords: boolean;
  /** They were asked on the step and still hold a membership the step accepts. */
  eligibleNow: boolean;
  writerIds: string[];
}

/**
 * Who may decide on a step, read from the database in the change's transaction: the writers of
 * the proposal and the brand's memberships as they are now. The review asks these people when a
 * step activates; decisions, by GraphQL or by email link, are judged by the same facts.
 */
@Injectable()
export class StepDeciders {
  constructor(private readonly members: MembersService) {}

  /** Everyone who wrote words of the proposal: its author and the writer of each revision. */
  async writersOf(ctx: RequestContext, proposal: ProposalEntity): Promise<string[]> {
    const rows = await ctx.em
      .createQueryBuilder(RevisionEntity, 'r')
      .select('DISTINCT r.createdById', 'createdById')
      .where('r.proposalId = :proposalId', { proposalId: proposal.id })
      .getRawMany<{ createdById: string }>();
    return writersOf(
      proposal.authorId,
      rows.map((row) => row.createdById),
    );
  }

  /** Who is asked, how many must approve and the status, for a step activated (or escalated) now. */
  async activation(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    escalated: boolean,
  ): Promise<StepActivation> {
    const members = await this.members.ofBrand(ctx, proposal.brandId);
    const writers = await this.writersOf(ctx, proposal);
    return stepActivation(step.definition, members, writers, escalated);
  }

  /**
   * Whether `userId` wrote words of the proposal and whether they may decide on `step` now (none:
   * no step awaits a decision). Their membership is read as it is at this moment, not as it was
   * when the step started.
   */
  async standing(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity | null,
    userId: string,
  ): Promise<DeciderStanding> {
    const writerIds = await this.writersOf(ctx, proposal);
    const membership = await ctx.em.findOneBy(MembershipEntity, {
      brandId: proposal.brandId,
      userId,
    });
    const member = membership && { userId, roles: membership.roles };
    return {
      wroteWords: writerIds.includes(userId),
      eligibleNow: !!step && mayDecideNow(step, userId, member),
      writerIds,
    };
  }
}
