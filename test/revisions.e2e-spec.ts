import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const CREATE = `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id version currentRevision { contentHash } } }`;
const REVISE = `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) {
  __typename
  ... on Proposal { version currentRevision { number contentHash drafts { channel body } } }
  ... on VersionConflictError { errorCode message currentVersion }
  ... on InvalidTransitionError { errorCode fromState transition }
} }`;

// X counts a URL as 23 and this emoji as 2 (twitter-text's weighted length).
const URL = 'https://example.com/a/long/path/to/our/relief/partners/page';
const xText = (weighted: number) => `${'a'.repeat(weighted - 23 - 2 - 2)} ✊ ${URL}`;

describe('revisions', () => {
  const app = useTestApp(AppModule);
  let brand: TestBrand;
  let manager: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
  });

  const create = async (drafts: unknown[] = [{ channel: 'X', body: 'First words' }]) => {
    const response = await app.gql(
      CREATE,
      {
        input: {
          brandId: brand.id,
          title: 'A stance',
          issue: 'Pride',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts,
        },
      },
      manager.token,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createProposal as {
      id: string;
      version: number;
      currentRevision: { contentHash: string };
    };
  };
  const revise = (input: Record<string, unknown>) => app.gql(REVISE, { input }, manager.token);
  const eventsOf = async (proposalId: string) =>
    (await app.auditChain(brand.id))
      .filter((event) => event.entityId === proposalId)
      .map((event) => event);

  it('counts X drafts as X does: 280 weighted characters with an emoji and a URL pass, 281 do not', async () => {
    const passing = await create([{ channel: 'X', body: xText(280) }]);
    expect(passing.id).toMatch(/^prp_/);

    const refused = await app.gql(
      CREATE,
      {
        input: {
          brandId: brand.id,
          title: 'Too long',
          issue: 'Pride',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts: [{ channel: 'X', body: xText(281) }],
        },
      },
      manager.token,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].message).toMatch(
      /X allows 280 weighted characters; this draft has 281/,
    );
    expect(refused.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'input.drafts[0].body', rules: ['maxLength'] }),
    ]);
  });

  it('refuses a second draft for one channel and media links that are not http(s)', async () => {
    const response = await revise({
      proposalId: (await create()).id,
      drafts: [
        { channel: 'X', body: 'one' },
        { channel: 'X', body: 'two', mediaUrls: ['ftp://files.example.com/a.png'] },
      ],
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(
      (response.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field),
    ).toEqual(['input.drafts[1].channel', 'input.drafts[1].mediaUrls[0]']);
  });

  it('makes a new immutable revision with its own hash, and audits the before and after', async () => {
    const proposal = await create();
    const response = await revise({
      proposalId: proposal.id,
      expectedVersion: 1,
      drafts: [{ channel: 'X', body: 'Second words' }],
    });
    expect(response.data?.reviseProposal).toEqual({
      __typename: 'Proposal',
      version: 2,
      currentRevision: {
        number: 2,
        contentHash: expect.any(String),
        drafts: [{ channel: 'X', body: 'Second words' }],
      },
    });
    const secondHash = response.data?.reviseProposal.currentRevision.contentHash;
    expect(secondHash).not.toBe(proposal.currentRevision.contentHash);

    const history = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { revisions { number contentHash drafts { body } } } }',
      { id: proposal.id },
      manager.token,
    );
    expect(history.data?.proposal.revisions).toEqual([
      {
        number: 1,
        contentHash: proposal.currentRevision.contentHash,
        drafts: [{ body: 'First words' }],
      },
      { number: 2, contentHash: secondHash, drafts: [{ body: 'Second words' }] },
    ]);
    const events = await eventsOf(proposal.id);
    expect(events.map((e) => e.action)).toEqual(['proposal.created', 'proposal.revised']);
    expect(events[1].data).toEqual({
      from: { revision: 1, contentHash: proposal.currentRevision.contentHash, version: 1 },
      to: { revision: 2, contentHash: secondHash, version: 2 },
      channels: ['X'],
    });
  });

  it('changes and records nothing when the words are the same once normalised', async () => {
    const proposal = await create([{ channel: 'X', body: 'Same words' }]);
    const response = await revise({
      proposalId: proposal.id,
      drafts: [{ channel: 'X', body: 'Same words  \r\n' }],
    });
    expect(response.data?.reviseProposal).toMatchObject({
      version: 1,
      currentRevision: { number: 1 },
    });
    expect((await eventsOf(proposal.id)).map((e) => e.action)).toEqual(['proposal.created']);
  });

  it('answers a stale expectedVersion with VersionConflictError and the current version', async () => {
    const proposal = await create();
    await revise({
      proposalId: proposal.id,
      expectedVersion: 1,
      drafts: [{ channel: 'X', body: 'v2' }],
    });
    const stale = await revise({
      proposalId: proposal.id,
      expectedVersion: 1,
      drafts: [{ channel: 'X', body: 'lost update' }],
    });
    expect(stale.data?.reviseProposal).toEqual({
      __typename: 'VersionConflictError',
      errorCode: 'VERSION_CONFLICT',
      message: expect.stringContaining('version 2'),
      currentVersion: 2,
    });
  });

  it('lets exactly one of two concurrent revisions from the same version win', async () => {
    const proposal = await create();
    const results = await Promise.all(
      ['Draft by Ana', 'Draft by Ben'].map((body) =>
        revise({ proposalId: proposal.id, expectedVersion: 1, drafts: [{ channel: 'X', body }] }),
      ),
    );
    const outcomes = results.map((r) => r.data?.reviseProposal.__typename).sort();
    expect(outcomes).toEqual(['Proposal', 'VersionConflictError']);
    const winner = results.find((r) => r.data?.reviseProposal.__typename === 'Proposal')!;
    const loser = results.find(
      (r) => r.data?.reviseProposal.__typename === 'VersionConflictError',
    )!;
    expect(loser.data?.reviseProposal.currentVersion).toBe(2);

    const read = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { version revisions { number drafts { body } } } }',
      { id: proposal.id },
      manager.token,
    );
    expect(read.data?.proposal).toEqual({
      version: 2,
      revisions: [
        { number: 1, drafts: [{ body: 'First words' }] },
        {
          number: 2,
          drafts: [{ body: winner.data?.reviseProposal.currentRevision.drafts[0].body }],
        },
      ],
    });
    expect((await eventsOf(proposal.id)).map((e) => e.action)).toEqual([
      'proposal.created',
      'proposal.revised',
    ]);
  });
});
