import { AntiForgery } from '@standpoint/decision-page';
import { OutboxMessageEntity } from '@standpoint/notifications';
import { RevisionEntity } from '@standpoint/proposals';
import { DecisionLinkEntity, DecisionLinksService } from '@standpoint/identity';
import {
  deliverOutbox,
  mintDecisionLink,
  SmtpPeer,
  TestBrand,
  TestMember,
  TestProposal,
  useTestApp,
} from '@standpoint/testing';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'http://standpoint.test';
const LINK = /http:\/\/standpoint\.test\/decide\/([A-Za-z0-9_-]{43})/g;
const DECIDE = `mutation ($input: DecideInput!) { decide(input: $input) {
  __typename
  ... on Decision { outcome approver { id } }
  ... on ErrorResult { errorCode message }
} }`;
const READ = `query ($id: ID!) { proposal(id: $id) {
  state currentRevision { number contentHash createdBy { id } }
  approvalSteps { name status eligibleApprovers { id } }
  decisions { outcome stale approver { id } }
} }`;
const REVISE = `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) {
  __typename ... on Proposal { currentRevision { contentHash } }
} }`;

/**
 * Four eyes and eligibility at decision time, tried as members would: nobody who wrote words of a
 * proposal decides on it, and an approver decides only while their membership still holds a role
 * the step accepts, by GraphQL and by the link in their email alike.
 */
describe('four eyes', () => {
  const env: Record<string, string> = { PUBLIC_URL, WORKER_INTERVAL_MS: '3600000' };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env);
  // After the app has closed its pool of connections to the peer: the peer then stops at once.
  afterAll(() => peer?.stop());

  // ---- helpers: GraphQL as members use it, HTTP as an approver's browser does ----

  const decide = async (member: TestMember, input: Record<string, unknown>) =>
    (await app.data(DECIDE, { input }, member.token)).decide;
  const approve = (member: TestMember, proposalId: string, contentHash: string) =>
    decide(member, { proposalId, contentHash, outcome: 'APPROVE' });
  const read = async (proposalId: string, member: TestMember) =>
    (await app.data(READ, { id: proposalId }, member.token)).proposal;
  const revise = async (proposalId: string, member: TestMember, body: string): Promise<string> => {
    const data = await app.data(
      REVISE,
      { input: { proposalId, drafts: [{ channel: 'X', body }] } },
      member.token,
    );
    expect(data.reviseProposal.__typename).toBe('Proposal');
    return data.reviseProposal.currentRevision.contentHash;
  };
  const decisionEvents = async (brandId: string, proposalId: string) =>
    (await app.proposalAuditEvents(brandId, proposalId)).filter(
      (e) => e.action === 'decision.recorded',
    );

  /**
   * The decision links about one proposal that reached `member` by email (the outbox is delivered
   * over SMTP first), oldest first, with the link each token opens.
   */
  const linksMailedTo = async (member: TestMember, proposalId: string) => {
    await deliverOutbox(app.t);
    const tokens = peer.received
      .filter((m) => m.to.includes(member.email))
      .flatMap((m) => [...new Set([...m.text.matchAll(LINK)].map((match) => match[1]))]);
    const links = app.t.app.get(DecisionLinksService);
    const mailed = [];
    for (const token of tokens) {
      const link = (await links.open(app.t.dataSource.manager, token))!;
      if (link.proposalId === proposalId) mailed.push({ token, link });
    }
    return mailed;
  };
  const page = async (token: string, fields?: Record<string, string>) => {
    const response = await fetch(`${app.t.url}/decide/${token}`, {
      method: fields ? 'POST' : 'GET',
      headers: fields ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
      body: fields ? new URLSearchParams(fields) : undefined,
      redirect: 'manual',
    });
    return { status: response.status, html: await response.text() };
  };
  /** Submits the decision form of a link as the page would post it, anti-forgery field included. */
  const postForm = (token: string, fields: Record<string, string>) =>
    page(token, { antiForgery: app.t.app.get(AntiForgery).fieldFor(token), ...fields });
  const linkUsedAt = async (token: string) =>
    (await app.t.app.get(DecisionLinksService).open(app.t.dataSource.manager, token))!.usedAt;

  /** A brand with the default policy (any APPROVER) and the members a story needs. */
  const brandWith = async (...roles: string[][]): Promise<[TestBrand, ...TestMember[]]> => {
    const brand = await app.fixtures.brand();
    const members = await Promise.all(roles.map((r) => app.fixtures.member(brand.id, r)));
    return [brand, ...members];
  };

  // One brand under the default policy (any APPROVER): an author, a social manager who is also an
  // approver and may revise others' proposals, and an approver who writes nothing.
  let brand: TestBrand;
  let author: TestMember;
  let reviser: TestMember;
  let approver: TestMember;
  beforeAll(async () => {
    [brand, author, reviser, approver] = await brandWith(
      ['SOCIAL_MANAGER'],
      ['SOCIAL_MANAGER', 'APPROVER'],
      ['APPROVER'],
    );
  });

  describe('whoever writes words does not decide on them', () => {
    it('refuses the reviser who approves the words they just wrote: the story of issue 11', async () => {
      const proposal = await app.fixtures.inReview(brand.id, author.token);
      // The round starts with the reviser among the approvers: they hold APPROVER.
      const before = await read(proposal.id, author);
      expect(
        before.approvalSteps[0].eligibleApprovers.map((u: { id: string }) => u.id).sort(),
      ).toEqual([reviser.id, approver.id].sort());

      const theirWords = await revise(
        proposal.id,
        reviser,
        'We stand with our colleagues, always.',
      );
      const after = await read(proposal.id, author);
      expect(after.currentRevision).toMatchObject({ number: 2, createdBy: { id: reviser.id } });
      // The restarted round asks only the approver who wrote nothing.
      expect(after.approvalSteps).toEqual([
        { name: 'Approval', status: 'ACTIVE', eligibleApprovers: [{ id: approver.id }] },
      ]);

      for (const input of [
        { outcome: 'APPROVE' },
        { outcome: 'APPROVE', acknowledgeRisks: true, comment: 'I stand by my words' },
        { outcome: 'REJECT', comment: 'Not like this' },
        { outcome: 'REQUEST_CHANGES', comment: 'Once more' },
      ]) {
        expect(
          await decide(reviser, { proposalId: proposal.id, contentHash: theirWords, ...input }),
        ).toEqual({
          __typename: 'SelfApprovalError',
          errorCode: 'SELF_APPROVAL',
          message: expect.stringContaining('four eyes'),
        });
      }
      expect(await read(proposal.id, author)).toMatchObject({ state: 'IN_REVIEW', decisions: [] });
      expect(await decisionEvents(brand.id, proposal.id)).toEqual([]);

      // A second person approves: only then is it APPROVED, and only on their word.
      expect(await approve(approver, proposal.id, theirWords)).toMatchObject({
        __typename: 'Decision',
        approver: { id: approver.id },
      });
      const approved = await read(proposal.id, author);
      expect(approved.state).toBe('APPROVED');
      expect(approved.decisions).toEqual([
        { outcome: 'APPROVE', stale: false, approver: { id: approver.id } },
      ]);
    });

    it('asks no writer: the restarted round emails its request and link to the others only', async () => {
      const proposal = await app.fixtures.inReview(brand.id, author.token);
      await revise(proposal.id, reviser, 'Words the reviser wrote.');
      const revision = await app.t.asSystem((ctx) =>
        ctx.em.findOneByOrFail(RevisionEntity, { proposalId: proposal.id, number: 2 }),
      );
      const links = await app.t.asSystem((ctx) =>
        ctx.em.findBy(DecisionLinkEntity, { proposalId: proposal.id, revisionId: revision.id }),
      );
      expect(links.map((l) => l.approverUserId)).toEqual([approver.id]);
      const requests = await app.t.asSystem((ctx) =>
        ctx.em.findBy(OutboxMessageEntity, { brandId: brand.id, topic: 'approval.requested' }),
      );
      const forNewWords = requests.filter((m) => links.some((l) => l.id === m.decisionLinkId));
      expect(forNewWords.map((m) => m.recipientUserId)).toEqual([approver.id]);
      // Over SMTP: the reviser's mail holds only the link for the first words, which no longer acts.
      const mailed = await linksMailedTo(reviser, proposal.id);
      expect(mailed).toHaveLength(1);
      expect(mailed[0].link.revisionId).not.toBe(revision.id);
      const opened = await page(mailed[0].token);
      expect(opened.status).toBe(410);
      expect(opened.html).toContain('A newer version was sent to you');
      // The approver who wrote nothing got a link for the new words.
      const theirs = await linksMailedTo(approver, proposal.id);
      expect(theirs.map((m) => m.link.revisionId)).toContain(revision.id);
    });

    it('leaves a step blocked, not approved, when its only approver rewrote the words', async () => {
      const [own, writer, manager] = await brandWith(
        ['SOCIAL_MANAGER', 'APPROVER'],
        ['SOCIAL_MANAGER'],
      );
      await app.fixtures.policy(own.id, [
        { name: 'Leadership', approverIds: [writer.id], quorum: 'ANY' },
      ]);
      const proposal = await app.fixtures.inReview(own.id, manager.token);
      const hash = await revise(proposal.id, writer, 'The only approver rewrote this.');
      const after = await read(proposal.id, manager);
      expect(after.approvalSteps).toEqual([
        { name: 'Leadership', status: 'BLOCKED', eligibleApprovers: [] },
      ]);
      expect((await approve(writer, proposal.id, hash)).errorCode).toBe('SELF_APPROVAL');
      expect((await read(proposal.id, manager)).state).toBe('IN_REVIEW');
    });

    it('does not act on a link a writer holds for the current words, by GET or by POST', async () => {
      const proposal = await app.fixtures.inReview(brand.id, author.token);
      await revise(proposal.id, reviser, 'Words whose writer holds a link.');
      // A link for the current words, as a version that still asked revisers would have mailed it.
      const token = await mintDecisionLink(app.t, proposal.id, reviser.id);

      const opened = await page(token);
      expect(opened.status).toBe(410);
      expect(opened.html).toContain('You wrote words of this proposal');
      expect(opened.html).not.toContain('name="antiForgery"');
      const posted = await postForm(token, {
        outcome: 'APPROVE',
        acknowledgeRisks: 'true',
        comment: 'My own words are fine',
      });
      expect(posted.status).toBe(410);
      expect(posted.html).toContain('You wrote words of this proposal');
      expect(await linkUsedAt(token)).toBeNull();
      expect((await read(proposal.id, author)).decisions).toEqual([]);
      expect(await decisionEvents(brand.id, proposal.id)).toEqual([]);
    });

    it("answers in DESIGN's refusal order: not in review, stale words, then four eyes before eligibility", async () => {
      const proposal: TestProposal = await app.fixtures.inReview(brand.id, author.token);
      const current = await revise(proposal.id, reviser, 'Ordered refusals.');
      const answer = async (member: TestMember, contentHash: string, proposalId = proposal.id) =>
        (await approve(member, proposalId, contentHash)).errorCode;

      // The words changed comes before anything about who they are.
      expect(await answer(reviser, proposal.contentHash)).toBe('STALE_REVISION');
      expect(await answer(author, proposal.contentHash)).toBe('STALE_REVISION');
      // The author holds no role the step accepts: still four eyes first.
      expect(await answer(author, current)).toBe('SELF_APPROVAL');
      expect(await answer(reviser, current)).toBe('SELF_APPROVAL');
      // Not in review beats everything.
      const draft = await app.fixtures.proposal(brand.id, author.token);
      expect(await answer(author, 'f'.repeat(64), draft.id)).toBe('INVALID_TRANSITION');
    });
  });

  describe('eligibility at decision time', () => {
    // Here the author writes the proposals, and the reviser is the other approver: neither
    // writes words of the other's proposals.
    const reject = (member: TestMember, proposal: TestProposal) =>
      decide(member, {
        proposalId: proposal.id,
        contentHash: proposal.contentHash,
        outcome: 'REJECT',
        comment: 'Not on my watch',
      });

    it('refuses an approver re-added as AUDITOR, by GraphQL with the token they already had', async () => {
      const proposal = await app.fixtures.inReview(brand.id, author.token);
      await app.fixtures.member(brand.id, ['AUDITOR'], approver);

      expect(await reject(approver, proposal)).toEqual({
        __typename: 'NotAnApproverError',
        errorCode: 'NOT_AN_APPROVER',
        message: expect.stringContaining('Approval'),
      });
      expect(await read(proposal.id, author)).toMatchObject({
        state: 'IN_REVIEW',
        decisions: [],
      });

      // Eligibility follows the membership: the demotion took them off the step, and APPROVER
      // given back does not put them on it again (they are not asked anew).
      await app.fixtures.member(brand.id, ['APPROVER'], approver);
      expect((await reject(approver, proposal)).errorCode).toBe('NOT_AN_APPROVER');
      expect((await read(proposal.id, author)).state).toBe('IN_REVIEW');
    });

    it('refuses an approver re-added as CONTRIBUTOR, through the link in their email', async () => {
      const proposal = await app.fixtures.inReview(brand.id, author.token, {
        title: 'By email',
      });
      const [{ token }] = await linksMailedTo(approver, proposal.id);
      expect((await page(token)).html).toContain('By email');
      await app.fixtures.member(brand.id, ['CONTRIBUTOR'], approver);

      const opened = await page(token);
      expect(opened.status).toBe(410);
      // Taken off the step, their link died with it.
      expect(opened.html).toContain('This link no longer works');
      const posted = await postForm(token, { outcome: 'REJECT', comment: 'Not on my watch' });
      expect(posted.status).toBe(410);
      expect(posted.html).toContain('This link no longer works');
      expect(await linkUsedAt(token)).toBeNull();
      expect(await read(proposal.id, author)).toMatchObject({
        state: 'IN_REVIEW',
        decisions: [],
      });
      expect(await decisionEvents(brand.id, proposal.id)).toEqual([]);

      // The other approver, untouched, still decides: the step was never the demoted one's alone.
      expect(
        await approve(reviser, proposal.id, proposal.contentHash).then((d) => d.__typename),
      ).toBe('Decision');
      await app.fixtures.member(brand.id, ['APPROVER'], approver);
    });

    it('lets nobody decide who was given the role after the step started: they were not asked', async () => {
      const proposal = await app.fixtures.inReview(brand.id, author.token);
      const newcomer = await app.fixtures.member(brand.id, ['APPROVER']);
      expect((await reject(newcomer, proposal)).errorCode).toBe('NOT_AN_APPROVER');
    });
  });
});
