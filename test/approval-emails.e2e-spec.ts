import { OutboxMessageEntity } from '@standpoint/notifications';
import { RevisionEntity } from '@standpoint/proposals';
import { TestBrand, TestMember, useTestApp } from '@standpoint/testing';
import { DecisionLinkEntity } from '@standpoint/identity';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'https://standpoint.example';
const DECISION_LINK = `${PUBLIC_URL}/decide/{{decision-token}}`;
const FIRST_WORDS = 'Our stores are open as shelters tonight.';
const SECOND_WORDS = 'Our shops are open as shelters tonight and tomorrow.';

/** Six hours apart in December: 09:00 UTC is 10:00 in Paris and 04:00 in New York. */
const ZONES = ['Europe/Paris', 'America/New_York'] as const;
const OFFSET_HOURS: Record<string, number> = { 'Europe/Paris': 1, 'America/New_York': -5 };

const occurrences = (text: string | null, needle: string) => (text ?? '').split(needle).length - 1;

/** The emails the approval workflow writes to the outbox, rendered, as a crisis proposal goes through review. */
describe('approval emails', () => {
  const app = useTestApp(AppModule, { PUBLIC_URL });
  let brand: TestBrand;
  let admin: TestMember;
  let manager: TestMember;
  let contributor: TestMember;
  let approvers: TestMember[];
  let proposalId: string;
  let stepDueAt: string;

  const emails = async (topic: string) =>
    (
      await app.t.asSystem((ctx) =>
        ctx.em.find(OutboxMessageEntity, { where: { brandId: brand.id, topic } }),
      )
    ).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const currentRevision = () =>
    app.t.asSystem(async (ctx) => {
      const revisions = await ctx.em.find(RevisionEntity, {
        where: { proposalId },
        order: { number: 'DESC' },
      });
      return revisions[0];
    });

  beforeAll(async () => {
    const f = app.fixtures;
    brand = await f.brand();
    [admin, manager, contributor, ...approvers] = await Promise.all([
      f.member(brand.id, ['ADMIN']),
      f.member(brand.id, ['SOCIAL_MANAGER']),
      f.member(brand.id, ['CONTRIBUTOR']),
      f.member(brand.id, ['APPROVER']),
      f.member(brand.id, ['APPROVER']),
    ]);
    // Each approver reads times on their own clock.
    for (const [approver, timeZone] of [
      [approvers[0], ZONES[0]],
      [approvers[1], ZONES[1]],
    ] as const) {
      await app.data(
        'mutation ($zone: String!) { setMyTimeZone(timeZone: $zone) { id } }',
        { zone: timeZone },
        approver.token,
      );
    }
    await app.data(
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId: brand.id,
          steps: [
            {
              name: 'Leadership',
              approverIds: approvers.map((a) => a.id),
              quorum: 'ALL',
              slaHours: 12,
            },
          ],
        },
      },
      admin.token,
    );
    proposalId = (
      await f.proposal(brand.id, manager.token, {
        title: 'Shelters <tonight>',
        issue: 'Flood relief',
        stanceType: 'ACTION_ANNOUNCEMENT',
        urgency: 'CRISIS',
        drafts: [{ channel: 'X', body: FIRST_WORDS }],
      })
    ).id;
    await f.evidence(proposalId, contributor.token, {
      kind: 'EMPLOYEE_SENTIMENT',
      summary: 'Store staff volunteered',
    });
    await f.riskNote(proposalId, manager.token, {
      category: 'PERFORMATIVE_ALLYSHIP',
      likelihood: 4,
      impact: 3,
      description: 'Shelters are not staffed yet',
    });
    await f.recommendation(proposalId, manager.token, {
      recommendation: 'HOLD',
      rationale: 'Wait until staffed',
    });
  });

  it('asks each eligible approver by one email with the dossier and exactly one decision link of their own', async () => {
    const submitted = await app.data(
      `mutation ($id: ID!) { submitProposal(proposalId: $id) {
        ... on Proposal { state approvalSteps { dueAt } } } }`,
      { id: proposalId },
      manager.token,
    );
    expect(submitted.submitProposal.state).toBe('IN_REVIEW');
    stepDueAt = submitted.submitProposal.approvalSteps[0].dueAt;
    /** The deadline on `zone`'s wall clock, reckoned from its December offset: `7 Dec 2026, 10:00 (Europe/Paris)`. */
    const dueTextIn = (zone: string) => {
      const local = new Date(new Date(stepDueAt).getTime() + OFFSET_HOURS[zone] * 3_600_000);
      const day = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(local);
      return `${day}, ${local.toISOString().slice(11, 16)} (${zone})`;
    };

    const requests = await emails('approval.requested');
    expect(requests.map((m) => m.recipientUserId).sort()).toEqual(
      approvers.map((a) => a.id).sort(),
    );
    const revision = await currentRevision();
    for (const message of requests) {
      const approver = approvers.find((a) => a.id === message.recipientUserId)!;
      const zone = ZONES[approvers.indexOf(approver)];
      const otherZone = ZONES[1 - approvers.indexOf(approver)];
      expect(message).toMatchObject({
        channel: 'EMAIL',
        recipient: approver.email,
        status: 'PENDING',
        subject: 'Approval requested: Shelters <tonight>',
      });
      for (const part of [message.htmlBody!, message.body]) {
        expect(occurrences(part, DECISION_LINK)).toBe(1);
        expect(occurrences(part, '/decide/')).toBe(1);
        expect(part).toContain(FIRST_WORDS);
        expect(part).toContain('Shelters are not staffed yet');
        expect(part).toContain('likelihood 4 × impact 3 = 12 (HIGH, Open)');
        expect(part).toContain('Hold, by Member');
        expect(part).toContain('Wait until staffed');
        expect(part).toContain('Store staff volunteered');
        expect(part).toContain(dueTextIn(zone));
        expect(part).not.toContain(otherZone);
      }
      expect(message.htmlBody).toContain('Shelters &lt;tonight&gt;');
      expect(message.htmlBody).not.toContain('<tonight>');

      const link = await app.t.asSystem((ctx) =>
        ctx.em.findOneByOrFail(DecisionLinkEntity, { id: message.decisionLinkId! }),
      );
      expect(link).toMatchObject({
        brandId: brand.id,
        proposalId,
        approverUserId: approver.id,
        revisionId: revision.id,
        contentHash: revision.contentHash,
        usedAt: null,
      });
      expect(link.expiresAt.toISOString()).toBe(stepDueAt);
    }
    expect(new Set(requests.map((m) => m.decisionLinkId)).size).toBe(2);
  });

  it('tells the approvers already asked that the words changed, with a word diff, and asks them again', async () => {
    const revised = await app.data(
      `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }`,
      { input: { proposalId, drafts: [{ channel: 'X', body: SECOND_WORDS }] } },
      manager.token,
    );
    expect(revised.reviseProposal.__typename).toBe('Proposal');
    const changed = await emails('words.changed');
    expect(changed.map((m) => m.recipientUserId).sort()).toEqual(approvers.map((a) => a.id).sort());
    for (const message of changed) {
      expect(message.subject).toBe('Words changed: Shelters <tonight>');
      expect(message.htmlBody).toMatch(/<del [^>]*>stores<\/del\s*>/);
      expect(message.htmlBody).toMatch(/<ins [^>]*>shops<\/ins\s*>/);
      expect(message.body).toContain('Our [-stores-]{+shops+} are open as shelters tonight');
      expect(message.body).toContain('{+ and tomorrow+}');
      expect(message.decisionLinkId).toBeNull();
      expect(message.body).not.toContain('/decide/');
    }
    const revision = await currentRevision();
    const again = (await emails('approval.requested')).slice(2);
    expect(again).toHaveLength(2);
    for (const message of again) {
      expect(message.body).toContain(SECOND_WORDS);
      const link = await app.t.asSystem((ctx) =>
        ctx.em.findOneByOrFail(DecisionLinkEntity, { id: message.decisionLinkId! }),
      );
      expect(link).toMatchObject({ revisionId: revision.id, contentHash: revision.contentHash });
    }
  });

  it('tells the social team that their warning was overruled, by whom and why', async () => {
    const { contentHash } = await currentRevision();
    const decided = await app.data(
      `mutation ($input: DecideInput!) { decide(input: $input) {
        __typename ... on Decision { overridesRecommendation } } }`,
      {
        input: {
          proposalId,
          outcome: 'APPROVE',
          contentHash,
          acknowledgeRisks: true,
          comment: 'People need shelter tonight',
        },
      },
      approvers[0].token,
    );
    expect(decided.decide).toEqual({ __typename: 'Decision', overridesRecommendation: true });
    const overrides = await emails('override.recorded');
    expect(overrides.map((m) => m.recipientUserId)).toEqual([manager.id]);
    const [override] = overrides;
    expect(override.subject).toBe('Override recorded: Shelters <tonight>');
    for (const part of [override.htmlBody!, override.body]) {
      expect(part).toContain(`Member ${approvers[0].email}`);
      expect(part).toContain('The team recommends HOLD');
      expect(part).toContain('People need shelter tonight');
      expect(part).toContain('Wait until staffed');
    }
    // The author (also the team here) hears of the approval; the approver who made it does not.
    const recorded = await emails('decision.recorded');
    expect(recorded.map((m) => m.recipientUserId)).toEqual([manager.id]);
    expect(recorded[0].body).toContain('The step needs more approvals');
  });

  it('emails the members a comment @mentions', async () => {
    await app.data(
      'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
      {
        input: {
          proposalId,
          body: `@${approvers[1].email} can you <b>decide</b> before the evening?`,
        },
      },
      manager.token,
    );
    const mentions = await emails('comment.mentioned');
    expect(mentions.map((m) => m.recipientUserId)).toEqual([approvers[1].id]);
    expect(mentions[0].subject).toBe(`Member ${manager.email} mentioned you: Shelters <tonight>`);
    expect(mentions[0].htmlBody).toContain('can you &lt;b&gt;decide&lt;/b&gt; before the evening?');
    expect(mentions[0].body).toContain(
      `> @${approvers[1].email} can you <b>decide</b> before the evening?`,
    );
  });
});
