import { AntiForgery } from '@standpoint/decision-page';
import { PasswordLinksService } from '@standpoint/identity';
import { OutboxMessageEntity } from '@standpoint/notifications';
import {
  describeInBrowser,
  emailsDeliveredTo,
  launchBrowser,
  SmtpPeer,
  startTestIdentityProvider,
  TEST_ADMIN,
  TestBrand,
  TestIdentityProvider,
  TestMember,
  useTestApp,
} from '@standpoint/testing';
import { WorkerJobs } from '@standpoint/worker';
import { OidcProviderEntity } from '../libs/identity/src/oidc/oidc-provider.entity';
import { SsoProvisioning } from '../libs/identity/src/sso/sso-provisioning';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'http://standpoint.test';
const CLIENT_REDIRECT = 'http://localhost:5173/signed-in';
const SET_PROVIDER = `mutation ($input: SetOidcProviderInput!) {
  setOidcProvider(input: $input) { id name issuer clientId emailDomains ssoRequired signInUrl redirectUri }
}`;
const SET_REQUIRED = `mutation ($brandId: ID!, $required: Boolean!) {
  setSsoRequired(brandId: $brandId, required: $required) { ssoRequired }
}`;
const EXCHANGE =
  'mutation ($code: String!) { exchangeSignInCode(code: $code) { token user { email } } }';
const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** A browser's cookies, by host, as simple as these redirects need. */
type Jar = Map<string, Map<string, string>>;

/**
 * Sign-in through an organisation's OpenID provider, against a real oidc-provider on a local
 * port: the whole walk (start, the provider's sign-in, callback, code exchange, a GraphQL call
 * with the session) by HTTP and in Chromium, and each refusal: the state, a replayed code, an ID
 * token for another audience, with another nonce, from another issuer, expired or signed by a
 * stranger, an unverified or foreign email, a non-member, a deactivated user. Then enforcement,
 * and just-in-time provisioning from the ID token's groups.
 */
describe('OIDC sign-in', () => {
  const env: Record<string, string> = {
    PUBLIC_URL,
    OIDC_ALLOW_PRIVATE_ISSUERS: 'true',
    SSO_CLIENT_REDIRECTS: CLIENT_REDIRECT,
  };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env);
  afterAll(() => peer?.stop());
  let idp: TestIdentityProvider;
  let brand: TestBrand;
  let other: TestBrand;
  let member: TestMember;
  let providerId: string;

  /** Follows the sign-in from its start to Standpoint's callback, as a browser would. */
  async function signIn(login: string, jar: Jar = new Map(), provider = providerId, query = '') {
    let url = `${PUBLIC_URL}/auth/oidc/${provider}/start${query}`;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 10; hop++) {
      const target = new URL(url.replace(PUBLIC_URL, app.t.url));
      const cookies = jar.get(target.host) ?? new Map<string, string>();
      jar.set(target.host, cookies);
      const sent = new Map(cookies);
      const response = await fetch(target, {
        method,
        redirect: 'manual',
        body,
        headers: {
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        cookies.set(name!, value.join('='));
      }
      if (url.startsWith(`${PUBLIC_URL}/auth/oidc/callback`)) {
        const location = response.headers.get('location');
        return { url, status: response.status, page: await response.text(), jar, sent, location };
      }
      if (target.pathname.startsWith('/interaction/') && method === 'GET') {
        await response.text();
        [method, body] = ['POST', new URLSearchParams({ login }).toString()];
        continue;
      }
      [method, body] = ['GET', undefined];
      url = new URL(response.headers.get('location')!, target).href;
    }
    throw new Error('the sign-in did not come back');
  }

  /** Asks for the callback again, with what the browser holds. */
  async function callback(url: string, jar: Jar) {
    const target = new URL(url.replace(PUBLIC_URL, app.t.url));
    const cookies = jar.get(target.host) ?? new Map();
    const response = await fetch(target, {
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    return { status: response.status, page: await response.text() };
  }

  const codeOf = (page: string) => /<output id="sign-in-code">([\w-]+)<\/output>/.exec(page)?.[1];

  function account(login: string, email: string, verified = true) {
    idp.accounts.set(login, { email, email_verified: verified, name: login });
    return login;
  }

  beforeAll(async () => {
    idp = await startTestIdentityProvider(`${PUBLIC_URL}/auth/oidc/callback`);
    [brand, other] = [await app.fixtures.brand(), await app.fixtures.brand()];
    member = await app.fixtures.member(brand.id, ['APPROVER']);
    const configured = await app.data(
      SET_PROVIDER,
      {
        input: {
          name: 'Acme IdP',
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          emailDomains: ['example.test'],
          brandIds: [brand.id],
        },
      },
      await app.fixtures.admin(),
    );
    providerId = configured.setOidcProvider.id;
    expect(configured.setOidcProvider).toMatchObject({
      issuer: idp.issuer,
      emailDomains: ['example.test'],
      ssoRequired: false,
      signInUrl: `${PUBLIC_URL}/auth/oidc/${providerId}/start`,
      redirectUri: `${PUBLIC_URL}/auth/oidc/callback`,
    });
    expect(JSON.stringify(configured)).not.toContain(idp.clientSecret);
  });
  afterAll(() => idp?.close());

  it('signs a member in: a one-time code on the page, exchanged once for a working session', async () => {
    const { status, page, url } = await signIn(account('member', member.email));
    expect(status).toBe(200);
    expect(url).not.toMatch(/token=/);
    const code = codeOf(page)!;
    expect(code).toBeDefined();

    const { exchangeSignInCode } = await app.data(EXCHANGE, { code });
    expect(exchangeSignInCode.user.email).toBe(member.email);
    const viewer = await app.data('{ viewer { email } }', {}, exchangeSignInCode.token);
    expect(viewer.viewer.email).toBe(member.email);

    const again = await app.gql(EXCHANGE, { code });
    expect(again.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const events = (await app.auditChain(brand.id)).filter(
      (e) => e.action === 'user.signed_in_with_sso',
    );
    expect(events.at(-1)?.data).toMatchObject({ email: member.email, providerName: 'Acme IdP' });
    expect(
      (await app.auditChain(other.id)).some((e) => e.action === 'user.signed_in_with_sso'),
    ).toBe(false);
  });

  it('takes Entra ID’s verified-domain claim for a verified email', async () => {
    idp.accounts.set('entra', { email: member.email, xms_edov: true });
    expect(codeOf((await signIn('entra')).page)).toBeDefined();
  });

  it('starts no sign-in for a provider that does not exist or serves no brand', async () => {
    const unknown = await fetch(`${app.t.url}/auth/oidc/oidc_unknown/start`, {
      redirect: 'manual',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  it('starts no sign-in while the provider cannot be reached', async () => {
    const down = await startTestIdentityProvider(`${PUBLIC_URL}/auth/oidc/callback`);
    const { setOidcProvider } = await app.data(
      SET_PROVIDER,
      {
        input: {
          name: 'Down IdP',
          issuer: down.issuer,
          clientId: down.clientId,
          clientSecret: down.clientSecret,
          emailDomains: ['example.test'],
          brandIds: [(await app.fixtures.brand()).id],
        },
      },
      await app.fixtures.admin(),
    );
    await down.close();
    const start = await fetch(`${app.t.url}/auth/oidc/${setOidcProvider.id}/start`, {
      redirect: 'manual',
    });
    expect(start.status).toBe(502);
    expect(await start.text()).toContain('Down IdP cannot be reached');
    expect(start.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a callback whose state is not the one this browser started with, or without its cookie', async () => {
    const first = await signIn(account('member', member.email));
    const forged = first.url.replace(/state=[^&]+/, 'state=forged');
    expect((await callback(forged, new Map())).page).toContain('(STATE)');
    const second = await signIn('member');
    expect(
      (await callback(second.url.replace(/state=[^&]+/, 'state=forged'), second.jar)).page,
    ).toContain('(STATE)');
  });

  it('ends at a registered client address with the code in the fragment, when the client asks', async () => {
    const asked = `?client_redirect=${encodeURIComponent(CLIENT_REDIRECT)}`;
    const { status, location } = await signIn(
      account('client', member.email),
      new Map(),
      providerId,
      asked,
    );
    expect(status).toBe(303);
    const code = /^http:\/\/localhost:5173\/signed-in#sign_in_code=([\w-]+)$/.exec(location!)?.[1];
    expect((await app.data(EXCHANGE, { code })).exchangeSignInCode.user.email).toBe(member.email);

    const refused = await signIn(
      account('client-foreign', 'someone@elsewhere.test'),
      new Map(),
      providerId,
      asked,
    );
    expect(refused.location).toBe(`${CLIENT_REDIRECT}#sign_in_error=EMAIL_DOMAIN`);

    for (const unregistered of ['http://localhost:5173/other', 'https://evil.example/signed-in']) {
      const start = await fetch(
        `${app.t.url}/auth/oidc/${providerId}/start?client_redirect=${encodeURIComponent(unregistered)}`,
        { redirect: 'manual' },
      );
      expect(start.status).toBe(400);
      expect(start.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses a replayed authorization code, even with the cookie it came with', async () => {
    const first = await signIn(account('member', member.email));
    expect(first.status).toBe(200);
    const replayed = await callback(first.url, new Map([[new URL(app.t.url).host, first.sent]]));
    expect(replayed.status).toBe(403);
    expect(replayed.page).toContain('(PROVIDER)');
  });

  it.each([
    [
      'another audience',
      { claims: (c: Record<string, unknown>) => ({ ...c, aud: 'someone-else' }) },
    ],
    [
      'another nonce',
      { claims: (c: Record<string, unknown>) => ({ ...c, nonce: 'replayed-nonce' }) },
    ],
    [
      'another issuer',
      { claims: (c: Record<string, unknown>) => ({ ...c, iss: 'https://evil.example' }) },
    ],
    ['an expiry past', { claims: (c: Record<string, unknown>) => ({ ...c, exp: 1_000_000 }) }],
    ['a stranger’s signature', { foreignKey: true }],
  ])('refuses an ID token with %s', async (_, tampering) => {
    idp.tamperNextIdToken(tampering);
    const { status, page } = await signIn(account('member', member.email));
    expect(status).toBe(403);
    expect(page).toContain('(PROVIDER)');
    expect(codeOf(page)).toBeUndefined();
  });

  it('refuses an unverified email, an email outside the domains, a non-member and a deactivated user', async () => {
    const refusal = async (login: string) => /\((\w+)\)<\/p>/.exec((await signIn(login)).page)?.[1];
    expect(await refusal(account('unverified', member.email, false))).toBe('EMAIL_UNVERIFIED');
    idp.accounts.set('entra-unverified', { email: member.email, xms_edov: false });
    expect(await refusal('entra-unverified')).toBe('EMAIL_UNVERIFIED');
    expect(await refusal(account('foreign', 'someone@elsewhere.test'))).toBe('EMAIL_DOMAIN');
    expect(await refusal(account('stranger', 'nobody-yet@example.test'))).toBe('NOT_A_MEMBER');
    const elsewhere = await app.fixtures.member(other.id, ['APPROVER']);
    expect(await refusal(account('elsewhere', elsewhere.email))).toBe('NOT_A_MEMBER');
    const leaver = await app.fixtures.member(brand.id, ['REVIEWER']);
    await app.data(
      'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
      { id: leaver.id },
      await app.fixtures.admin(),
    );
    expect(await refusal(account('leaver', leaver.email))).toBe('INACTIVE');
  });

  it('lets a brand admin vouch only for their own address’s domain, and only for their brands', async () => {
    const admin = await app.fixtures.member(other.id, ['ADMIN']);
    const input = {
      name: 'Other IdP',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      brandIds: [other.id],
    };
    const unverified = await app.gql(
      SET_PROVIDER,
      { input: { ...input, emailDomains: ['rival.test'] } },
      admin.token,
    );
    expect(unverified.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'input.emailDomains', rules: ['verifiedDomain'] }),
    ]);
    const notTheirs = await app.gql(
      SET_PROVIDER,
      { input: { ...input, emailDomains: ['example.test'], brandIds: [other.id, brand.id] } },
      admin.token,
    );
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await app.gql(
      SET_PROVIDER,
      { input: { ...input, emailDomains: ['example.test'] } },
      admin.token,
    );
    expect(own.errors).toBeUndefined();
  });

  it('records each change without its secret, and keeps one provider per brand and other brands’ providers out of sight', async () => {
    const configured = (await app.auditChain(brand.id)).find(
      (e) => e.action === 'oidc_provider.set',
    )!;
    expect(configured.data).toEqual({
      name: 'Acme IdP',
      issuer: idp.issuer,
      clientId: idp.clientId,
      emailDomains: ['example.test'],
      groupsClaim: 'groups',
      serves: true,
      secretChanged: true,
    });
    expect(JSON.stringify(await app.auditChain(brand.id))).not.toContain(idp.clientSecret);

    const root = await app.fixtures.admin();
    const second = await app.gql(
      SET_PROVIDER,
      {
        input: {
          name: 'Second IdP',
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          emailDomains: ['example.test'],
          brandIds: [brand.id],
        },
      },
      root,
    );
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const outsider = await app.fixtures.member(other.id, ['ADMIN']);
    const hidden = await app.gql(
      'query ($b: ID!) { oidcProvider(brandId: $b) { id } }',
      { b: brand.id },
      outsider.token,
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses to require SSO while a member could not sign in through it, and to drop a brand that requires it', async () => {
    const root = await app.fixtures.admin();
    const mixed = await app.fixtures.brand();
    await app.data(
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { roles } }',
      {
        input: {
          brandId: mixed.id,
          email: 'contractor@elsewhere.test',
          name: 'Casey Contractor',
          roles: ['REVIEWER'],
        },
      },
      root,
    );
    const input = {
      name: 'Mixed IdP',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      emailDomains: ['example.test'],
      brandIds: [mixed.id],
    };
    const { setOidcProvider } = await app.data(SET_PROVIDER, { input }, root);
    const refused = await app.gql(SET_REQUIRED, { brandId: mixed.id, required: true }, root);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('1 member(s) have an address outside example.test'),
      extensions: { code: 'CONFLICT' },
    });

    await app.data(
      SET_PROVIDER,
      {
        input: {
          ...input,
          id: setOidcProvider.id,
          emailDomains: ['example.test', 'elsewhere.test'],
        },
      },
      root,
    );
    await app.data(SET_REQUIRED, { brandId: mixed.id, required: true }, root);
    const dropped = await app.gql(
      SET_PROVIDER,
      { input: { ...input, id: setOidcProvider.id, brandIds: [(await app.fixtures.brand()).id] } },
      root,
    );
    expect(dropped.errors?.[0]).toMatchObject({
      message: expect.stringContaining('lift the requirement first'),
      extensions: { code: 'CONFLICT' },
    });
  });

  it('enforcement: once the brand requires SSO, its members’ password sign-in is refused; a platform administrator keeps theirs', async () => {
    const ssoLess = await app.fixtures.brand();
    const refusedWithout = await app.gql(
      SET_REQUIRED,
      { brandId: ssoLess.id, required: true },
      await app.fixtures.admin(),
    );
    expect(refusedWithout.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    expect(
      (await app.gql(LOGIN, { email: member.email, password: member.password })).errors,
    ).toBeUndefined();
    await app.data(SET_REQUIRED, { brandId: brand.id, required: true }, await app.fixtures.admin());
    const refused = await app.gql(LOGIN, { email: member.email, password: member.password });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'SSO_REQUIRED',
      signInUrl: `${PUBLIC_URL}/auth/oidc/${providerId}/start`,
    });
    const breakGlass = await app.gql(LOGIN, {
      email: TEST_ADMIN.email,
      password: TEST_ADMIN.password,
    });
    expect(breakGlass.errors).toBeUndefined();
    // Sign-in through the provider still works.
    const { page } = await signIn(account('member', member.email));
    expect(codeOf(page)).toBeDefined();
    await app.data(
      SET_REQUIRED,
      { brandId: brand.id, required: false },
      await app.fixtures.admin(),
    );
  });

  describe('once the brand requires SSO, nothing offers its members a password', () => {
    const signInUrl = () => `${PUBLIC_URL}/auth/oidc/${providerId}/start`;
    const emailsTo = (userId: string) =>
      app.t.dataSource
        .getRepository(OutboxMessageEntity)
        .find({ where: { recipientUserId: userId }, order: { id: 'ASC' } });
    beforeAll(async () =>
      app.data(SET_REQUIRED, { brandId: brand.id, required: true }, await app.fixtures.admin()),
    );
    afterAll(async () =>
      app.data(SET_REQUIRED, { brandId: brand.id, required: false }, await app.fixtures.admin()),
    );

    it('a reset request is answered with the provider’s sign-in, and no password link', async () => {
      await app.data('mutation ($e: String!) { requestPasswordReset(email: $e) }', {
        e: member.email,
      });
      const job = app.t.app
        .get(WorkerJobs)
        .all()
        .find((j) => j.name === 'password resets')!;
      await job.run();
      const email = (await emailsTo(member.id)).at(-1)!;
      expect(email.topic).toBe('account.password_reset');
      expect(email.passwordLinkId).toBeNull();
      expect(email.body).toContain(signInUrl());
      expect(email.body).not.toContain('/account/password/');
    });

    it('a new member without a password is welcomed with the sign-in, not a password link', async () => {
      const added = await app.data(
        'mutation ($input: AddMemberInput!) { addMember(input: $input) { user { id } } }',
        {
          input: {
            brandId: brand.id,
            email: 'newcomer@example.test',
            name: 'Noor Newcomer',
            roles: ['REVIEWER'],
          },
        },
        await app.fixtures.admin(),
      );
      const email = (await emailsTo(added.addMember.user.id)).at(-1)!;
      expect(email.topic).toBe('account.welcome');
      expect(email.passwordLinkId).toBeNull();
      expect(email.body).toContain(signInUrl());
    });

    it('a password link from before shows the provider instead of a form, and sets nothing', async () => {
      const token = await app.t.asSystem(async (ctx) => {
        const links = app.t.app.get(PasswordLinksService);
        const link = await links.create(ctx, member.id, 'RESET');
        return links.mintToken(ctx.em, link.id);
      });
      const page = await fetch(`${app.t.url}/account/password/${token}`);
      const text = await page.text();
      expect(page.status).toBe(409);
      expect(text).toContain('Sign in through Acme IdP');
      expect(text).toContain(`href="${signInUrl()}"`);
      expect(text).not.toContain('type="password"');
      const posted = await fetch(`${app.t.url}/account/password/${token}`, {
        method: 'POST',
        body: new URLSearchParams({
          antiForgery: app.t.app.get(AntiForgery).fieldFor(token),
          password: 'copper lantern orchard 1977',
        }),
      });
      expect(posted.status).toBe(409);
      expect(await posted.text()).toContain('none is set here');
      expect(
        (await app.gql(LOGIN, { email: member.email, password: member.password })).errors?.[0]
          ?.extensions?.code,
      ).toBe('SSO_REQUIRED');
    });
  });

  describe('just-in-time provisioning from the groups claim', () => {
    let served: TestBrand;
    let sister: TestBrand;
    let unserved: TestBrand;
    let groupsProvider: string;
    let admin: string;
    const providerLabel = () => `sso:Acme Groups (${groupsProvider})`;
    const SET_GROUP_ROLES = `mutation ($input: SetGroupRolesInput!) {
      setGroupRoles(input: $input) { group }
    }`;
    const MEMBERS = 'query ($id: ID!) { brand(id: $id) { members { roles user { email } } } }';
    const VIEWER = '{ viewer { name memberships { brand { id } roles } } }';
    const VIEWER_ID = '{ viewer { id } }';
    const dataOf = (event: { data: unknown } | undefined) =>
      (event?.data ?? {}) as Record<string, unknown>;

    /** Signs in through the groups provider with an ID token that names these groups. */
    async function signInWith(login: string, groups: string[]) {
      idp.tamperNextIdToken({ claims: (claims) => ({ ...claims, groups }) });
      return signIn(login, new Map(), groupsProvider);
    }
    async function tokenOf(page: string) {
      const code = codeOf(page);
      expect(code).toBeDefined();
      return (await app.data(EXCHANGE, { code })).exchangeSignInCode.token as string;
    }
    async function rolesIn(brandId: string, email: string) {
      const { brand: found } = await app.data(MEMBERS, { id: brandId }, admin);
      return (found.members as { roles: string[]; user: { email: string } }[]).find(
        (m) => m.user.email === email,
      )?.roles;
    }
    const eventsOf = async (brandId: string, action: string, email: string) =>
      (await app.auditChain(brandId)).filter(
        (e) => e.action === action && dataOf(e).email === email,
      );

    beforeAll(async () => {
      admin = await app.fixtures.admin();
      [served, sister, unserved] = [
        await app.fixtures.brand(),
        await app.fixtures.brand(),
        await app.fixtures.brand(),
      ];
      const configured = await app.data(
        SET_PROVIDER.replace('redirectUri', 'redirectUri groupsClaim'),
        {
          input: {
            name: 'Acme Groups',
            issuer: idp.issuer,
            clientId: idp.clientId,
            clientSecret: idp.clientSecret,
            emailDomains: ['example.test'],
            brandIds: [served.id, sister.id],
          },
        },
        admin,
      );
      groupsProvider = configured.setOidcProvider.id;
      expect(configured.setOidcProvider.groupsClaim).toBe('groups');
      for (const [brandId, group, roles] of [
        [served.id, 'Comms', ['SOCIAL_MANAGER']],
        [served.id, 'Legal', ['APPROVER']],
        [sister.id, 'Legal', ['REVIEWER']],
        [sister.id, 'Owners', ['ADMIN']],
        [unserved.id, 'Legal', ['ADMIN']],
      ] as const) {
        await app.data(SET_GROUP_ROLES, { input: { brandId, group, roles } }, admin);
      }
    });

    it('a first sign-in whose groups map creates the member with those roles, in the served brands only', async () => {
      const email = 'new.hire@example.test';
      const { page } = await signInWith(account('hire', email), ['LEGAL', 'comms', 'Unmapped']);
      const token = await tokenOf(page);
      const { viewer } = await app.data(VIEWER, {}, token);
      expect(viewer.name).toBe('hire');
      const roles = (brandId: string) =>
        (viewer.memberships as { brand: { id: string }; roles: string[] }[])
          .find((m) => m.brand.id === brandId)
          ?.roles.sort();
      expect(roles(served.id)).toEqual(['APPROVER', 'SOCIAL_MANAGER']);
      expect(roles(sister.id)).toEqual(['REVIEWER']);
      expect(roles(unserved.id)).toBeUndefined();
      expect((await rolesIn(served.id, email))?.sort()).toEqual(['APPROVER', 'SOCIAL_MANAGER']);
      const added = await eventsOf(served.id, 'member.added', email);
      expect(added.map((e) => e.actorLabel)).toEqual([providerLabel()]);
      expect((await app.auditChain(unserved.id)).map((e) => JSON.stringify(e.data))).not.toEqual(
        expect.arrayContaining([expect.stringContaining(email)]),
      );
    });

    it('never touches a brand the provider does not serve', async () => {
      const elsewhere = await app.fixtures.member(unserved.id, ['CONTRIBUTOR']);
      const { page } = await signInWith(account('elsewhere-jit', elsewhere.email), ['Legal']);
      await tokenOf(page);
      expect(await rolesIn(unserved.id, elsewhere.email)).toEqual(['CONTRIBUTOR']);
      expect(await rolesIn(served.id, elsewhere.email)).toEqual(['APPROVER']);
      expect(await eventsOf(unserved.id, 'member.roles_changed', elsewhere.email)).toEqual([]);
    });

    it('a later sign-in with fewer groups demotes, and the demoted approver leaves their active step', async () => {
      const email = 'new.hire@example.test';
      const manager = await app.fixtures.member(served.id, ['SOCIAL_MANAGER']);
      await app.fixtures.member(served.id, ['APPROVER']);
      await app.fixtures.policy(served.id, [
        { name: 'Legal', role: 'APPROVER', quorum: 'ANY', slaHours: 12 },
      ]);
      await app.fixtures.inReview(served.id, manager.token);

      await tokenOf((await signInWith('hire', ['Comms'])).page);
      expect(await rolesIn(served.id, email)).toEqual(['SOCIAL_MANAGER']);
      // No group gives a role in the sister brand any more: a member there with none, as SCIM.
      expect(await rolesIn(sister.id, email)).toEqual([]);
      const [changed] = await eventsOf(served.id, 'member.roles_changed', email);
      expect(changed?.actorLabel).toBe(providerLabel());
      expect(dataOf(changed).leftSteps).toEqual([expect.any(String)]);
      const removed = (await app.auditChain(served.id)).filter(
        (e) => e.action === 'step.approver_removed',
      );
      expect(removed.map((e) => e.actorLabel)).toEqual([providerLabel()]);

      // A token without the groups claim says nothing of groups: the roles stay.
      await tokenOf((await signIn('hire', new Map(), groupsProvider)).page);
      expect(await rolesIn(served.id, email)).toEqual(['SOCIAL_MANAGER']);
    });

    it('keeps the brand’s last ADMIN, and says so', async () => {
      const email = 'owner@example.test';
      await tokenOf((await signInWith(account('owner', email), ['Owners'])).page);
      expect(await rolesIn(sister.id, email)).toEqual(['ADMIN']);
      await tokenOf((await signInWith('owner', ['Legal'])).page);
      expect(await rolesIn(sister.id, email)).toEqual(['ADMIN', 'REVIEWER']);
      const [kept] = await eventsOf(sister.id, 'sso.last_admin_kept', email);
      expect(kept?.actorLabel).toBe(providerLabel());
      expect(dataOf(kept)).toMatchObject({
        groupsGive: ['REVIEWER'],
        roles: ['ADMIN', 'REVIEWER'],
      });
    });

    it('reads the groups from the claim the provider names, a change audited', async () => {
      const input = {
        id: groupsProvider,
        name: 'Acme Groups',
        issuer: idp.issuer,
        clientId: idp.clientId,
        emailDomains: ['example.test'],
        brandIds: [served.id, sister.id],
      };
      const bad = await app.gql(
        SET_PROVIDER,
        { input: { ...input, groupsClaim: 'app roles' } },
        admin,
      );
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      await app.data(SET_PROVIDER, { input: { ...input, groupsClaim: 'roles' } }, admin);
      const changed = (await app.auditChain(sister.id)).filter(
        (e) => e.action === 'oidc_provider.set',
      );
      expect(dataOf(changed.at(-1))).toMatchObject({ groupsClaim: 'roles', secretChanged: false });

      const email = 'app.roles@example.test';
      account('app-roles', email);
      idp.tamperNextIdToken({
        claims: (claims) => ({ ...claims, groups: ['Legal'], roles: ['Comms'] }),
      });
      await tokenOf((await signIn('app-roles', new Map(), groupsProvider)).page);
      expect(await rolesIn(served.id, email)).toEqual(['SOCIAL_MANAGER']);
      await app.data(SET_PROVIDER, { input }, admin);
      expect((await app.auditChain(sister.id)).at(-1)?.data).toMatchObject({
        groupsClaim: 'roles',
      });
      await app.data(SET_PROVIDER, { input: { ...input, groupsClaim: 'groups' } }, admin);
    });

    it('welcomes a member their first sign-in made with the provider’s sign-in, and no password link', async () => {
      const email = 'welcomed@example.test';
      await tokenOf((await signInWith(account('welcomed', email), ['Legal'])).page);
      const welcomes = await emailsDeliveredTo(app.t, peer, email, 2);
      expect(welcomes.map((welcome) => welcome.subject).sort()).toEqual(
        [served, sister].map((brand) => `Welcome to ${brand.name} on Standpoint`).sort(),
      );
      for (const welcome of welcomes) {
        expect(welcome.text).toContain(`${PUBLIC_URL}/auth/oidc/${groupsProvider}/start`);
        expect(welcome.text).toContain("Your organisation's identity provider added you");
        expect(welcome.text).not.toContain('/account/password/');
      }
    });

    it('reads the groups from the userinfo endpoint when the ID token does not carry them', async () => {
      const email = 'userinfo.groups@example.test';
      idp.accounts.set('userinfo-groups', {
        email,
        email_verified: true,
        userinfo: { groups: ['Legal'] },
      });
      await tokenOf((await signIn('userinfo-groups', new Map(), groupsProvider)).page);
      expect(await rolesIn(served.id, email)).toEqual(['APPROVER']);
      expect(await rolesIn(sister.id, email)).toEqual(['REVIEWER']);
      // The ID token's claim, when it carries one, is the one read.
      await tokenOf((await signInWith('userinfo-groups', ['Comms'])).page);
      expect(await rolesIn(served.id, email)).toEqual(['SOCIAL_MANAGER']);
    });

    it('two first sign-ins at once make one account and sign both in', async () => {
      const email = 'at.once@example.test';
      idp.accounts.set('at-once', { email, email_verified: true, userinfo: { groups: ['Legal'] } });
      const both = await Promise.all(
        [1, 2].map(() => signIn('at-once', new Map(), groupsProvider)),
      );
      expect(both.map((callback) => callback.status)).toEqual([200, 200]);
      const ids = await Promise.all(
        both.map(
          async ({ page }) => (await app.data(VIEWER_ID, {}, await tokenOf(page))).viewer.id,
        ),
      );
      expect(ids[1]).toBe(ids[0]);
      expect(await rolesIn(served.id, email)).toEqual(['APPROVER']);
    });

    it('makes one account when two sign-ins both found none, as two at once on PostgreSQL can', async () => {
      // Both are handed what they read before either wrote: no account. (SQLite's transactions
      // take turns, so its second callback would find the first one's account.)
      const provider = await app.t.dataSource
        .getRepository(OidcProviderEntity)
        .findOneByOrFail({ id: groupsProvider });
      const identity = { email: 'both.found.none@example.test', name: 'Both', groups: ['Comms'] };
      const made = await Promise.all(
        [1, 2].map(() =>
          app.t.asSystem((ctx) =>
            app.t.app
              .get(SsoProvisioning)
              .apply(ctx, provider, [served.id, sister.id], identity, null),
          ),
        ),
      );
      expect(made[1]?.id).toBe(made[0]?.id);
      expect(await rolesIn(served.id, identity.email)).toEqual(['SOCIAL_MANAGER']);
      expect(await eventsOf(served.id, 'member.added', identity.email)).toHaveLength(1);
    });

    it('refuses someone whose groups map to no role, and creates nothing', async () => {
      const email = 'outsider@example.test';
      const refusal = (page: string) => /\((\w+)\)<\/p>/.exec(page)?.[1];
      account('outsider', email);
      expect(refusal((await signInWith('outsider', ['Unmapped'])).page)).toBe('NOT_A_MEMBER');
      expect(refusal((await signInWith('outsider', [])).page)).toBe('NOT_A_MEMBER');
      expect(refusal((await signIn('outsider', new Map(), groupsProvider)).page)).toBe(
        'NOT_A_MEMBER',
      );
      for (const brandId of [served.id, sister.id]) {
        expect(await rolesIn(brandId, email)).toBeUndefined();
        expect(JSON.stringify(await app.auditChain(brandId))).not.toContain(email);
      }
    });
  });

  describe('the provider’s discovery document and keys', () => {
    const DISCOVERY = '/.well-known/openid-configuration';
    let rotating: TestIdentityProvider;
    let rotatingId: string;
    let input: Record<string, unknown>;
    const reads = () => ({ discovery: rotating.served(DISCOVERY), keys: rotating.served('/jwks') });
    const signInPage = async () => (await signIn('reader', new Map(), rotatingId)).page;

    beforeAll(async () => {
      rotating = await startTestIdentityProvider(`${PUBLIC_URL}/auth/oidc/callback`);
      const served = await app.fixtures.brand();
      const reader = await app.fixtures.member(served.id, ['REVIEWER']);
      rotating.accounts.set('reader', { email: reader.email, email_verified: true });
      input = {
        name: 'Rotating IdP',
        issuer: rotating.issuer,
        clientId: rotating.clientId,
        clientSecret: rotating.clientSecret,
        emailDomains: ['example.test'],
        brandIds: [served.id],
      };
      const { setOidcProvider } = await app.data(
        SET_PROVIDER,
        { input },
        await app.fixtures.admin(),
      );
      rotatingId = setOidcProvider.id;
    });
    afterAll(() => rotating?.close());

    it('are read once for many sign-ins', async () => {
      const before = reads();
      expect(codeOf(await signInPage())).toBeDefined();
      expect(codeOf(await signInPage())).toBeDefined();
      expect(reads()).toEqual({ discovery: before.discovery + 1, keys: before.keys + 1 });
    });

    it('follow a change of the provider’s issuer at once', async () => {
      const start = () =>
        fetch(`${app.t.url}/auth/oidc/${rotatingId}/start`, { redirect: 'manual' }).then(
          (response) => response.headers.get('location'),
        );
      expect(await start()).toMatch(new RegExp(`^${rotating.issuer}/`));
      const moved = {
        ...input,
        id: rotatingId,
        issuer: idp.issuer,
        clientSecret: idp.clientSecret,
      };
      await app.data(SET_PROVIDER, { input: moved }, await app.fixtures.admin());
      expect(await start()).toMatch(new RegExp(`^${idp.issuer}/`));
      await app.data(
        SET_PROVIDER,
        { input: { ...input, id: rotatingId } },
        await app.fixtures.admin(),
      );
      expect(await start()).toMatch(new RegExp(`^${rotating.issuer}/`));
    });

    it('let a member sign in after the provider replaces its key', async () => {
      expect(codeOf(await signInPage())).toBeDefined();
      const before = reads();
      await rotating.rotateKeys();
      // openid-client reads the keys again for a key id it does not know once they are a minute
      // old (oauth4webapi reads the time with Date.now): the document read before still serves.
      const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
      try {
        expect(codeOf(await signInPage())).toBeDefined();
        expect(reads()).toEqual({ discovery: before.discovery, keys: before.keys + 1 });
        // Keys read less than a minute before (the time stands still): that sign-in is refused,
        // and the next one reads the provider afresh.
        await rotating.rotateKeys();
        expect(await signInPage()).toContain('(PROVIDER)');
        expect(codeOf(await signInPage())).toBeDefined();
        expect(reads()).toEqual({ discovery: before.discovery + 1, keys: before.keys + 2 });
      } finally {
        clock.mockRestore();
      }
    });
  });

  describeInBrowser('in Chromium', () => {
    it('walks the whole sign-in and calls the API with the session', async () => {
      account('browser', member.email);
      const browser = await launchBrowser(`MAP standpoint.test:80 ${new URL(app.t.url).host}`, [
        PUBLIC_URL,
      ]);
      try {
        const tab = await (await browser.newContext()).newPage();
        await tab.goto(`${PUBLIC_URL}/auth/oidc/${providerId}/start`);
        await tab.getByLabel('Login').fill('browser');
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.getByRole('heading', { name: 'Signed in' }).waitFor();
        expect(tab.url()).not.toMatch(/sign-in-code|token/);
        const code = await tab.locator('#sign-in-code').textContent();
        const { exchangeSignInCode } = await app.data(EXCHANGE, { code });
        const viewer = await app.data('{ viewer { email } }', {}, exchangeSignInCode.token);
        expect(viewer.viewer.email).toBe(member.email);
      } finally {
        await browser.close();
      }
    });
  });
});
