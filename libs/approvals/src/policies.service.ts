import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { AuditContribution } from '@standpoint/events';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { DomainError } from '@standpoint/errors';
import {
  MembersService,
  Operation,
  requireBrandOperation,
  requireUser,
} from '@standpoint/identity';
import { ApprovalPolicyEntity } from './approval-policy.entity';
import { SetApprovalPolicyInput } from './inputs/set-approval-policy.input';
import { ApprovalPolicyModel } from './models/approval-policy.model';
import {
  DEFAULT_POLICY_STEPS,
  Member,
  PasskeyRequirement,
  PolicyStep,
  policyProblems,
  Quorum,
} from './rules';

/** The brand's approval policy, in versions: a proposal is pinned to the one it was submitted under. */
@Injectable()
export class PoliciesService {
  constructor(
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The version in force: the latest one. */
  async current(ctx: RequestContext, brandId: string): Promise<ApprovalPolicyEntity> {
    const policy = await ctx.em.findOne(ApprovalPolicyEntity, {
      where: { brandId },
      order: { version: 'DESC' },
    });
    if (!policy) throw new Error(`brand ${brandId} has no approval policy`);
    return policy;
  }

  /** The given version, or the one in force when none is given. */
  async version(
    ctx: RequestContext,
    brandId: string,
    version: number | null,
  ): Promise<ApprovalPolicyEntity> {
    if (version === null) return this.current(ctx, brandId);
    return ctx.em.findOneByOrFail(ApprovalPolicyEntity, { brandId, version });
  }

  async get(ctx: RequestContext, brandId: string): Promise<ApprovalPolicyModel> {
    requireBrandOperation(ctx, brandId, Operation.READ_BRAND);
    return ApprovalPolicyModel.from(await this.current(ctx, brandId));
  }

  /** Every brand starts with one step: any approver. Run as the brand is created (brand.created). */
  async createDefault(
    ctx: RequestContext,
    brandId: string,
  ): Promise<AuditContribution<'brand.created'>> {
    const steps = DEFAULT_POLICY_STEPS.map((step) => ({ ...step }));
    await ctx.em.insert(
      ApprovalPolicyEntity,
      this.row(brandId, 1, steps, PasskeyRequirement.NONE, null),
    );
    return { approvalPolicy: { version: 1, steps } };
  }

  /** Writes the next version of the policy, checked against the brand's members. */
  async set(ctx: RequestContext, input: SetApprovalPolicyInput): Promise<ApprovalPolicyModel> {
    requireBrandOperation(ctx, input.brandId, Operation.SET_APPROVAL_POLICY);
    const members: Member[] = (await this.members.ofBrand(ctx, input.brandId)).map((m) => ({
      userId: m.userId,
      roles: m.roles,
    }));
    const steps = input.steps.map((step): PolicyStep => ({
      name: step.name.trim(),
      role: step.role ?? null,
      approverIds: step.approverIds ?? [],
      quorum: step.quorum,
      minApprovals: step.quorum === Quorum.COUNT ? (step.minApprovals ?? 0) : 1,
      appliesWhen: step.appliesWhen ? { ...step.appliesWhen } : null,
      slaHours: step.slaHours ?? null,
      escalateToIds: step.escalateToIds ?? [],
      expireOnTimeout: step.expireOnTimeout ?? false,
    }));
    const problems = policyProblems(steps, members);
    if (problems.length > 0) throw DomainError.invalidField(problems);

    const previous = await this.current(ctx, input.brandId);
    const passkeyRequiredFor = input.passkeyRequiredFor ?? previous.passkeyRequiredFor;
    const policy = this.row(
      input.brandId,
      previous.version + 1,
      steps,
      passkeyRequiredFor,
      requireUser(ctx).userId,
    );
    await ctx.em.insert(ApprovalPolicyEntity, policy);
    await this.audit.append(ctx, {
      brandId: input.brandId,
      action: 'approval_policy.set',
      entityType: 'ApprovalPolicy',
      entityId: policy.id,
      data: {
        before: {
          version: previous.version,
          steps: previous.steps,
          passkeyRequiredFor: previous.passkeyRequiredFor,
        },
        after: { version: policy.version, steps, passkeyRequiredFor },
      },
    });
    return ApprovalPolicyModel.from(policy);
  }

  private row(
    brandId: string,
    version: number,
    steps: PolicyStep[],
    passkeyRequiredFor: PasskeyRequirement,
    createdById: string | null,
  ): ApprovalPolicyEntity {
    return {
      id: newId('apl'),
      brandId,
      version,
      steps,
      passkeyRequiredFor,
      createdById,
      createdAt: this.clock.now(),
    };
  }
}
