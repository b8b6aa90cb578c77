import {
  ARTIFACTS_DIR,
  describeInBrowser,
  FakeClock,
  launchBrowser,
  SmtpPeer,
  TestBrand,
  TestMember,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { ParsedMail, simpleParser } from 'mailparser';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { AppModule } from '../src/app.module';

/** The address the emails link to; the browser is pointed at the test server for it. */
const PUBLIC_URL = 'http://standpoint.test';
const X_WORDS = 'Our stores are open as shelters tonight, every location, until the water recedes.';
const LINKEDIN_WORDS =
  'Every one of our stores opens its doors tonight as a shelter for neighbours.';
const RISK = 'Shelters are not staffed everywhere yet';
const LINK = /http:\/\/standpoint\.test\/decide\/([A-Za-z0-9_-]{43})/g;

/**
 * The approver's path, end to end: the worker sends the approval request over SMTP to a real
 * peer, the approver opens its one link in a real browser, reads the drafts and the risks and
 * approves on the record; GraphQL and the audit trail then tell who decided, and how.
 */
describeInBrowser('an approval decided from its email', () => {
  jest.setTimeout(120_000);
  const clock = new FakeClock(new Date('2026-12-01T09:00:00.000Z'));
  const env: Record<string, string> = { PUBLIC_URL, WORKER_INTERVAL_MS: '200' };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  afterAll(() => peer?.stop());
  const app = useTestApp(AppModule, env, { clock });

  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;
  let auditor: TestMember;
  let browser: Browser;
  let proposalId: string;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    const admin = await app.fixtures.member(brand.id, ['ADMIN']);
    [manager, approver, auditor] = await Promise.all([
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
      app.fixtures.member(brand.id, ['AUDITOR']),
    ]);
    await app.data(
      'mutation ($input: SetApprovalPolicyInput!) { setApprovalPolicy(input: $input) { version } }',
      {
        input: {
          brandId: brand.id,
          steps: [{ name: 'Leadership', approverIds: [approver.id], quorum: 'ANY', slaHours: 10 }],
        },
      },
      admin.token,
    );
    // The emails' host resolves to the test server: the browser opens exactly the emailed link.
    browser = await launchBrowser(`MAP standpoint.test:80 ${new URL(app.t.url).host}`);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(() => browser?.close());

  /** The emails the peer received for one address, parsed, oldest first; waits for `count`. */
  const inbox = async (address: string, count: number): Promise<ParsedMail[]> => {
    const mine = () => peer.received.filter((m) => m.to.includes(address));
    await waitFor(`${count} emails to ${address}`, () => mine().length >= count, {
      timeoutMs: 30_000,
    });
    return Promise.all(mine().map((m) => simpleParser(m.text)));
  };

  it('submits a proposal whose approval request arrives over SMTP with one decision link per part', async () => {
    proposalId = (
      await app.fixtures.inReview(brand.id, manager.token, {
        title: 'Shelters tonight',
        issue: 'Flood relief',
        stanceType: 'ACTION_ANNOUNCEMENT',
        urgency: 'CRISIS',
        drafts: [
          { channel: 'X', body: X_WORDS },
          { channel: 'LINKEDIN', body: LINKEDIN_WORDS },
        ],
        riskNote: {
          category: 'PERFORMATIVE_ALLYSHIP',
          likelihood: 4,
          impact: 4,
          description: RISK,
        },
        evidence: { kind: 'EMPLOYEE_SENTIMENT', summary: 'Store staff asked to open the doors' },
        recommendation: { recommendation: 'HOLD', rationale: 'Wait until staffed' },
      })
    ).id;

    const [request] = await inbox(approver.email, 1);
    expect(request.subject).toContain('Shelters tonight');
    expect(request.from?.value).toEqual([{ name: 'Standpoint', address: 'standpoint@localhost' }]);
    expect(request.text).toContain(X_WORDS);
    expect(request.text).toContain(RISK);
    expect([...(request.text ?? '').matchAll(LINK)]).toHaveLength(1);
    const htmlLinks = [...String(request.html).matchAll(LINK)].map((m) => m[0]);
    expect(new Set(htmlLinks).size).toBe(1);
    expect(htmlLinks[0]).toBe([...(request.text ?? '').matchAll(LINK)][0][0]);
  });

  it('reminds the approver at half time, as the system, with a link of its own', async () => {
    clock.advanceHours(6);
    const [request, reminder] = await inbox(approver.email, 2);
    expect(reminder.messageId).not.toBe(request.messageId);
    const [requestLink] = [...(request.text ?? '').matchAll(LINK)];
    const [reminderLink] = [...(reminder.text ?? '').matchAll(LINK)];
    expect(reminderLink[1]).not.toBe(requestLink[1]);
  });

  it('opens the link in a browser, shows drafts and risks, and records the approval with channel EMAIL_LINK', async () => {
    const [request] = await inbox(approver.email, 1);
    const [link] = [...(request.text ?? '').matchAll(LINK)].map((m) => m[0]);
    const page = await browser.newPage();

    await page.goto(link);
    expect(await page.getByText(X_WORDS).isVisible()).toBe(true);
    expect(await page.getByText(LINKEDIN_WORDS).isVisible()).toBe(true);
    expect(await page.getByText(RISK).first().isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /Risk heat map/ }).isVisible()).toBe(true);

    await page.getByLabel('Approve', { exact: true }).check();
    await page.getByLabel('Comment').fill('Staffing confirmed by phone; people need shelter now');
    await page.getByLabel(/I acknowledge the risks/).check();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'email-approval.png'), fullPage: true });
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Record my decision' }).click(),
    ]);
    expect(await page.getByRole('heading', { name: 'Your decision is recorded' }).isVisible()).toBe(
      true,
    );
    await page.close();

    const read = await app.data(
      `query ($id: ID!) { proposal(id: $id) {
        state decisions { outcome channel overridesRecommendation approver { email } }
      } }`,
      { id: proposalId },
      manager.token,
    );
    expect(read.proposal).toEqual({
      state: 'APPROVED',
      decisions: [
        {
          outcome: 'APPROVE',
          channel: 'EMAIL_LINK',
          overridesRecommendation: true,
          approver: { email: approver.email },
        },
      ],
    });
  });

  it('lists every change in the audit trail with who made it, and the chain verifies', async () => {
    const listed = await app.data(
      `query ($brandId: ID!) { auditEvents(brandId: $brandId, first: 500) {
        totalCount edges { node { seq action actorLabel } }
      } }`,
      { brandId: brand.id },
      auditor.token,
    );
    const events: { seq: number; action: string; actorLabel: string }[] =
      listed.auditEvents.edges.map((e: { node: unknown }) => e.node);
    const chain = await app.auditChain(brand.id);
    expect(events.map((e) => [e.seq, e.action, e.actorLabel])).toEqual(
      chain.map((e) => [e.seq, e.action, e.actorLabel]),
    );
    const by = (action: string) =>
      events.filter((e) => e.action === action).map((e) => e.actorLabel);
    expect(by('proposal.created')).toEqual([manager.email]);
    expect(by('proposal.submitted')).toEqual([manager.email]);
    expect(by('step.reminded')).toEqual(['system']);
    expect(by('decision.recorded')).toEqual([`email-link:${approver.email}`]);

    const verified = await app.data(
      'query ($brandId: ID!) { verifyAuditChain(brandId: $brandId) { valid checkedEvents } }',
      { brandId: brand.id },
      auditor.token,
    );
    expect(verified.verifyAuditChain).toEqual({ valid: true, checkedEvents: chain.length });
  });
});
