import { ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { ProposalModel, ProposalResult, ProposalResultType } from '@standpoint/proposals';
import { approvalLoaders } from './approvals.loaders';
import { DecisionsService } from './decisions.service';
import { DecideInput } from './inputs/decide.input';
import { DecisionPasskeyChallengeInput } from './inputs/decision-passkey-challenge.input';
import { ApprovalStepModel } from './models/approval-step.model';
import { DecideResult, DecideResultType } from './models/decide-result';
import { DecisionModel } from './models/decision.model';
import { ReviewService } from './review.service';
import { DecisionOutcome } from './rules';

@Resolver(() => ProposalModel)
export class ReviewResolver {
  constructor(
    private readonly review: ReviewService,
    private readonly decisionsService: DecisionsService,
  ) {}

  @Mutation(() => ProposalResult)
  submitProposal(
    @Ctx() ctx: RequestContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
  ): Promise<ProposalResultType> {
    return this.review.submit(ctx, proposalId);
  }

  @Mutation(() => DecideResult)
  decide(@Ctx() ctx: RequestContext, @Args('input') input: DecideInput): Promise<DecideResultType> {
    return this.decisionsService.decide(ctx, input);
  }

  @Mutation(() => String, {
    description:
      'Options for navigator.credentials.get, as JSON, whose challenge commits to this decision (brand, proposal, the step awaiting a decision, outcome, content hash) and a single-use nonce; it answers once, within 5 minutes. A mutation: the challenge is stored.',
  })
  decisionPasskeyChallenge(
    @Ctx() ctx: RequestContext,
    @Args('input') input: DecisionPasskeyChallengeInput,
  ): Promise<string> {
    return this.decisionsService.passkeyChallenge(ctx, input);
  }

  @ResolveField(() => [ApprovalStepModel], {
    description: 'The steps of the current review round, in order.',
  })
  async approvalSteps(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<ApprovalStepModel[]> {
    const [steps, decisions] = [
      await approvalLoaders.stepsByProposal(ctx).load(proposal.id),
      await approvalLoaders.decisionsByProposal(ctx).load(proposal.id),
    ];
    return steps
      .filter((step) => step.round === proposal.reviewRound)
      .map((step) =>
        Object.assign(new ApprovalStepModel(), {
          name: step.name,
          order: step.order,
          status: step.status,
          requiredApprovals: step.requiredApprovals,
          approvals: decisions.filter(
            (d) =>
              d.stepId === step.id &&
              d.outcome === DecisionOutcome.APPROVE &&
              d.revisionNumber === proposal.currentRevisionNumber,
          ).length,
          dueAt: step.dueAt,
          escalated: step.escalated,
          eligibleApproverIds: step.eligibleApproverIds,
        }),
      );
  }

  @ResolveField(() => [DecisionModel], {
    description: 'Every decision, oldest first; stale ones are kept and marked.',
  })
  async decisions(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<DecisionModel[]> {
    const rows = await approvalLoaders.decisionsByProposal(ctx).load(proposal.id);
    const current = { revisionNumber: proposal.currentRevisionNumber, round: proposal.reviewRound };
    return rows.map((row) => DecisionModel.from(row, current));
  }
}

@Resolver(() => ApprovalStepModel)
export class ApprovalStepResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => [UserModel])
  eligibleApprovers(
    @Ctx() ctx: RequestContext,
    @Parent() step: ApprovalStepModel,
  ): Promise<UserModel[]> {
    return Promise.all(step.eligibleApproverIds.map((id) => this.users.referenced(ctx, id)));
  }
}

@Resolver(() => DecisionModel)
export class DecisionResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  approver(@Ctx() ctx: RequestContext, @Parent() decision: DecisionModel): Promise<UserModel> {
    return this.users.referenced(ctx, decision.approverId);
  }
}
