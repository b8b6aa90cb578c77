import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { BrandModel, Operation, requireBrandOperation } from '@standpoint/identity';
import { ContentFreezeModel } from '@standpoint/proposals';
import { FreezesService } from './freezes.service';
import { SetApprovalPolicyInput } from './inputs/set-approval-policy.input';
import { ApprovalPolicyModel } from './models/approval-policy.model';
import { PoliciesService } from './policies.service';

/** A brand's approval policy and its content freeze. */
@Resolver(() => BrandModel)
export class BrandApprovalResolver {
  constructor(
    private readonly policies: PoliciesService,
    private readonly freezes: FreezesService,
  ) {}

  @Mutation(() => ApprovalPolicyModel)
  setApprovalPolicy(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SetApprovalPolicyInput,
  ): Promise<ApprovalPolicyModel> {
    return this.policies.set(ctx, input);
  }

  @ResolveField(() => ApprovalPolicyModel, { description: 'The policy version in force.' })
  approvalPolicy(
    @Ctx() ctx: RequestContext,
    @Parent() brand: BrandModel,
  ): Promise<ApprovalPolicyModel> {
    return this.policies.get(ctx, brand.id);
  }

  @ResolveField(() => ContentFreezeModel, {
    nullable: true,
    description: 'The freeze holding now, if any.',
  })
  async contentFreeze(
    @Ctx() ctx: RequestContext,
    @Parent() brand: BrandModel,
  ): Promise<ContentFreezeModel | null> {
    requireBrandOperation(ctx, brand.id, Operation.READ_BRAND);
    const freeze = await this.freezes.active(ctx, brand.id);
    return freeze ? ContentFreezeModel.from(freeze) : null;
  }
}
