import { Role } from '@standpoint/identity';
import { ProposalEntity, ProposalState, ProposalTransitions } from '@standpoint/proposals';
import { useTestServices } from '@standpoint/testing';
import { CliModule } from '../../apps/cli/src/cli.module';
import { ServiceFixtures } from './service-fixtures';

/**
 * The one writer of a proposal's state and version, on the real database: a write made on the
 * proposal as read lands; one made on a stale read changes nothing.
 */
describe('ProposalTransitions', () => {
  const s = useTestServices(CliModule);

  const read = (proposalId: string) =>
    s.asSystem((ctx) => ctx.em.findOneByOrFail(ProposalEntity, { id: proposalId }));

  async function proposalInReview(): Promise<ProposalEntity> {
    const f = new ServiceFixtures(s);
    const brandId = await f.brand();
    const { id } = await f.inReview(brandId, await f.member(brandId, [Role.SOCIAL_MANAGER]));
    return read(id);
  }

  it('moves the proposal as read and answers it with the next version', async () => {
    const proposal = await proposalInReview();

    const moved = await s.asSystem((ctx) =>
      s
        .get(ProposalTransitions)
        .move(ctx, proposal, 'requestChanges', ProposalState.CHANGES_REQUESTED),
    );

    const stored = await read(proposal.id);
    expect(moved).toMatchObject({
      state: ProposalState.CHANGES_REQUESTED,
      version: proposal.version + 1,
    });
    expect(stored).toMatchObject({
      state: ProposalState.CHANGES_REQUESTED,
      version: proposal.version + 1,
    });
  });

  it('refuses a move made on a stale read, and changes nothing', async () => {
    const stale = await proposalInReview();
    await s.asSystem((ctx) =>
      s.get(ProposalTransitions).move(ctx, stale, 'reject', ProposalState.REJECTED),
    );

    const second = s.asSystem((ctx) =>
      s.get(ProposalTransitions).move(ctx, stale, 'expire', ProposalState.EXPIRED),
    );

    await expect(second).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await read(stale.id)).toMatchObject({
      state: ProposalState.REJECTED,
      version: stale.version + 1,
    });
  });

  it('points the proposal at its next revision only from the version as read', async () => {
    const proposal = await proposalInReview();
    const transitions = s.get(ProposalTransitions);

    const advanced = await s.asSystem((ctx) =>
      transitions.advanceRevision(ctx, proposal, 'new words'),
    );
    const stale = await s.asSystem((ctx) =>
      transitions.advanceRevision(ctx, proposal, 'other words'),
    );

    expect(advanced).toMatchObject({
      state: ProposalState.IN_REVIEW,
      version: proposal.version + 1,
      currentRevisionNumber: proposal.currentRevisionNumber + 1,
    });
    expect(stale).toBeUndefined();
    expect(await read(proposal.id)).toMatchObject({
      version: proposal.version + 1,
      currentRevisionNumber: proposal.currentRevisionNumber + 1,
      searchText: 'new words',
    });
  });
});
