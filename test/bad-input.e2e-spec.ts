import {
  emailedDecisionToken,
  errorCodes,
  fieldsOf,
  outboxOf,
  SmtpPeer,
  subscribe,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { state publishAt decisions { outcome } } }`;
const FREEZE = `mutation ($input: StartContentFreezeInput!) {
  startContentFreeze(input: $input) { contentFreeze { reason endsAt } }
}`;
const END_FREEZE = `mutation ($id: ID!) { endContentFreeze(brandId: $id) { id } }`;
const SCHEDULE = `mutation ($input: ScheduleInput!) { schedule(input: $input) {
  __typename ... on Proposal { state publishAt } ... on ErrorResult { errorCode }
} }`;
const CREATE_PROPOSAL = `mutation ($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;

const NUL = '\u0000';
const ESC = '\u001b';
const LONE_SURROGATE = '\ud800';
const NON_CHARACTER = '\uffff';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';

/**
 * What a hostile or careless client sends, against the production configuration: dates that are
 * not instants, text that no database should store, lists without end, forged cursors. Each is
 * BAD_USER_INPUT naming the field, and none of them writes anything.
 */
describe('bad input', () => {
  let peer: SmtpPeer;
  const env: Record<string, string> = { NODE_ENV: 'production' };
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env);
  // After the app has closed, so that its mail connection is gone and the peer stops at once.
  afterAll(() => peer?.stop());

  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let approver: TestMember;
  let auditor: TestMember;
  /** An approved proposal, ready to be scheduled. */
  let approvedId: string;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    [admin, manager, approver, auditor] = await Promise.all(
      ['ADMIN', 'SOCIAL_MANAGER', 'APPROVER', 'AUDITOR'].map((role) =>
        app.fixtures.member(brand.id, [role]),
      ),
    );
    const proposal = await app.fixtures.inReview(brand.id, manager.token);
    await app.data(
      `mutation ($input: DecideInput!) { decide(input: $input) { __typename } }`,
      { input: { proposalId: proposal.id, outcome: 'APPROVE', contentHash: proposal.contentHash } },
      approver.token,
    );
    approvedId = proposal.id;
  });

  /** Everything a bad input could have changed: the audit chain and the brand's proposals. */
  const snapshot = async () => ({
    audit: (await app.auditChain(brand.id)).length,
    proposals: (
      await app.data(
        `query ($id: ID!) { brand(id: $id) { proposals(first: 100) { totalCount } contentFreeze { reason } } }`,
        { id: brand.id },
        admin.token,
      )
    ).brand,
  });

  /** Sends the operation and expects BAD_USER_INPUT and no change at all. */
  const refusedUnchanged = async (
    query: string,
    variables: Record<string, unknown>,
    token: string | undefined,
  ) => {
    const before = await snapshot();
    const response = await app.gql(query, variables, token);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshot()).toEqual(before);
    return response;
  };

  describe('dates', () => {
    it.each([
      ['a word', 'asap'],
      ['no offset', '2026-06-01T09:00:00'],
      ['a day that does not exist', '2026-02-30T09:00:00Z'],
      ['a date alone', '2026-06-01'],
    ])(
      'schedule refuses %s in a variable, and the proposal stays approved',
      async (_, publishAt) => {
        const response = await refusedUnchanged(
          SCHEDULE,
          { input: { proposalId: approvedId, publishAt } },
          manager.token,
        );

        expect(response.errors?.[0].message).toContain('input.publishAt');
        expect(
          (await app.data(PROPOSAL, { id: approvedId }, manager.token)).proposal,
        ).toMatchObject({ state: 'APPROVED', publishAt: null });
      },
    );

    it('schedule refuses "asap" written in the query itself, the same way', async () => {
      const response = await refusedUnchanged(
        `mutation ($id: ID!) { schedule(input: { proposalId: $id, publishAt: "asap" }) { __typename } }`,
        { id: approvedId },
        manager.token,
      );

      expect(response.errors?.[0].message).toMatch(/DateTime/);
    });

    it('takes an instant with an offset and answers it in UTC, as before', async () => {
      const schedule = await app.data(
        SCHEDULE,
        { input: { proposalId: approvedId, publishAt: '2030-06-01T11:00:00+02:00' } },
        manager.token,
      );
      expect(schedule.schedule).toEqual({
        __typename: 'Proposal',
        state: 'SCHEDULED',
        publishAt: '2030-06-01T09:00:00.000Z',
      });
      // What the bad dates once broke for the whole brand: a freeze, which reads every schedule.
      const freeze = await app.data(
        FREEZE,
        { input: { brandId: brand.id, reason: 'A crisis' } },
        admin.token,
      );
      expect(freeze.startContentFreeze.contentFreeze.reason).toBe('A crisis');
      await app.data(END_FREEZE, { id: brand.id }, admin.token);
    });

    it('createProposal refuses a decisionDeadline that is no instant, and creates nothing', async () => {
      const response = await refusedUnchanged(
        CREATE_PROPOSAL,
        {
          input: {
            brandId: brand.id,
            title: 'Deadline',
            issue: 'Climate',
            stanceType: 'STATEMENT',
            urgency: 'ROUTINE',
            decisionDeadline: 'next Friday',
            drafts: [{ channel: 'X', body: 'Words' }],
          },
        },
        manager.token,
      );

      expect(response.errors?.[0].message).toContain('input.decisionDeadline');
    });

    it('addEvidence refuses a capturedAt that is no instant', async () => {
      const proposal = await app.fixtures.proposal(brand.id, manager.token);

      await refusedUnchanged(
        `mutation ($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`,
        {
          input: {
            proposalId: proposal.id,
            kind: 'SURVEY_STAT',
            summary: 'A survey',
            capturedAt: '2026-13-01T00:00:00Z',
            survey: { statistic: 50, source: 'Survey' },
          },
        },
        manager.token,
      );
    });

    it('startContentFreeze refuses an endsAt that is no instant, and starts no freeze', async () => {
      await refusedUnchanged(
        FREEZE,
        { input: { brandId: brand.id, reason: 'A crisis', endsAt: 'tomorrow' } },
        admin.token,
      );
    });

    it.each(['since', 'until'])(
      'auditEvents refuses a %s that is no instant, rather than answering everything or nothing',
      async (bound) => {
        const response = await app.gql(
          `query ($id: ID!, $filter: AuditFilter) { auditEvents(brandId: $id, filter: $filter) { totalCount } }`,
          { id: brand.id, filter: { [bound]: 'garbage' } },
          auditor.token,
        );

        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0].message).toContain(`filter.${bound}`);
      },
    );
  });

  describe('text', () => {
    const proposalInput = (overrides: Record<string, unknown>) => ({
      input: {
        brandId: brand.id,
        title: 'A title',
        issue: 'Climate',
        stanceType: 'STATEMENT',
        urgency: 'ROUTINE',
        drafts: [{ channel: 'X', body: 'Words' }],
        ...overrides,
      },
    });

    it.each([
      ['NUL in the email', `someone${NUL}@example.test`, 'a password', 'email'],
      [
        'a lone surrogate in the password',
        'someone@example.test',
        `pass${LONE_SURROGATE}`,
        'password',
      ],
    ])(
      'login refuses %s from an anonymous caller as BAD_USER_INPUT naming it',
      async (_, e, p, field) => {
        const response = await refusedUnchanged(
          'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          { e, p },
          undefined,
        );

        expect(fieldsOf(response)).toEqual([[field, 'plainText']]);
      },
    );

    it.each([
      ['NUL', NUL, 'U+0000'],
      ['ESC', ESC, 'U+001B'],
      ['a lone surrogate', LONE_SURROGATE, 'U+D800'],
      ['a non-character', NON_CHARACTER, 'U+FFFF'],
    ])(
      'createProposal refuses %s in a draft, naming the field and the character',
      async (_, bad, named) => {
        const response = await refusedUnchanged(
          CREATE_PROPOSAL,
          proposalInput({ drafts: [{ channel: 'X', body: `Words${bad}here` }] }),
          manager.token,
        );

        expect(fieldsOf(response)).toEqual([['input.drafts[0].body', 'plainText']]);
        expect(response.errors?.[0].message).toContain(named);
      },
    );

    it('refuses a bidirectional control in a title, but lets right-to-left words through', async () => {
      const refused = await refusedUnchanged(
        CREATE_PROPOSAL,
        proposalInput({ title: `Invoice ${RIGHT_TO_LEFT_OVERRIDE}fdp.exe` }),
        manager.token,
      );
      expect(fieldsOf(refused)).toEqual([['input.title', 'headingText']]);

      const accepted = await app.gql(
        CREATE_PROPOSAL,
        proposalInput({ title: 'שלום Pride' }),
        manager.token,
      );
      expect(accepted.errors).toBeUndefined();
    });

    it.each([
      [
        "a brand's name",
        'mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
        () => ({ input: { name: `Acme${RIGHT_TO_LEFT_OVERRIDE}`, slug: 'acme-bidi' } }),
        () => admin.token,
        'input.name',
      ],
      [
        "a step's name",
        'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
        () => ({
          input: {
            brandId: brand.id,
            steps: [{ name: `Legal${RIGHT_TO_LEFT_OVERRIDE}`, role: 'APPROVER', quorum: 'ANY' }],
          },
        }),
        () => admin.token,
        'input.steps[0].name',
      ],
    ])('refuses a bidirectional control in %s', async (_, query, variables, token, field) => {
      const response = await refusedUnchanged(query, variables(), token());

      expect(fieldsOf(response)).toEqual([[field, 'headingText']]);
    });

    it('refuses a lone surrogate in an email before the email rule, which cannot read it, runs', async () => {
      const response = await refusedUnchanged(
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
        { input: { brandId: brand.id, email: LONE_SURROGATE, name: 'Sam', roles: ['REVIEWER'] } },
        admin.token,
      );

      expect(fieldsOf(response)).toEqual([['input.email', 'plainText']]);
    });

    it('refuses bad text in an id, and in the argument of a nested field, as BAD_USER_INPUT', async () => {
      await refusedUnchanged(
        `query ($id: ID!) { proposal(id: $id) { id } }`,
        { id: `prp${NUL}` },
        manager.token,
      );
      const nested = await refusedUnchanged(
        `query ($id: ID!, $search: String) { brand(id: $id) { proposals(filter: { search: $search }) { totalCount } } }`,
        { id: brand.id, search: `x${NUL}` },
        manager.token,
      );
      expect(fieldsOf(nested)).toEqual([['filter.search', 'plainText']]);
    });

    it('refuses bad text in the argument of a subscription, over WebSocket, with BAD_USER_INPUT', async () => {
      const subscription = subscribe(
        app.t.url,
        'subscription ($brandId: ID!) { proposalEvents(brandId: $brandId) { action } }',
        { brandId: `${brand.id}${NUL}` },
        { authorization: `Bearer ${manager.token}` },
      );
      try {
        const result = await subscription.next();
        expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        await subscription.completed;
      } finally {
        await subscription.close();
      }
    });

    it('takes bidirectional controls out of email subjects', async () => {
      const reason = `Pay ${RIGHT_TO_LEFT_OVERRIDE}gnp.exe`;
      await app.data(FREEZE, { input: { brandId: brand.id, reason } }, admin.token);
      await app.data(END_FREEZE, { id: brand.id }, admin.token);

      const subjects = (await outboxOf(app.t, brand.id))
        .map((message) => message.subject ?? '')
        .filter((subject) => subject.includes('gnp.exe'));
      expect(subjects.length).toBeGreaterThan(0);
      for (const subject of subjects) expect(subject).not.toMatch(/\p{Bidi_Control}/u);
    });

    it('refuses a decision page comment holding a control character, with the page, and records nothing', async () => {
      const proposal = await app.fixtures.inReview(brand.id, manager.token);
      const token = await emailedDecisionToken(app.t, peer, approver.email);
      const page = await (await fetch(`${app.t.url}/decide/${token}`)).text();
      const antiForgery = /name="antiForgery"\s+value="([^"]+)"/.exec(page)![1];

      const response = await fetch(`${app.t.url}/decide/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ antiForgery, outcome: 'APPROVE', comment: `Fine${NUL}${ESC}` }),
      });

      expect(response.status).toBe(422);
      expect(await response.text()).toContain('Remove the invisible characters');
      const read = await app.data(PROPOSAL, { id: proposal.id }, manager.token);
      expect(read.proposal).toMatchObject({ state: 'IN_REVIEW', decisions: [] });
    });
  });

  describe('lists', () => {
    it('createProposal refuses 3,000 media links in one draft', async () => {
      const mediaUrls = Array.from({ length: 3000 }, (_, i) => `https://cdn.example/${i}.png`);
      const response = await refusedUnchanged(
        CREATE_PROPOSAL,
        {
          input: {
            brandId: brand.id,
            title: 'Media',
            issue: 'Climate',
            stanceType: 'STATEMENT',
            urgency: 'ROUTINE',
            drafts: [{ channel: 'INSTAGRAM', body: 'Words', mediaUrls }],
          },
        },
        manager.token,
      );

      expect(fieldsOf(response)).toEqual([['input.drafts[0].mediaUrls', 'arrayMaxSize']]);
    });

    it('startContentFreeze refuses a list of 1,000 allowed members', async () => {
      const allowUserIds = Array.from({ length: 1000 }, () => manager.id);
      const response = await refusedUnchanged(
        FREEZE,
        { input: { brandId: brand.id, reason: 'A crisis', allowUserIds } },
        admin.token,
      );

      expect(fieldsOf(response)).toEqual([['input.allowUserIds', 'arrayMaxSize']]);
    });

    it('setApprovalPolicy refuses a step with 1,000 approvers', async () => {
      const approverIds = Array.from({ length: 1000 }, () => approver.id);
      const response = await refusedUnchanged(
        'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
        { input: { brandId: brand.id, steps: [{ name: 'Legal', approverIds, quorum: 'ANY' }] } },
        admin.token,
      );

      expect(fieldsOf(response)).toEqual([['input.steps[0].approverIds', 'arrayMaxSize']]);
    });
  });

  describe('ids', () => {
    it('startContentFreeze on an id that names no brand is NOT_FOUND, even for a platform administrator', async () => {
      const platformAdmin = await app.fixtures.admin();
      const response = await app.gql(
        FREEZE,
        { input: { brandId: approvedId, reason: 'A crisis' } },
        platformAdmin,
      );

      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    });
  });

  describe('cursors', () => {
    const forged = (json: string) => Buffer.from(json).toString('base64url');
    const listOf = (field: string) =>
      `query ($id: ID!, $after: String) { ${field}(brandId: $id, after: $after) { totalCount } }`;
    /** Cursors that are not those of a list keyed by id, and of one keyed by sequence number. */
    const notAnIdCursor = [
      forged('[1]'),
      forged(`["prp${NUL}"]`),
      forged('["a","b"]'),
      'nonsense!',
    ];
    const notASeqCursor = [forged('["abc"]'), forged('[1.5]'), forged('[]'), 'nonsense!'];

    it.each([
      ['proposals', notAnIdCursor, () => manager.token],
      ['precedents', notAnIdCursor, () => manager.token],
      ['outboxMessages', notAnIdCursor, () => admin.token],
      ['auditEvents', notASeqCursor, () => auditor.token],
      ['auditCheckpoints', notASeqCursor, () => auditor.token],
    ])('%s refuses forged cursors as BAD_USER_INPUT naming after', async (field, bad, token) => {
      for (const after of bad) {
        const response = await app.gql(listOf(field), { id: brand.id, after }, token());

        expect([after, errorCodes(response), fieldsOf(response)]).toEqual([
          after,
          ['BAD_USER_INPUT'],
          [['after', 'cursor']],
        ]);
      }
    });

    it("the approver's inbox refuses forged cursors as BAD_USER_INPUT naming after", async () => {
      const inbox = `query ($id: ID!, $after: String) {
        proposals(brandId: $id, after: $after, filter: { awaitingMyDecision: true }) { totalCount }
      }`;
      for (const after of [
        forged('["prp_1"]'),
        forged('[1.5,"prp_1"]'),
        forged(`["","prp${NUL}"]`),
      ]) {
        const response = await app.gql(inbox, { id: brand.id, after }, approver.token);

        expect([after, errorCodes(response), fieldsOf(response)]).toEqual([
          after,
          ['BAD_USER_INPUT'],
          [['after', 'cursor']],
        ]);
      }
    });
  });
});
