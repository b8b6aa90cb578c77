import { decisionEventPasskeyProblem } from '@standpoint/audit';
import {
  describeInBrowser,
  launchBrowser,
  mintDecisionLink,
  TestBrand,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'http://standpoint.test';

const SET_POLICY = `mutation ($input: SetApprovalPolicyInput!) {
  setApprovalPolicy(input: $input) { passkeyRequiredFor }
}`;
const REGISTRATION_OPTIONS = 'mutation { passkeyRegistrationOptions }';
const REGISTER = `mutation ($input: RegisterPasskeyInput!) {
  registerPasskey(input: $input) { name }
}`;

/**
 * An approver's own authenticator confirms an override on the decision page, in Chromium with a
 * CDP virtual authenticator (a platform passkey that verifies its user): the passkey is made by
 * the browser, the page's script has it sign the challenge, and the audit event's assertion
 * verifies with no database, and not once its signature is altered.
 */
describeInBrowser('passkey on the decision page', () => {
  jest.setTimeout(60_000);
  const app = useTestApp(AppModule, { PUBLIC_URL, WORKER_INTERVAL_MS: '3600000' });
  let brand: TestBrand;
  let manager: TestMember;
  let approver: TestMember;
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;

  beforeAll(async () => {
    brand = await app.fixtures.brand();
    [manager, approver] = await Promise.all([
      app.fixtures.member(brand.id, ['SOCIAL_MANAGER']),
      app.fixtures.member(brand.id, ['APPROVER']),
    ]);
    await app.data(
      SET_POLICY,
      {
        input: {
          brandId: brand.id,
          steps: [{ name: 'Approval', role: 'APPROVER', quorum: 'ANY' }],
          passkeyRequiredFor: 'OVERRIDES',
        },
      },
      await app.fixtures.admin(),
    );
    browser = await launchBrowser(`MAP standpoint.test:80 ${new URL(app.t.url).host}`, [
      PUBLIC_URL,
    ]);
    context = await browser.newContext();
    tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  });
  afterAll(() => browser?.close());

  it('registers a passkey in the browser, then approves against the team with it', async () => {
    const proposal = await app.fixtures.inReview(brand.id, manager.token, {
      title: 'Against the team, on my device',
      recommendation: { recommendation: 'HOLD', rationale: 'Wait for legal' },
    });
    const link = `${PUBLIC_URL}/decide/${await mintDecisionLink(app.t, proposal.id, approver.id)}`;

    // Before a passkey: the page says the brand asks for one.
    await tab.goto(link);
    expect(await tab.locator('#passkey-missing').textContent()).toContain(
      'The brand asks you to confirm approving with your passkey, and you have none yet',
    );

    // The browser makes the passkey on the page's origin, as an account page would.
    const options = (await app.data(REGISTRATION_OPTIONS, {}, approver.token))
      .passkeyRegistrationOptions;
    const response = await tab.evaluate(async (json) => {
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(json));
      const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
      return JSON.stringify(credential.toJSON());
    }, options);
    await app.data(REGISTER, { input: { name: 'This browser', response } }, approver.token);

    await tab.goto(link);
    expect(await tab.locator('#passkey-required').textContent()).toContain(
      'The brand asks you to confirm approving with your passkey',
    );
    await tab.getByLabel('Approve').check();
    await tab.getByLabel('Comment').fill('Legal cleared it by phone');
    await tab.getByLabel("I acknowledge the risks and the team's warning").check();
    await tab.getByRole('button', { name: 'Record my decision' }).click();
    await tab.getByRole('heading', { name: 'Your decision is recorded' }).waitFor();

    const event = (await app.proposalAuditEvents(brand.id, proposal.id)).find(
      (e) => e.action === 'decision.recorded',
    )!;
    const data = event.data as Record<string, any>;
    expect(data).toMatchObject({ outcome: 'APPROVE', contentHash: proposal.contentHash });
    expect(data.channel).toBe('EMAIL_LINK');
    expect(data.passkey).toMatchObject({ rpId: 'standpoint.test', origin: PUBLIC_URL });
    // As an offline verifier reads it: the event alone.
    const stored = { brandId: event.brandId, action: event.action, data };
    expect(decisionEventPasskeyProblem(stored)).toBeNull();
    const signature = Buffer.from(data.passkey.signature, 'base64url');
    signature[8] ^= 1;
    const altered = {
      ...data,
      passkey: { ...data.passkey, signature: signature.toString('base64url') },
    };
    expect(decisionEventPasskeyProblem({ ...stored, data: altered })).toBe(
      'the signature does not verify',
    );
  });

  it('without the passkey (no script), refuses the override and records nothing', async () => {
    const proposal = await app.fixtures.inReview(brand.id, manager.token, {
      title: 'Against the team, no script',
      recommendation: { recommendation: 'HOLD', rationale: 'Wait for legal' },
    });
    const token = await mintDecisionLink(app.t, proposal.id, approver.id);
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(`${PUBLIC_URL}/decide/${token}`);
    await page.getByLabel('Approve').check();
    await page.getByLabel('Comment').fill('Legal cleared it by phone');
    await page.getByLabel("I acknowledge the risks and the team's warning").check();
    await page.getByRole('button', { name: 'Record my decision' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain(
      'The brand asks you to confirm this decision with your passkey',
    );
    await plain.close();
    const events = await app.proposalAuditEvents(brand.id, proposal.id);
    expect(events.map((e) => e.action)).not.toContain('decision.recorded');
  });
});
