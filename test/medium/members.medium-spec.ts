import {
  ApprovalStepEntity,
  DecisionOutcome,
  DecisionsService,
  Quorum,
} from '@standpoint/approvals';
import { AuditService } from '@standpoint/audit';
import { MembershipEntity, MembersService, Role, UserEntity } from '@standpoint/identity';
import { ProposalEntity, ProposalState } from '@standpoint/proposals';
import { useTestServices } from '@standpoint/testing';
import { CliModule } from '../../apps/cli/src/cli.module';
import { ServiceFixtures } from './service-fixtures';

/**
 * MembersService on the real database: the last ADMIN under concurrent removals, and the review
 * steps that follow a membership change. test/members.e2e-spec.ts and
 * test/eligibility-follows-membership.e2e-spec.ts hold the same through GraphQL, with the emails,
 * webhooks and decision pages they lead to.
 */
describe('MembersService', () => {
  const s = useTestServices(CliModule);
  const fixtures = () => new ServiceFixtures(s);
  const members = () => s.get(MembersService);

  it('keeps the last ADMIN when two ADMINs remove each other at the same moment', async () => {
    const f = fixtures();
    const brandId = await f.brand();
    const [first, second] = [
      await f.member(brandId, [Role.ADMIN]),
      await f.member(brandId, [Role.ADMIN]),
    ];
    const answers = await Promise.allSettled([
      s.as(first, (ctx) => members().remove(ctx, brandId, second)),
      s.as(second, (ctx) => members().remove(ctx, brandId, first)),
    ]);
    const refusals = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason.code] : []));
    // The loser finds itself removed (NOT_FOUND) or the last ADMIN (CONFLICT).
    expect(refusals).toHaveLength(1);
    expect(['CONFLICT', 'NOT_FOUND']).toContain(refusals[0]);
    const left = await s.asSystem((ctx) => ctx.em.findBy(MembershipEntity, { brandId }));
    expect(left.map((m) => m.roles)).toEqual([[Role.ADMIN]]);
  });

  it('satisfies an ALL step once its remaining approvers have all approved, when the last is demoted', async () => {
    const f = fixtures();
    const brandId = await f.brand();
    const manager = await f.member(brandId, [Role.SOCIAL_MANAGER]);
    const [first, second, demoted] = [
      await f.member(brandId, [Role.APPROVER]),
      await f.member(brandId, [Role.APPROVER]),
      await f.member(brandId, [Role.APPROVER]),
    ];
    await f.policy(brandId, await f.member(brandId, [Role.ADMIN]), [
      { name: 'Leadership', role: Role.APPROVER, quorum: Quorum.ALL },
    ]);
    const proposal = await f.inReview(brandId, manager);
    for (const approver of [first, second]) {
      await s.as(approver, (ctx) =>
        s.get(DecisionsService).decide(ctx, {
          proposalId: proposal.id,
          outcome: DecisionOutcome.APPROVE,
          contentHash: proposal.contentHash,
        }),
      );
    }

    await s.asSystem(async (ctx) => {
      const { email, name } = await ctx.em.findOneByOrFail(UserEntity, { id: demoted });
      await members().add(ctx, { brandId, email, name, roles: [Role.CONTRIBUTOR] });
    });

    const { proposalState, steps, events } = await s.asSystem(async (ctx) => ({
      proposalState: (await ctx.em.findOneByOrFail(ProposalEntity, { id: proposal.id })).state,
      steps: await ctx.em.findBy(ApprovalStepEntity, { proposalId: proposal.id }),
      events: (await s.get(AuditService).chain(ctx, brandId)).filter(
        (e) => e.action === 'step.approver_removed',
      ),
    }));
    expect(proposalState).toBe(ProposalState.APPROVED);
    expect(steps.map((step) => step.eligibleApproverIds.sort())).toEqual([[first, second].sort()]);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        proposalId: proposal.id,
        approverId: demoted,
        why: 'ROLES_CHANGED',
        approvals: { count: 2, required: 2 },
        stepStatus: { from: 'ACTIVE', to: 'SATISFIED' },
        proposalState: { from: 'IN_REVIEW', to: 'APPROVED' },
        unsatisfiable: false,
      }),
    ]);
  });
});
