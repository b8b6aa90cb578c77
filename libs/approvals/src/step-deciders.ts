import { Injectable } from '@nestjs/common';
import { RequestContext } from '@standpoint/database';
import { identityLoaders, MembersService } from '@standpoint/identity';
import type { ProposalEntity } from '@standpoint/proposals';
import { ApprovalStepEntity } from './approval-step.entity';
import { mayDecideNow, StepActivation, stepActivation } from './rules';

/** Where one person stands towards deciding on a proposal's step, now. */
export interface DeciderStanding {
  /** They wrote words of the proposal (its author, or the writer of a revision): four eyes. */
  wroteWords: boolean;
  /** They were asked on the step and still hold a membership the step accepts. */
  eligibleNow: boolean;
}

/**
 * Who may decide on a step, judged in the change's transaction by the writers of the proposal (as
 * the dossier read them, `Dossier.writerIds`) and the brand's memberships as they are now. The
 * review asks these people when a step activates; decisions, by GraphQL or by email link, are
 * judged by the same facts.
 */
@Injectable()
export class StepDeciders {
  constructor(private readonly members: MembersService) {}

  /** Who is asked, how many must approve and the status, for a step activated (or escalated) now. */
  async activation(
    ctx: RequestContext,
    proposal: ProposalEntity,
    step: ApprovalStepEntity,
    escalated: boolean,
    writerIds: readonly string[],
  ): Promise<StepActivation> {
    const members = await this.members.ofBrand(ctx, proposal.brandId);
    return stepActivation(step.definition, members, writerIds, escalated);
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
    writerIds: readonly string[],
  ): Promise<DeciderStanding> {
    const memberships = await identityLoaders.membershipsByBrand(ctx).load(proposal.brandId);
    const membership = memberships.find((m) => m.userId === userId);
    const member = membership ? { userId, roles: membership.roles } : null;
    return {
      wroteWords: writerIds.includes(userId),
      eligibleNow: !!step && mayDecideNow(step, userId, member),
    };
  }
}
