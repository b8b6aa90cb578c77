/// <reference lib="dom" />
import { ApprovalStepEntity } from '@standpoint/approvals';
import {
  ARTIFACTS_DIR,
  describeInBrowser,
  FakeClock,
  launchBrowser,
  mintDecisionLink,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionLinksService } from '@standpoint/identity';
import type { Browser } from 'playwright-core';
import { AppModule } from '../src/app.module';

const DRAFTS = [
  { channel: 'X', body: 'We stand with our LGBTQ+ colleagues <always> & "everywhere".' },
  { channel: 'LINKEDIN', body: 'This Pride month we match every employee donation.' },
];
const READ = `query ($id: ID!) { proposal(id: $id) {
  state decisions { outcome channel comment approver { email } }
} }`;
const AUDIT = `query ($brandId: ID!) { auditEvents(brandId: $brandId, first: 500, filter: { actions: ["decision.recorded"] }) {
  edges { node { actorLabel data } }
} }`;

/** The decision page behind an approval email's link, used as an approver's browser uses it. */
describe('the decision page', () => {
  const clock = new FakeClock();
  const app = useTestApp(AppModule, {}, { clock });
  /** Every token this file made, to look for in the database at the end. */
  const tokens: string[] = [];

  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    manager = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    approver = await app.fixtures.member(brand.id, ['APPROVER']);
  });

  // ---- helpers: GraphQL as the team uses it, HTTP as the approver's browser does ----

  /** A proposal in review with drafts, evidence, a recommendation and an open HIGH risk. */
  const inReview = async (title = 'Pride month 2026'): Promise<string> => {
    const proposal = await app.fixtures.inReview(brand.id, manager.token, {
      title,
      issue: 'LGBTQ+ rights',
      stanceType: 'STATEMENT',
      urgency: 'ELEVATED',
      drafts: DRAFTS.map((d) => ({ ...d, body: `${d.body} ${Math.random()}` })),
      riskNote: { likelihood: 4, impact: 4, description: 'A boycott call from <critics>' },
      recommendation: { recommendation: 'PROCEED', rationale: 'Our audience expects it' },
    });
    return proposal.id;
  };

  /** A link for the approver on the active step and current words, as the email would carry. */
  const linkFor = async (proposalId: string, member: TestMember = approver): Promise<string> => {
    const token = await mintDecisionLink(app.t, proposalId, member.id);
    tokens.push(token);
    return token;
  };

  const urlOf = (token: string) => `${app.t.url}/decide/${token}`;
  const open = async (token: string, method = 'GET') => {
    const response = await fetch(urlOf(token), { method });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const antiForgeryOf = (html: string): string => {
    const field = /name="antiForgery"\s+value="([^"]+)"/.exec(html)?.[1];
    if (!field) throw new Error('the page has no anti-forgery field');
    return field;
  };
  const post = async (token: string, fields: Record<string, string>) => {
    const response = await fetch(urlOf(token), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  /** Opens the page as the approver would, then submits its form with `fields`. */
  const submitForm = async (token: string, fields: Record<string, string>) =>
    post(token, { antiForgery: antiForgeryOf((await open(token)).html), ...fields });
  const APPROVE_ON_THE_RECORD = {
    outcome: 'APPROVE',
    acknowledgeRisks: 'true',
    comment: 'The boycott risk is worth taking',
  };

  const decisionsOf = async (proposalId: string) =>
    (await app.data(READ, { id: proposalId }, manager.token)).proposal;
  const decisionEvents = async () => {
    const admin = await app.fixtures.admin();
    return (await app.data(AUDIT, { brandId: brand.id }, admin)).auditEvents.edges.map(
      (e: { node: { actorLabel: string; data: string } }) => e.node,
    );
  };
  /** Rows per table, the audit chain's length and every link's use: what a read must not change. */
  const everything = async () => {
    const counts: Record<string, number> = {};
    for (const entity of app.t.dataSource.entityMetadatas) {
      counts[entity.tableName] = await app.t.dataSource.manager.count(entity.target);
    }
    const used = await app.t.dataSource.query('SELECT id, "usedAt" FROM decision_link ORDER BY id');
    return { counts, chain: (await app.auditChain(brand.id)).length, used };
  };
  const linkUsedAt = async (token: string) => {
    const link = await app.t.app.get(DecisionLinksService).open(app.t.dataSource.manager, token);
    return link!.usedAt;
  };

  it('shows the dossier and the form, escaped, with strict headers and nothing external', async () => {
    const proposalId = await inReview('Pride <script>alert(1)</script> month');
    const page = await open(await linkFor(proposalId));

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy')!;
    for (const directive of [
      "default-src 'none'",
      'img-src data:',
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const html = page.html;
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
    expect(html).toContain('Pride &lt;script&gt;alert(1)&lt;/script&gt; month');
    expect(html).not.toContain('<script');
    expect(html).toContain(
      'We stand with our LGBTQ+ colleagues &lt;always&gt; &amp; &quot;everywhere&quot;.',
    );
    expect(html).toContain('This Pride month we match every employee donation.');
    expect(html).toContain('Our audience expects it');
    expect(html).toContain('70% of consumers say it is important for brands to take a stand');
    expect(html).toContain('A boycott call from &lt;critics&gt;');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="heat-map-title heat-map-desc"/);
    expect(html).toContain('1 open risk: 1 at likelihood 4, impact 4.');
    expect(html).toContain('An open HIGH risk (BACKLASH, score 16)');
    // Nothing loaded from anywhere: no src, no stylesheet link, no script.
    expect(html).not.toMatch(/\ssrc=|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // Every control has its label; the radios are a fieldset with a legend.
    expect(html).toMatch(/<fieldset[^>]*>\s*<legend>Decision<\/legend>/);
    for (const id of [
      'outcome-APPROVE',
      'outcome-REQUEST_CHANGES',
      'outcome-REJECT',
      'comment',
      'acknowledgeRisks',
    ]) {
      expect(html).toMatch(new RegExp(`id="${id}"`));
      expect(html).toMatch(new RegExp(`<label for="${id}"`));
    }
  });

  it('changes nothing when opened twenty times with GET and HEAD', async () => {
    const token = await linkFor(await inReview());
    const before = await everything();
    for (let i = 0; i < 20; i++) {
      expect((await open(token, 'GET')).status).toBe(200);
      const head = await open(token, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('cache-control')).toBe('no-store');
    }
    expect(await everything()).toEqual(before);
    expect(await linkUsedAt(token)).toBeNull();
  });

  it('answers an unknown or malformed token with a plain 404 page', async () => {
    for (const token of ['A'.repeat(43), 'not-a-token', 'x'.repeat(200)]) {
      const page = await open(token);
      expect(page.status).toBe(404);
      expect(page.html).toContain('This link is not known');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('refuses a form without its anti-forgery field, or with a wrong one, and changes nothing', async () => {
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const other = antiForgeryOf((await open(await linkFor(await inReview()))).html);
    const before = await everything();

    for (const antiForgery of [undefined, '', other, 'x'.repeat(43)]) {
      const fields: Record<string, string> = { ...APPROVE_ON_THE_RECORD };
      if (antiForgery !== undefined) fields.antiForgery = antiForgery;
      const refused = await post(token, fields);
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('This form was not accepted');
    }
    expect(await everything()).toEqual(before);
    expect((await decisionsOf(proposalId)).decisions).toEqual([]);
  });

  it('shows a refused decision next to its field and leaves the link usable', async () => {
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const chainBefore = (await app.auditChain(brand.id)).length;

    const noAcknowledgement = await submitForm(token, { outcome: 'APPROVE', comment: 'Go' });
    expect(noAcknowledgement.status).toBe(422);
    expect(noAcknowledgement.html).toContain('Your decision was not recorded');
    expect(noAcknowledgement.html).toMatch(
      /<input[^>]*id="acknowledgeRisks"[^>]*aria-describedby="[^"]*acknowledgeRisks-error[^"]*"[^>]*aria-invalid="true"/,
    );
    expect(noAcknowledgement.html).toMatch(
      /id="acknowledgeRisks-error">[^<]*tick this acknowledgement/,
    );
    // What was entered is kept.
    expect(noAcknowledgement.html).toMatch(/id="outcome-APPROVE"[^>]*checked/);
    expect(noAcknowledgement.html).toMatch(/>\s*Go<\/textarea>/);

    const noComment = await submitForm(token, { outcome: 'REJECT' });
    expect(noComment.status).toBe(422);
    expect(noComment.html).toMatch(
      /<textarea[^>]*aria-describedby="comment-hint comment-error"[^>]*aria-invalid="true"/,
    );
    const noOutcome = await submitForm(token, { comment: 'Hmm' });
    expect(noOutcome.status).toBe(422);
    expect(noOutcome.html).toMatch(/<fieldset aria-describedby="outcome-error">/);

    expect(await linkUsedAt(token)).toBeNull();
    expect((await app.auditChain(brand.id)).length).toBe(chainBefore);
    expect((await decisionsOf(proposalId)).decisions).toEqual([]);

    const recorded = await submitForm(token, APPROVE_ON_THE_RECORD);
    expect(recorded.status).toBe(200);
    expect(recorded.html).toContain('Your decision is recorded');
    expect(await linkUsedAt(token)).not.toBeNull();
  });

  it('records the decision with channel EMAIL_LINK and the email-link actor, once', async () => {
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const antiForgery = antiForgeryOf((await open(token)).html);

    expect((await post(token, { antiForgery, ...APPROVE_ON_THE_RECORD })).status).toBe(200);
    expect(await decisionsOf(proposalId)).toEqual({
      state: 'APPROVED',
      decisions: [
        {
          outcome: 'APPROVE',
          channel: 'EMAIL_LINK',
          comment: APPROVE_ON_THE_RECORD.comment,
          approver: { email: approver.email },
        },
      ],
    });
    const events = (await decisionEvents()).filter(
      (e: { data: string }) => JSON.parse(e.data).proposalId === proposalId,
    );
    expect(events).toHaveLength(1);
    expect(events[0].actorLabel).toBe(`email-link:${approver.email}`);
    expect(JSON.parse(events[0].data)).toMatchObject({ channel: 'EMAIL_LINK', outcome: 'APPROVE' });

    // The same token again: refused, and no audit event is added.
    const chainBefore = (await app.auditChain(brand.id)).length;
    const again = await post(token, { antiForgery, ...APPROVE_ON_THE_RECORD });
    expect(again.status).toBe(410);
    expect(again.html).toContain('This link has been used');
    expect((await app.auditChain(brand.id)).length).toBe(chainBefore);
    expect((await open(token)).html).toContain('This link has been used');
  });

  it('records exactly one decision from fifty parallel posts of one token', async () => {
    // Two approvals needed, so the proposal stays in review and each extra post meets a used link.
    const second = await app.fixtures.member(brand.id, ['APPROVER']);
    const proposalId = await inReview();
    await app.t.asSystem((ctx) =>
      ctx.em.update(ApprovalStepEntity, { proposalId }, { requiredApprovals: 2 }),
    );
    const token = await linkFor(proposalId);
    const antiForgery = antiForgeryOf((await open(token)).html);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(token, { antiForgery, ...APPROVE_ON_THE_RECORD })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(49);
    const read = await decisionsOf(proposalId);
    expect(read.decisions).toHaveLength(1);
    expect(read.state).toBe('IN_REVIEW');
    const events = (await decisionEvents()).filter(
      (e: { data: string }) => JSON.parse(e.data).proposalId === proposalId,
    );
    expect(events).toHaveLength(1);
    expect(second.id).toBeDefined();
  });

  it('never acts with a link for revision 1 once revision 2 exists, and says a newer version was sent', async () => {
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const antiForgery = antiForgeryOf((await open(token)).html);
    await app.data(
      `mutation ($input: ReviseProposalInput!) { reviseProposal(input: $input) { __typename } }`,
      { input: { proposalId, drafts: [{ channel: 'X', body: 'New words for the same stance' }] } },
      manager.token,
    );

    const page = await open(token);
    expect(page.status).toBe(410);
    expect(page.html).toContain('A newer version was sent to you');
    expect(page.html).not.toContain('name="antiForgery"');
    const chainBefore = (await app.auditChain(brand.id)).length;
    const refused = await post(token, { antiForgery, ...APPROVE_ON_THE_RECORD });
    expect(refused.status).toBe(410);
    expect(refused.html).toContain('A newer version was sent to you');
    expect((await decisionsOf(proposalId)).decisions).toEqual([]);
    expect((await app.auditChain(brand.id)).length).toBe(chainBefore);
    expect(await linkUsedAt(token)).toBeNull();

    // A link for revision 2 acts.
    expect((await submitForm(await linkFor(proposalId), APPROVE_ON_THE_RECORD)).status).toBe(200);
  });

  it('says when the proposal has left review, and does not act', async () => {
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const antiForgery = antiForgeryOf((await open(token)).html);
    await app.data(
      `mutation ($input: ReasonInput!) { withdraw(input: $input) { __typename } }`,
      { input: { proposalId, reason: 'Overtaken by events' } },
      manager.token,
    );
    expect((await open(token)).html).toContain('This proposal is no longer in review');
    expect((await post(token, { antiForgery, ...APPROVE_ON_THE_RECORD })).status).toBe(410);
    expect((await decisionsOf(proposalId)).decisions).toEqual([]);
  });

  describeInBrowser('in a real browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
    });
    afterAll(() => browser?.close());

    it('lets the approver read the drafts and risks and approve on the record by keyboard', async () => {
      const proposalId = await inReview();
      const token = await linkFor(proposalId);
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
      });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));

      await page.goto(urlOf(token));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pride month 2026');
      expect(await page.getByText(DRAFTS[0].body, { exact: false }).isVisible()).toBe(true);
      expect(await page.getByText(DRAFTS[1].body, { exact: false }).isVisible()).toBe(true);
      expect(await page.getByRole('img', { name: /Risk heat map/ }).isVisible()).toBe(true);
      expect(await page.getByText('A boycott call from <critics>').isVisible()).toBe(true);
      // The inline style sheet is admitted by the CSP: the button is styled.
      expect(
        await page
          .getByRole('button', { name: 'Record my decision' })
          .evaluate((b) => getComputedStyle(b).backgroundColor),
      ).toBe('rgb(31, 78, 140)');

      await page.getByLabel('Approve', { exact: true }).focus();
      await page.keyboard.press('Space');
      // The radios are one stop in the tab order; the comment comes next.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment');
      await page.keyboard.type(APPROVE_ON_THE_RECORD.comment);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('acknowledgeRisks');
      await page.keyboard.press('Space');
      expect(await page.getByLabel(/I acknowledge the risks/).isChecked()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'decision-page.png'), fullPage: true });
      await page.keyboard.press('Tab');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

      expect(
        await page.getByRole('heading', { name: 'Your decision is recorded' }).isVisible(),
      ).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'decision-recorded.png'), fullPage: true });
      expect(refused).toEqual([]);
      expect(requests.every((url) => url.startsWith(app.t.url))).toBe(true);
      expect((await decisionsOf(proposalId)).decisions).toEqual([
        expect.objectContaining({ outcome: 'APPROVE', channel: 'EMAIL_LINK' }),
      ]);
      await page.close();
    });

    it('fits a 375 px wide phone screen without scrolling sideways', async () => {
      const token = await linkFor(await inReview());
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      await page.goto(urlOf(token));
      const widths = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.viewport).toBe(375);
      expect(widths.content).toBeLessThanOrEqual(widths.viewport);
      await page.screenshot({
        path: join(ARTIFACTS_DIR, 'decision-page-375px.png'),
        fullPage: true,
      });
      await context.close();
    });
  });

  it('does not act once the link has expired', async () => {
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const antiForgery = antiForgeryOf((await open(token)).html);
    clock.advanceHours(73);

    const page = await open(token);
    expect(page.status).toBe(410);
    expect(page.html).toContain('This link has expired');
    expect((await post(token, { antiForgery, ...APPROVE_ON_THE_RECORD })).status).toBe(410);
    expect((await decisionsOf(proposalId)).decisions).toEqual([]);
    expect(await linkUsedAt(token)).toBeNull();
  });

  it('never acts for another step than its own, even where the approver may decide', async () => {
    const colleague = await app.fixtures.member(brand.id, ['APPROVER']);
    await app.data(
      `mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }`,
      {
        input: {
          brandId: brand.id,
          steps: [
            { name: 'Communications', role: 'APPROVER', quorum: 'ANY' },
            { name: 'Leadership', role: 'APPROVER', quorum: 'ANY' },
          ],
        },
      },
      await app.fixtures.admin(),
    );
    const proposalId = await inReview();
    const token = await linkFor(proposalId);
    const antiForgery = antiForgeryOf((await open(token)).html);
    // A colleague approves the first step through the API: the second is active now.
    const decided = await app.data(
      `mutation ($input: DecideInput!) { decide(input: $input) { __typename } }`,
      {
        input: {
          proposalId,
          contentHash: (
            await app.data(
              `query ($id: ID!) { proposal(id: $id) { currentRevision { contentHash } } }`,
              { id: proposalId },
              colleague.token,
            )
          ).proposal.currentRevision.contentHash,
          outcome: 'APPROVE',
          acknowledgeRisks: true,
          comment: APPROVE_ON_THE_RECORD.comment,
        },
      },
      colleague.token,
    );
    expect(decided.decide.__typename).toBe('Decision');

    const page = await open(token);
    expect(page.status).toBe(410);
    expect(page.html).toContain('This step no longer awaits your decision');
    expect((await post(token, { antiForgery, ...APPROVE_ON_THE_RECORD })).status).toBe(410);
    expect((await decisionsOf(proposalId)).decisions).toHaveLength(1);
    expect(await linkUsedAt(token)).toBeNull();
  });

  it('keeps no token in clear anywhere in the database', async () => {
    expect(tokens.length).toBeGreaterThan(10);
    const tables = ['decision_link', 'decision_link_token', 'outbox_message', 'audit_event'];
    for (const table of tables) {
      const rows: Record<string, unknown>[] = await app.t.dataSource.query(
        `SELECT * FROM ${table}`,
      );
      expect(rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(rows);
      for (const token of tokens) expect(text).not.toContain(token);
    }
  });
});
