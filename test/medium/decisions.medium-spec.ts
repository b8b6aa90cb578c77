import { DecisionOutcome, DecisionsService, Quorum, StepStatus } from '@standpoint/approvals';
import { AuditService, verifyChain } from '@standpoint/audit';
import { Role } from '@standpoint/identity';
import { ProposalEntity, ProposalState } from '@standpoint/proposals';
import { useTestServices } from '@standpoint/testing';
import { CliModule } from '../../apps/cli/src/cli.module';
import { DecisionEntity } from '../../libs/approvals/src/decision.entity';
import { ApprovalStepEntity } from '../../libs/approvals/src/approval-step.entity';
import { ServiceFixtures, ServiceProposal } from './service-fixtures';

/**
 * Decisions at the service level, on the real database: what they do to the proposal, the steps
 * and the audit trail, and how concurrent decisions are counted. test/decisions.e2e-spec.ts holds
 * the same through GraphQL, with the answers a client reads.
 */
describe('DecisionsService', () => {
  const s = useTestServices(CliModule);
  const fixtures = () => new ServiceFixtures(s);

  const decide = (
    approverId: string,
    proposal: ServiceProposal,
    outcome: DecisionOutcome,
    comment?: string,
  ) =>
    s.as(approverId, (ctx) =>
      s.get(DecisionsService).decide(ctx, {
        proposalId: proposal.id,
        outcome,
        contentHash: proposal.contentHash,
        comment,
      }),
    );
  /** What the caller is answered: a Decision, or the error result's code. */
  const answer = (result: object) =>
    'errorCode' in result ? (result as { errorCode: string }).errorCode : 'Decision';
  const stateOf = (proposalId: string) =>
    s.asSystem(
      async (ctx) => (await ctx.em.findOneByOrFail(ProposalEntity, { id: proposalId })).state,
    );
  const decisionEvents = (brandId: string, proposalId: string) =>
    s.asSystem(async (ctx) =>
      (await s.get(AuditService).chain(ctx, brandId))
        .filter((e) => e.action === 'decision.recorded')
        .map((e) => e.data as Record<string, any>)
        .filter((data) => data.proposalId === proposalId),
    );

  it('one REJECT rejects, and no decision can follow', async () => {
    const f = fixtures();
    const brandId = await f.brand();
    const manager = await f.member(brandId, [Role.SOCIAL_MANAGER]);
    const approvers = [
      await f.member(brandId, [Role.APPROVER]),
      await f.member(brandId, [Role.APPROVER]),
      await f.member(brandId, [Role.APPROVER]),
    ];
    await f.policy(brandId, await f.member(brandId, [Role.ADMIN]), [
      { name: 'Leadership', role: Role.APPROVER, quorum: Quorum.COUNT, minApprovals: 2 },
    ]);
    const proposal = await f.inReview(brandId, manager);

    expect(answer(await decide(approvers[0], proposal, DecisionOutcome.APPROVE))).toBe('Decision');
    expect(
      answer(await decide(approvers[1], proposal, DecisionOutcome.REJECT, 'Not our fight')),
    ).toBe('Decision');
    expect(await stateOf(proposal.id)).toBe(ProposalState.REJECTED);
    for (const [approver, outcome] of [
      [approvers[2], DecisionOutcome.APPROVE],
      [approvers[2], DecisionOutcome.REJECT],
      [approvers[1], DecisionOutcome.APPROVE],
    ] as const) {
      expect(await decide(approver, proposal, outcome, 'Late')).toMatchObject({
        errorCode: 'INVALID_TRANSITION',
        fromState: ProposalState.REJECTED,
        transition: 'decide',
      });
    }
    expect((await decisionEvents(brandId, proposal.id)).map((d) => d.proposalState)).toEqual([
      { from: 'IN_REVIEW', to: 'IN_REVIEW' },
      { from: 'IN_REVIEW', to: 'REJECTED' },
    ]);
  });

  it('counts 50 approvals at the same moment exactly, and approves exactly once', async () => {
    const f = fixtures();
    const brandId = await f.brand();
    const manager = await f.member(brandId, [Role.SOCIAL_MANAGER]);
    const approvers: string[] = [];
    for (let i = 0; i < 50; i++) approvers.push(await f.member(brandId, [Role.APPROVER]));
    await f.policy(brandId, await f.member(brandId, [Role.ADMIN]), [
      { name: 'Everyone', approverIds: approvers, quorum: Quorum.ALL },
    ]);
    const proposal = await f.inReview(brandId, manager);

    const answers = await Promise.all(
      approvers.map((a) => decide(a, proposal, DecisionOutcome.APPROVE)),
    );
    expect(answers.map(answer)).toEqual(approvers.map(() => 'Decision'));

    expect(await stateOf(proposal.id)).toBe(ProposalState.APPROVED);
    const { decisions, steps } = await s.asSystem(async (ctx) => ({
      decisions: await ctx.em.findBy(DecisionEntity, { proposalId: proposal.id }),
      steps: await ctx.em.findBy(ApprovalStepEntity, { proposalId: proposal.id }),
    }));
    expect(new Set(decisions.map((d) => d.approverId))).toEqual(new Set(approvers));
    expect(decisions).toHaveLength(50);
    expect(steps.map((step) => [step.status, step.requiredApprovals])).toEqual([
      [StepStatus.SATISFIED, 50],
    ]);

    const events = await decisionEvents(brandId, proposal.id);
    expect(events.filter((d) => d.proposalState.to !== 'IN_REVIEW')).toEqual([
      expect.objectContaining({ proposalState: { from: 'IN_REVIEW', to: 'APPROVED' } }),
    ]);
    // Each counted the ones before it: 0, 1, ..., 49.
    expect(events.map((d) => d.approvals.before).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    const chain = await s.asSystem((ctx) => s.get(AuditService).chain(ctx, brandId));
    expect(verifyChain(chain)).toMatchObject({ valid: true, checkedEvents: chain.length });
  });
});
