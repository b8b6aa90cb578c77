import { AntiForgery } from '@standpoint/decision-page';
import { UserEntity } from '@standpoint/identity';
import {
  ARTIFACTS_DIR,
  deliverOutbox,
  describeInBrowser,
  errorCodes,
  FakeClock,
  fieldsOf,
  launchBrowser,
  outboxOf,
  provisionTestDatabase,
  SmtpPeer,
  startTestApp,
  TestApp,
  TestBrand,
  TestMember,
  useTestApp,
  waitFor,
} from '@standpoint/testing';
import { WorkerJobs } from '@standpoint/worker';
import { ParsedMail, simpleParser } from 'mailparser';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { AppModule } from '../src/app.module';

/** The address the emails link to; the browser is pointed at the test server for it. */
const PUBLIC_URL = 'http://standpoint.test';
const LINK = /http:\/\/standpoint\.test\/account\/password\/([A-Za-z0-9_-]{43})/g;
const ADD = `mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }`;
const RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const STRONG = 'copper lantern orchard 1977 drift';

/** One turn of a worker job, as the loop runs it. */
const runJob = (t: TestApp, name: string) =>
  t.app
    .get(WorkerJobs)
    .all()
    .find((job) => job.name === name)!
    .run();

/**
 * Nobody knows another's password: a new member chooses theirs through a single-use welcome link,
 * anyone may ask for a reset link (the answer never tells whether the address is known), and the
 * page that sets it is walked in a real browser.
 */
describeInBrowser('password links', () => {
  jest.setTimeout(60_000);
  const clock = new FakeClock(new Date('2026-12-01T09:00:00.000Z'));
  const env: Record<string, string> = { PUBLIC_URL };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env, { clock, signIn: 'login' });
  afterAll(() => peer?.stop());

  let brand: TestBrand;
  let admin: TestMember;
  let browser: Browser;
  beforeAll(async () => {
    brand = await app.fixtures.brand('Harbour Coffee');
    admin = await app.fixtures.member(brand.id, ['ADMIN']);
    browser = await launchBrowser(`MAP standpoint.test:80 ${new URL(app.t.url).host}`);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(() => browser?.close());

  /** The newest email to `address` once the worker has sent it, parsed, with its one link. */
  const emailTo = async (address: string, count = 1) => {
    const mine = () => peer.received.filter((m) => m.to.includes(address));
    await deliverOutbox(app.t);
    await waitFor(`${count} emails to ${address}`, () => mine().length >= count);
    const email: ParsedMail = await simpleParser(mine().at(-1)!.text);
    const textLinks = [...(email.text ?? '').matchAll(LINK)].map((m) => m[0]);
    const htmlLinks = [...String(email.html).matchAll(LINK)].map((m) => m[0]);
    return { email, textLinks, htmlLinks, token: [...textLinks[0].matchAll(LINK)][0][1] };
  };
  const page = async (token: string, fields?: Record<string, string>) => {
    const response = await fetch(`${app.t.url}/account/password/${token}`, {
      method: fields ? 'POST' : 'GET',
      headers: fields ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
      body: fields ? new URLSearchParams(fields) : undefined,
    });
    return { status: response.status, headers: response.headers, html: await response.text() };
  };
  const post = (token: string, password: string) =>
    page(token, { antiForgery: app.t.app.get(AntiForgery).fieldFor(token), password });
  const welcome = async (name: string) => {
    const email = `${name.toLowerCase()}-${Date.now()}@example.test`;
    const { addMember } = await app.data(
      ADD,
      { input: { brandId: brand.id, email, name, roles: ['CONTRIBUTOR'] } },
      admin.token,
    );
    return { id: addMember.user.id as string, ...(await emailTo(email)) };
  };
  const signsIn = async (email: string, password: string) =>
    app.fixtures.login(email, password).then(
      () => true,
      () => false,
    );

  it('welcomes a member added without a password with exactly one link in each part', async () => {
    const { email, textLinks, htmlLinks, id } = await welcome('Noor');
    expect(email.subject).toBe('Welcome to Harbour Coffee on Standpoint');
    expect(email.text).toContain('Choose your password');
    expect(textLinks).toHaveLength(1);
    expect(new Set(htmlLinks)).toEqual(new Set(textLinks));
    expect(htmlLinks).toHaveLength(1);
    // The stored email holds no secret: the token was made when it was sent.
    const stored = (await outboxOf(app.t, brand.id)).find((m) => m.recipientUserId === id)!;
    expect(stored.body).toContain('/account/password/{{password-token}}');
    expect(stored.body).not.toContain(textLinks[0]);
  });

  it('is walked in a browser: a form, a weak password refused, a strong one set, then signing in', async () => {
    const { email: mail, token } = await welcome('Ana');
    const address = mail.to && 'value' in mail.to ? mail.to.value[0].address! : '';
    // Opening it, any number of times, changes nothing.
    expect((await page(token)).status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const tab = await context.newPage();
    const response = await tab.goto(`${PUBLIC_URL}/account/password/${token}`);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
    const field = tab.getByLabel('New password');
    expect(await field.getAttribute('autocomplete')).toBe('new-password');
    const widths = await tab.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.content).toBeLessThanOrEqual(widths.viewport);

    // From the keyboard: type, press Enter.
    await field.fill('password12');
    await Promise.all([tab.waitForNavigation(), field.press('Enter')]);
    expect(await tab.getByRole('alert').textContent()).toMatch(/too easy to guess/);
    expect(await tab.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    expect(await signsIn(address, 'password12')).toBe(false);

    await tab.getByLabel('New password').fill(STRONG);
    await tab.screenshot({ path: join(ARTIFACTS_DIR, 'password-page-375px.png'), fullPage: true });
    await Promise.all([
      tab.waitForNavigation(),
      tab.getByRole('button', { name: 'Set password' }).click(),
    ]);
    expect(await tab.getByRole('heading', { name: 'Your password is set' }).isVisible()).toBe(true);
    await context.close();

    expect(await signsIn(address, STRONG)).toBe(true);
    // A second use is refused, by the page and by the form.
    const again = await page(token);
    expect(again.status).toBe(410);
    expect(again.html).toContain('This link has been used');
    expect((await post(token, 'another strong passphrase 2026')).status).toBe(410);
    expect(await signsIn(address, 'another strong passphrase 2026')).toBe(false);
  });

  it('refuses a form that the page did not make, and an unknown token, changing nothing', async () => {
    const { token, id } = await welcome('Ike');
    const forged = await page(token, { password: STRONG });
    expect(forged.status).toBe(403);
    expect((await page('A'.repeat(43))).status).toBe(404);
    expect((await page(token)).status).toBe(200);
    const user = await app.t.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
    expect(user.passwordHash).toBeNull();
  });

  describe('reset links', () => {
    let member: TestMember;
    let requests = 0;
    const requestReset = (email: string) => {
      requests += 1;
      return app.gql(RESET, { email });
    };
    beforeAll(async () => {
      member = await app.fixtures.member(brand.id, ['SOCIAL_MANAGER']);
    });

    it('answers true for a known and an unknown address alike, and mails only the known one', async () => {
      const unknown = `nobody-${Date.now()}@example.test`;
      const rows = async () => ({
        outbox: (await outboxOf(app.t, brand.id)).length,
        requests: Number(
          (await app.t.dataSource.query('SELECT COUNT(*) AS n FROM "password_reset_request"'))[0].n,
        ),
      });
      for (const email of [member.email, unknown]) {
        const before = await rows();
        const answer = await requestReset(email);
        expect(answer.data).toEqual({ requestPasswordReset: true });
        // The request itself does the same work whatever the address: its one row, nothing more.
        expect(await rows()).toEqual({ ...before, requests: before.requests + 1 });
      }
      expect(await runJob(app.t, 'password resets')).toBe(2);
      const { email, textLinks, htmlLinks } = await emailTo(member.email);
      expect(email.subject).toBe('Reset your Standpoint password');
      expect(textLinks).toHaveLength(1);
      expect(htmlLinks).toEqual(textLinks);
      await deliverOutbox(app.t);
      expect(peer.received.filter((m) => m.to.includes(unknown))).toEqual([]);
    });

    it('ends every session of the user once the new password is set', async () => {
      const other = await app.fixtures.login(member.email, member.password);
      await requestReset(member.email);
      await runJob(app.t, 'password resets');
      const { token } = await emailTo(member.email, 2);
      expect((await post(token, 'password12')).status).toBe(422);
      expect((await post(token, STRONG)).status).toBe(200);
      for (const old of [member.token, other]) {
        expect(errorCodes(await app.gql('{ viewer { id } }', {}, old))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      expect(await signsIn(member.email, STRONG)).toBe(true);
      expect(await signsIn(member.email, member.password)).toBe(false);
    });

    it('lives an hour', async () => {
      await requestReset(member.email);
      await runJob(app.t, 'password resets');
      const { token } = await emailTo(member.email, 3);
      clock.advanceHours(1.01);
      const late = await page(token);
      expect(late.status).toBe(410);
      expect(late.html).toContain('This link has expired');
    });

    it('is limited per address asked for, and per client', async () => {
      // Three reset emails an hour for one address: the fourth request is refused.
      let answer = await requestReset(member.email);
      while (!answer.errors) answer = await requestReset(member.email);
      expect(errorCodes(answer)).toEqual(['TOO_MANY_REQUESTS']);
      expect(answer.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
      expect(requests).toBeLessThanOrEqual(10);

      // Ten requests an hour from one client, whatever the addresses.
      while (requests < 10)
        expect((await requestReset(`x${requests}@example.test`)).errors).toBe(undefined);
      expect(errorCodes(await requestReset('one-more@example.test'))).toEqual([
        'TOO_MANY_REQUESTS',
      ]);
    });
  });

  it('refuses weak passwords where an admin sets one outside production', async () => {
    for (const weak of ['password12', 'aaaaaaaaaaaa']) {
      const refused = await app.gql(
        ADD,
        {
          input: {
            brandId: brand.id,
            email: `weak-${weak}@example.test`,
            name: 'Weak',
            roles: ['CONTRIBUTOR'],
            password: weak,
          },
        },
        admin.token,
      );
      expect(fieldsOf(refused)).toEqual([['input.password', 'strongPassword']]);
    }
  });

  it("kills a deactivated user's welcome link", async () => {
    const { token, id } = await welcome('Gone');
    await app.data(
      'mutation ($u: ID!) { deactivateUser(userId: $u) { id } }',
      { u: id },
      await app.fixtures.admin(),
    );
    const closed = await page(token);
    expect(closed.status).toBe(410);
    expect(closed.html).toContain('This account is not active');
    expect((await post(token, STRONG)).status).toBe(410);
  });
});

describe('the platform administrator of a first start', () => {
  it('gets no weaker password than anyone: a weak STANDPOINT_ADMIN_PASSWORD stops the start', async () => {
    const database = await provisionTestDatabase();
    try {
      await expect(
        startTestApp(AppModule, { STANDPOINT_ADMIN_PASSWORD: 'password12' }, { database }),
      ).rejects.toThrow(/STANDPOINT_ADMIN_PASSWORD is refused: This password is too easy to guess/);
    } finally {
      await database.drop();
    }
  });
});

describe('adding a member in production', () => {
  const app = useTestApp(
    AppModule,
    { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' },
    { signIn: 'login' },
  );

  it('refuses a password chosen by the admin, explaining the welcome link', async () => {
    const brand = await app.fixtures.brand();
    const refused = await app.gql(
      ADD,
      {
        input: {
          brandId: brand.id,
          email: 'chosen@example.test',
          name: 'Chosen',
          roles: ['APPROVER'],
          password: STRONG,
        },
      },
      await app.fixtures.admin(),
    );
    expect(fieldsOf(refused)).toEqual([['input.password', 'welcomeLink']]);
    expect(refused.errors![0].message).toMatch(/welcome email/);
  });
});
