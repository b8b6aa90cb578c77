import { errorCodes, TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../src/app.module';

/**
 * The permission matrix of the proposals feature (DESIGN.md, "Who may do what"), exhaustively:
 * every operation × every role × the member's own brand and another brand.
 *
 * - In their own brand, a member with a role that may do it gets data and no error; a member
 *   without such a role gets FORBIDDEN, no data, and nothing changes (no audit event appears).
 * - A member of another brand, holding the same role there, gets NOT_FOUND for brand A's objects:
 *   never data, and nothing changes.
 */

const ROLES = [
  'ADMIN',
  'SOCIAL_MANAGER',
  'CONTRIBUTOR',
  'REVIEWER',
  'APPROVER',
  'AUDITOR',
] as const;
type Role = (typeof ROLES)[number];

const Y = 'allowed';
const N = 'refused';
/**
 * Not a row: evidence is corrected and withdrawn only by the member who added it, and ADMIN,
 * APPROVER and AUDITOR may not add evidence at all, so they have none of their own to correct or
 * withdraw. (That nobody may correct or withdraw somebody else's evidence is tested below.)
 */
const _ = 'no row';
type Cell = typeof Y | typeof N | typeof _;

// prettier-ignore
const EXPECTED = {
  //                       ADMIN  SOCIAL_MANAGER  CONTRIBUTOR  REVIEWER  APPROVER  AUDITOR
  createProposal:         [N,     Y,              N,           N,        N,        N],
  reviseProposal:         [N,     Y,              N,           N,        N,        N],
  setRecommendation:      [N,     Y,              N,           N,        N,        N],
  addEvidence:            [N,     Y,              Y,           Y,        N,        N],
  addRiskNote:            [N,     Y,              Y,           Y,        N,        N],
  updateRiskNote:         [N,     Y,              Y,           Y,        N,        N],
  citePrecedent:          [N,     Y,              Y,           Y,        N,        N],
  correctEvidence:        [_,     Y,              Y,           Y,        _,        _],
  withdrawEvidence:       [_,     Y,              Y,           Y,        _,        _],
  addComment:             [Y,     Y,              Y,           Y,        Y,        N],
  'proposal(id)':         [Y,     Y,              Y,           Y,        Y,        Y],
  'proposals(brandId)':   [Y,     Y,              Y,           Y,        Y,        Y],
  'precedents(brandId)':  [Y,     Y,              Y,           Y,        Y,        Y],
} satisfies Record<string, readonly [Cell, Cell, Cell, Cell, Cell, Cell]>;
type OperationName = keyof typeof EXPECTED;

const unique = () => randomBytes(4).toString('hex');

describe('proposal permissions', () => {
  const app = useTestApp(AppModule);
  let brandA: TestBrand;
  let brandB: TestBrand;
  const memberA = {} as Record<Role, TestMember>;
  const memberB = {} as Record<Role, TestMember>;
  let author: TestMember; // a social manager of A who creates the fixture proposals
  let contributor: TestMember; // a contributor of A who adds the fixture evidence and risk notes
  let proposal: { id: string; title: string }; // brand A's proposal most rows act on
  let precedentId: string; // a peer-brand example in another proposal of brand A

  async function ok<T = any>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> {
    const response = await app.gql<T>(query, variables, token);
    if (!response.data || response.errors) {
      throw new Error(`fixture operation failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  async function createProposal(brandId = brandA.id, token = author.token) {
    const title = `Proposal ${unique()}`;
    const data = await ok<{ createProposal: { id: string; title: string } }>(
      'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id title } }',
      {
        input: {
          brandId,
          title,
          issue: 'Pay equity',
          stanceType: 'STATEMENT',
          urgency: 'ROUTINE',
          drafts: [{ channel: 'LINKEDIN', body: `We stand for equal pay. ${title}` }],
        },
      },
      token,
    );
    return data.createProposal;
  }

  async function addEvidence(by: TestMember, proposalId = proposal.id): Promise<string> {
    const data = await ok<{ addEvidence: { id: string } }>(
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      {
        input: {
          proposalId,
          kind: 'EMPLOYEE_SENTIMENT',
          summary: `Staff survey comments ${unique()}`,
        },
      },
      by.token,
    );
    return data.addEvidence.id;
  }

  async function addRiskNote(by: TestMember): Promise<string> {
    const data = await ok<{ addRiskNote: { id: string } }>(
      'mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { id } }',
      {
        input: {
          proposalId: proposal.id,
          category: 'BACKLASH',
          likelihood: 3,
          impact: 4,
          description: `Customers may object ${unique()}`,
        },
      },
      by.token,
    );
    return data.addRiskNote.id;
  }

  beforeAll(async () => {
    const fixtures = app.fixtures;
    await fixtures.admin();
    [brandA, brandB] = await Promise.all([fixtures.brand(), fixtures.brand()]);
    const members = await Promise.all([
      ...ROLES.map((role) => fixtures.member(brandA.id, [role])),
      ...ROLES.map((role) => fixtures.member(brandB.id, [role])),
      fixtures.member(brandA.id, ['SOCIAL_MANAGER']),
      fixtures.member(brandA.id, ['CONTRIBUTOR']),
    ]);
    ROLES.forEach((role, i) => {
      memberA[role] = members[i];
      memberB[role] = members[ROLES.length + i];
    });
    [author, contributor] = members.slice(2 * ROLES.length);

    proposal = await createProposal();
    const origin = await createProposal();
    const peerExample = await ok<{ addEvidence: { id: string } }>(
      'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      {
        input: {
          proposalId: origin.id,
          kind: 'PEER_BRAND_EXAMPLE',
          summary: 'A peer brand spoke up on pay equity',
          peerExample: {
            peerBrand: 'Acme Outdoor',
            action: 'Published its pay-gap figures',
            reception: 'PRAISED',
          },
        },
      },
      contributor.token,
    );
    precedentId = peerExample.addEvidence.id;
  });

  interface Operation {
    document: string;
    /** The field of the answer that carries the data. */
    field: string;
    /** Fresh, valid variables for one row; `owner` is the member of A with the actor's role. */
    variables(owner: TestMember): Promise<Record<string, unknown>>;
    /** What the actor sees when the operation is allowed. */
    shows(actor: TestMember, variables: Record<string, any>): unknown;
    /** Whether it changes something (and so appends one audit event to A's chain). */
    changes: boolean;
  }

  const OPERATIONS: Record<OperationName, Operation> = {
    createProposal: {
      document:
        'mutation ($input: CreateProposalInput!) { createProposal(input: $input) { title state author { email } } }',
      field: 'createProposal',
      variables: async () => ({
        input: {
          brandId: brandA.id,
          title: `Matrix ${unique()}`,
          issue: 'Climate',
          stanceType: 'STATEMENT',
          urgency: 'ELEVATED',
          drafts: [{ channel: 'X', body: 'We are cutting our emissions in half by 2030.' }],
        },
      }),
      shows: (actor, { input }) => ({
        title: input.title,
        state: 'DRAFT',
        author: { email: actor.email },
      }),
      changes: true,
    },
    reviseProposal: {
      document:
        'mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename ... on Proposal { id currentRevision { createdBy { email } drafts { body } } } } }',
      field: 'reviseProposal',
      variables: async () => ({
        input: {
          proposalId: proposal.id,
          drafts: [{ channel: 'LINKEDIN', body: `Equal pay, audited yearly. ${unique()}` }],
        },
      }),
      shows: (actor, { input }) => ({
        __typename: 'Proposal',
        id: proposal.id,
        currentRevision: {
          createdBy: { email: actor.email },
          drafts: [{ body: input.drafts[0].body }],
        },
      }),
      changes: true,
    },
    setRecommendation: {
      document:
        'mutation ($input: SetRecommendationInput!) { setRecommendation(input: $input) { id recommendation { recommendation rationale by { email } } } }',
      field: 'setRecommendation',
      variables: async () => ({
        input: {
          proposalId: proposal.id,
          recommendation: 'PROCEED_WITH_CHANGES',
          rationale: `Add the audit date ${unique()}`,
        },
      }),
      shows: (actor, { input }) => ({
        id: proposal.id,
        recommendation: {
          recommendation: 'PROCEED_WITH_CHANGES',
          rationale: input.rationale,
          by: { email: actor.email },
        },
      }),
      changes: true,
    },
    addEvidence: {
      document:
        'mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { kind summary status addedBy { email } } }',
      field: 'addEvidence',
      variables: async () => ({
        input: {
          proposalId: proposal.id,
          kind: 'EMPLOYEE_SENTIMENT',
          summary: `Employees ask us to speak up ${unique()}`,
        },
      }),
      shows: (actor, { input }) => ({
        kind: 'EMPLOYEE_SENTIMENT',
        summary: input.summary,
        status: 'ACTIVE',
        addedBy: { email: actor.email },
      }),
      changes: true,
    },
    addRiskNote: {
      document:
        'mutation ($input: AddRiskNoteInput!) { addRiskNote(input: $input) { description score severity status author { email } } }',
      field: 'addRiskNote',
      variables: async () => ({
        input: {
          proposalId: proposal.id,
          category: 'PERFORMATIVE_ALLYSHIP',
          likelihood: 2,
          impact: 3,
          description: `Seen as words without action ${unique()}`,
        },
      }),
      shows: (actor, { input }) => ({
        description: input.description,
        score: 6,
        severity: 'MEDIUM',
        status: 'OPEN',
        author: { email: actor.email },
      }),
      changes: true,
    },
    updateRiskNote: {
      document:
        'mutation ($input: UpdateRiskNoteInput!) { updateRiskNote(input: $input) { id status mitigation } }',
      field: 'updateRiskNote',
      variables: async () => ({
        input: {
          riskNoteId: await addRiskNote(contributor),
          status: 'MITIGATED',
          mitigation: `Publish the pay audit alongside ${unique()}`,
        },
      }),
      shows: (_actor, { input }) => ({
        id: input.riskNoteId,
        status: 'MITIGATED',
        mitigation: input.mitigation,
      }),
      changes: true,
    },
    citePrecedent: {
      document:
        'mutation ($input: CitePrecedentInput!) { citePrecedent(input: $input) { kind status citedFrom { id } addedBy { email } } }',
      field: 'citePrecedent',
      // Citing the same precedent into the same proposal again changes nothing: a fresh proposal.
      variables: async () => ({
        input: { proposalId: (await createProposal()).id, precedentId },
      }),
      shows: (actor) => ({
        kind: 'PEER_BRAND_EXAMPLE',
        status: 'ACTIVE',
        citedFrom: { id: precedentId },
        addedBy: { email: actor.email },
      }),
      changes: true,
    },
    correctEvidence: {
      document:
        'mutation ($input: CorrectEvidenceInput!) { correctEvidence(input: $input) { summary status corrects { id status statusReason } } }',
      field: 'correctEvidence',
      variables: async (owner) => ({
        input: {
          evidenceId: await addEvidence(owner),
          summary: `Corrected: most employees ask us to speak up ${unique()}`,
          reason: 'The first figure was from last year',
        },
      }),
      shows: (_actor, { input }) => ({
        summary: input.summary,
        status: 'ACTIVE',
        corrects: { id: input.evidenceId, status: 'CORRECTED', statusReason: input.reason },
      }),
      changes: true,
    },
    withdrawEvidence: {
      document:
        'mutation ($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id status statusReason } }',
      field: 'withdrawEvidence',
      variables: async (owner) => ({
        input: { evidenceId: await addEvidence(owner), reason: 'Added to the wrong proposal' },
      }),
      shows: (_actor, { input }) => ({
        id: input.evidenceId,
        status: 'WITHDRAWN',
        statusReason: input.reason,
      }),
      changes: true,
    },
    addComment: {
      document:
        'mutation ($input: AddCommentInput!) { addComment(input: $input) { body author { email } } }',
      field: 'addComment',
      variables: async () => ({
        input: { proposalId: proposal.id, body: `Can we name the audit firm? ${unique()}` },
      }),
      shows: (actor, { input }) => ({ body: input.body, author: { email: actor.email } }),
      changes: true,
    },
    'proposal(id)': {
      document: 'query ($id: ID!) { proposal(id: $id) { id title } }',
      field: 'proposal',
      variables: async () => ({ id: proposal.id }),
      shows: () => ({ id: proposal.id, title: proposal.title }),
      changes: false,
    },
    'proposals(brandId)': {
      document:
        'query ($brandId: ID!) { proposals(brandId: $brandId, first: 100) { edges { node { id } } } }',
      field: 'proposals',
      variables: async () => ({ brandId: brandA.id }),
      shows: () => ({ edges: expect.arrayContaining([{ node: { id: proposal.id } }]) }),
      changes: false,
    },
    'precedents(brandId)': {
      document:
        'query ($brandId: ID!) { precedents(brandId: $brandId) { edges { node { evidence { id } } } } }',
      field: 'precedents',
      variables: async () => ({ brandId: brandA.id }),
      shows: () => ({ edges: [{ node: { evidence: { id: precedentId } } }] }),
      changes: false,
    },
  };

  /** Brand A's audit chain: its length and who made its last event. */
  async function auditHead() {
    const chain = await app.auditChain(brandA.id);
    return { length: chain.length, actorId: chain.at(-1)?.actorId };
  }

  const ROWS = (Object.entries(EXPECTED) as [OperationName, readonly Cell[]][]).flatMap(
    ([operation, cells]) =>
      ROLES.flatMap((role, i) => {
        const cell = cells[i];
        if (cell === _) return [];
        return [
          [operation, role, 'their own brand', cell === Y ? 'data' : 'FORBIDDEN'],
          [operation, role, 'another brand', 'NOT_FOUND'],
        ] as const;
      }),
  );

  it('the table has a row for every operation, role and brand', () => {
    expect(ROWS).toHaveLength(11 * 6 * 2 + 2 * 3 * 2);
  });

  it.each(ROWS)('%s by %s of %s: %s', async (operationName, role, where, outcome) => {
    const operation = OPERATIONS[operationName];
    const actor = where === 'their own brand' ? memberA[role] : memberB[role];
    const variables = await operation.variables(memberA[role]);
    const before = await auditHead();

    const response = await app.gql(operation.document, variables, actor.token);

    const after = await auditHead();
    if (outcome === 'data') {
      expect(response.errors).toBeUndefined();
      expect(response.data?.[operation.field]).toEqual(operation.shows(actor, variables));
      expect(after).toEqual(
        operation.changes ? { length: before.length + 1, actorId: actor.id } : before,
      );
    } else {
      expect(errorCodes(response)).toEqual([outcome]);
      expect(response.data?.[operation.field] ?? null).toBeNull();
      expect(after).toEqual(before);
    }
  });

  describe("nobody corrects or withdraws somebody else's evidence", () => {
    const others = ROLES.flatMap((role) =>
      (['correctEvidence', 'withdrawEvidence'] as const).map(
        (operation) => [operation, role] as const,
      ),
    );

    it.each(others)(
      "%s of a contributor's evidence by %s of the brand: FORBIDDEN",
      async (operationName, role) => {
        const operation = OPERATIONS[operationName];
        const variables = await operation.variables(contributor);
        const before = await auditHead();
        const response = await app.gql(operation.document, variables, memberA[role].token);
        expect(errorCodes(response)).toEqual(['FORBIDDEN']);
        expect(response.data).toBeNull();
        expect(await auditHead()).toEqual(before);
      },
    );
  });

  it("a precedent of brand A cannot be cited into brand B's proposal: NOT_FOUND", async () => {
    const own = await createProposal(brandB.id, memberB.SOCIAL_MANAGER.token);
    const response = await app.gql(
      'mutation ($input: CitePrecedentInput!) { citePrecedent(input: $input) { id } }',
      { input: { proposalId: own.id, precedentId } },
      memberB.SOCIAL_MANAGER.token,
    );
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(response.data).toBeNull();
    const dossier = await app.gql(
      'query ($id: ID!) { proposal(id: $id) { evidence { id } } }',
      { id: own.id },
      memberB.SOCIAL_MANAGER.token,
    );
    expect(dossier.data).toEqual({ proposal: { evidence: [] } });
  });
});
