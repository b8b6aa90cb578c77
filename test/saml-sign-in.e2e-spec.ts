import {
  describeInBrowser,
  emailsDeliveredTo,
  launchBrowser,
  SamlAnswer,
  SmtpPeer,
  startTestSamlIdentityProvider,
  TEST_ADMIN,
  TestBrand,
  TestMember,
  TestSamlIdentityProvider,
  useTestApp,
} from '@standpoint/testing';
import { OutboxMessageEntity } from '@standpoint/notifications';
import { WorkerJobs } from '@standpoint/worker';
import { AppModule } from '../src/app.module';

const PUBLIC_URL = 'http://standpoint.test';
const CLIENT_REDIRECT = 'http://localhost:5173/signed-in';
const PROVIDER_FIELDS = `id name protocol idpEntityId idpSsoUrl emailDomains emailAttribute groupsAttribute
  ssoRequired signInUrl entityId acsUrl metadataUrl idpCertificates { fingerprint subject notAfter }`;
const SET_PROVIDER = `mutation ($input: SetSamlProviderInput!) {
  setSamlProvider(input: $input) { ${PROVIDER_FIELDS} }
}`;
const SET_REQUIRED = `mutation ($brandId: ID!, $required: Boolean!) {
  setSsoRequired(brandId: $brandId, required: $required) { protocol ssoRequired signInUrl }
}`;
const EXCHANGE =
  'mutation ($code: String!) { exchangeSignInCode(code: $code) { token user { email } } }';
const LOGIN =
  'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const SET_GROUP_ROLES = `mutation ($input: SetGroupRolesInput!) { setGroupRoles(input: $input) { group } }`;

const codeOf = (page: string) => /<output id="sign-in-code">([\w-]+)<\/output>/.exec(page)?.[1];
const refusalOf = (page: string) =>
  /\((STATE|PROVIDER|REPLAYED|EMAIL_\w+|NOT_A_MEMBER|INACTIVE)\)/.exec(page)?.[1];

/**
 * Sign-in through an organisation's SAML 2.0 provider, against a samlify identity provider: the
 * provider configured with what the admin reads off Okta or Entra ID, this side's metadata, the
 * walk started here (an AuthnRequest) and at the provider, by HTTP and in Chromium; and each
 * refusal: an unsigned assertion, one inside a signed response only, a tampered one, a stranger's
 * signature, another audience, recipient or issuer, an expired one, a replayed one, one answering
 * a request never made. Then groups, enforcement and the settings refused.
 */
describe('SAML sign-in', () => {
  const env: Record<string, string> = { PUBLIC_URL, SSO_CLIENT_REDIRECTS: CLIENT_REDIRECT };
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await SmtpPeer.start();
    env.SMTP_URL = peer.url;
  });
  const app = useTestApp(AppModule, env);
  afterAll(() => peer?.stop());
  let idp: TestSamlIdentityProvider;
  let brand: TestBrand;
  let member: TestMember;
  let admin: string;
  let provider: { id: string; entityId: string; acsUrl: string };

  const local = (url: string) => url.replace(PUBLIC_URL, app.t.url);

  /** Posts a SAMLResponse (and a RelayState) to the consumer service, as the browser does. */
  async function post(samlResponse: string, acsUrl = provider.acsUrl, relayState?: string) {
    const response = await fetch(local(acsUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        SAMLResponse: samlResponse,
        ...(relayState ? { RelayState: relayState } : {}),
      }).toString(),
    });
    const page = await response.text();
    return {
      status: response.status,
      page,
      code: codeOf(page),
      refusal: refusalOf(page),
      location: response.headers.get('location'),
    };
  }

  /** An IdP-initiated sign-in: the provider's answer, posted. */
  async function answer(details: SamlAnswer, sp = provider) {
    return post(await idp.response(sp, details), sp.acsUrl);
  }

  /** An SP-initiated sign-in: start here, the provider's page, its form posted back. */
  async function signIn(details: SamlAnswer, query = '') {
    idp.signInAs(details);
    const start = await fetch(local(`${PUBLIC_URL}/auth/saml/${provider.id}/start${query}`), {
      redirect: 'manual',
    });
    expect(start.status).toBe(303);
    const toProvider = start.headers.get('location')!;
    const form = await (await fetch(toProvider)).text();
    const action = /action="([^"]+)"/.exec(form)![1]!;
    const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(form)![1]!;
    const relayState = /name="RelayState" value="([^"]+)"/.exec(form)?.[1];
    return { toProvider, ...(await post(samlResponse, action, relayState)) };
  }

  async function exchange(code: string | undefined) {
    expect(code).toBeDefined();
    return (await app.data(EXCHANGE, { code })).exchangeSignInCode as {
      token: string;
      user: { email: string };
    };
  }

  beforeAll(async () => {
    idp = await startTestSamlIdentityProvider();
    brand = await app.fixtures.brand();
    member = await app.fixtures.member(brand.id, ['APPROVER']);
    admin = await app.fixtures.admin();
    const { setSamlProvider } = await app.data(
      SET_PROVIDER,
      {
        input: {
          name: 'Acme SAML',
          idpEntityId: idp.entityId,
          idpSsoUrl: idp.ssoUrl,
          idpCertificates: [idp.certificate, idp.nextCertificate],
          emailDomains: ['example.test'],
          brandIds: [brand.id],
        },
      },
      admin,
    );
    provider = setSamlProvider;
  });
  afterAll(() => idp?.close());

  it('is configured with what the provider shows, and answers what to enter there', async () => {
    const id = provider.id;
    expect(provider).toMatchObject({
      protocol: 'SAML',
      idpEntityId: idp.entityId,
      emailAttribute: null,
      groupsAttribute: 'groups',
      ssoRequired: false,
      signInUrl: `${PUBLIC_URL}/auth/saml/${id}/start`,
      entityId: `${PUBLIC_URL}/auth/saml/${id}/metadata`,
      metadataUrl: `${PUBLIC_URL}/auth/saml/${id}/metadata`,
      acsUrl: `${PUBLIC_URL}/auth/saml/${id}/acs`,
    });
    const { idpCertificates } = provider as unknown as {
      idpCertificates: { fingerprint: string; subject: string; notAfter: string }[];
    };
    expect(idpCertificates.map((c) => c.subject)).toEqual([
      'CN=Test SAML IdP',
      'CN=Test SAML IdP next',
    ]);
    expect(idpCertificates[0]!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const set = (await app.auditChain(brand.id)).find((e) => e.action === 'saml_provider.set')!;
    expect(set.data).toMatchObject({
      name: 'Acme SAML',
      idpEntityId: idp.entityId,
      certificateFingerprints: idpCertificates.map((c) => c.fingerprint),
      serves: true,
    });

    const seen = await app.data(
      `query ($id: ID!) {
        ssoProvider(brandId: $id) { __typename protocol ... on SamlProvider { acsUrl } }
        samlProvider(brandId: $id) { id }
        oidcProvider(brandId: $id) { id }
      }`,
      { id: brand.id },
      admin,
    );
    expect(seen).toEqual({
      ssoProvider: { __typename: 'SamlProvider', protocol: 'SAML', acsUrl: provider.acsUrl },
      samlProvider: { id },
      oidcProvider: null,
    });

    const metadata = await fetch(local(provider.entityId));
    expect(metadata.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
    const xml = await metadata.text();
    expect(xml).toContain(`entityID="${provider.entityId}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toMatch(new RegExp(`AssertionConsumerService[^>]*Location="${provider.acsUrl}"`));
  });

  it('signs a member in from here: an AuthnRequest out, a one-time code back, exchanged for a session', async () => {
    const { status, code, toProvider } = await signIn({ email: member.email });
    expect(status).toBe(200);
    expect(toProvider.startsWith(`${idp.ssoUrl}?SAMLRequest=`)).toBe(true);
    expect(idp.requests.at(-1)).toMatchObject({
      issuer: provider.entityId,
      acsUrl: provider.acsUrl,
    });
    const session = await exchange(code);
    expect(session.user.email).toBe(member.email);
    const viewer = await app.data('{ viewer { email } }', {}, session.token);
    expect(viewer.viewer.email).toBe(member.email);
    const signedIn = (await app.auditChain(brand.id)).filter(
      (e) => e.action === 'user.signed_in_with_sso',
    );
    expect(signedIn.at(-1)!.data).toMatchObject({
      email: member.email,
      providerId: provider.id,
      providerName: 'Acme SAML',
    });
  });

  it('ends at a registered client address with the code in the fragment, when the client asks', async () => {
    const asked = `?client_redirect=${encodeURIComponent(CLIENT_REDIRECT)}`;
    const { status, location } = await signIn({ email: member.email }, asked);
    expect(status).toBe(303);
    const code = /^http:\/\/localhost:5173\/signed-in#sign_in_code=([\w-]+)$/.exec(location!)?.[1];
    expect((await exchange(code)).user.email).toBe(member.email);

    const refused = await signIn({ email: 'someone@elsewhere.test' }, asked);
    expect(refused.location).toBe(`${CLIENT_REDIRECT}#sign_in_error=EMAIL_DOMAIN`);

    const unregistered = await fetch(
      local(
        `${PUBLIC_URL}/auth/saml/${provider.id}/start?client_redirect=https%3A%2F%2Fevil.example%2F`,
      ),
      { redirect: 'manual' },
    );
    expect(unregistered.status).toBe(400);
    const forged = await post(
      await idp.response(provider, { email: member.email }),
      provider.acsUrl,
      'https://evil.example/',
    );
    expect([forged.status, forged.location]).toEqual([200, null]);
  });

  it('signs a member in from the provider’s portal (IdP-initiated), and with its next certificate', async () => {
    const initiated = await answer({ email: member.email.toUpperCase() });
    expect(initiated.status).toBe(200);
    expect((await exchange(initiated.code)).user.email).toBe(member.email);
    const rotated = await answer({ email: member.email, key: 'next' });
    expect(rotated.status).toBe(200);
  });

  it.each<[string, Partial<SamlAnswer>]>([
    ['an unsigned assertion', { signed: 'nothing' }],
    ['an unsigned assertion inside a signed response', { signed: 'response' }],
    ['a stranger’s signature', { key: 'stranger' }],
    ['another audience', { audience: 'https://other.example/sp' }],
    ['another recipient', { recipient: 'https://other.example/acs' }],
    ['another issuer', { issuer: 'http://other-idp.example.test' }],
    ['an expired assertion', { notOnOrAfter: new Date(Date.now() - 10 * 60 * 1000) }],
  ])('refuses %s, and signs nobody in', async (_, breaking) => {
    const { status, code, refusal } = await answer({ email: member.email, ...breaking });
    expect(status).toBe(403);
    expect(code).toBeUndefined();
    expect(refusal).toBe('PROVIDER');
  });

  it('refuses an assertion changed after it was signed', async () => {
    const genuine = Buffer.from(
      await idp.response(provider, { email: 'someone@example.test' }),
      'base64',
    );
    const forged = genuine.toString('utf8').replace('someone@example.test', member.email);
    const { status, refusal } = await post(Buffer.from(forged).toString('base64'));
    expect([status, refusal]).toEqual([403, 'PROVIDER']);
  });

  it('refuses a response with a DTD before any parser reads it (entity expansion), and one that is not base64', async () => {
    const genuine = Buffer.from(await idp.response(provider, { email: member.email }), 'base64');
    const laughs =
      '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const withDtd = Buffer.from(laughs + genuine.toString('utf8')).toString('base64');
    expect(await post(withDtd)).toMatchObject({ status: 403, refusal: 'PROVIDER' });
    expect(await post('<samlp:Response/>')).toMatchObject({ status: 403, refusal: 'PROVIDER' });
    expect((await post(genuine.toString('base64'))).status).toBe(200);
  });

  it('refuses the same assertion posted twice, whoever posts it', async () => {
    const samlResponse = await idp.response(provider, { email: member.email });
    expect((await post(samlResponse)).status).toBe(200);
    const again = await post(samlResponse);
    expect([again.status, again.refusal, again.code]).toEqual([403, 'REPLAYED', undefined]);
  });

  it('refuses an answer to a request never made, or already answered', async () => {
    const unknown = await answer({ email: member.email, inResponseTo: '_never-sent' });
    expect([unknown.status, unknown.refusal]).toEqual([403, 'STATE']);

    const first = await signIn({ email: member.email });
    expect(first.status).toBe(200);
    const answeredAgain = await answer({
      email: member.email,
      inResponseTo: idp.requests.at(-1)!.id,
    });
    expect([answeredAgain.status, answeredAgain.refusal]).toEqual([403, 'STATE']);
  });

  it('refuses an assertion meant for another provider’s audience here', async () => {
    const otherBrand = await app.fixtures.brand();
    const { setSamlProvider: other } = await app.data(
      SET_PROVIDER,
      {
        input: {
          name: 'Other SAML',
          idpEntityId: idp.entityId,
          idpSsoUrl: idp.ssoUrl,
          idpCertificates: [idp.certificate],
          emailDomains: ['example.test'],
          brandIds: [otherBrand.id],
        },
      },
      admin,
    );
    const forOther = await idp.response(other, { email: member.email });
    expect((await post(forOther, provider.acsUrl)).refusal).toBe('PROVIDER');
  });

  it('refuses an email outside the domains, a non-member and a deactivated user', async () => {
    expect((await answer({ email: 'someone@elsewhere.test' })).refusal).toBe('EMAIL_DOMAIN');
    expect((await answer({ email: 'stranger@example.test' })).refusal).toBe('NOT_A_MEMBER');
    const leaver = await app.fixtures.member(brand.id, ['REVIEWER']);
    await app.data(
      'mutation ($id: ID!) { deactivateUser(userId: $id) { id } }',
      { id: leaver.id },
      admin,
    );
    expect((await answer({ email: leaver.email })).refusal).toBe('INACTIVE');
  });

  it('takes the email from an attribute when the provider is set so', async () => {
    const emailAttributeIs = (emailAttribute: string) =>
      app.data(
        SET_PROVIDER,
        {
          input: {
            id: provider.id,
            name: 'Acme SAML',
            idpEntityId: idp.entityId,
            idpSsoUrl: idp.ssoUrl,
            emailDomains: ['example.test'],
            emailAttribute,
            brandIds: [brand.id],
          },
        },
        admin,
      );
    await emailAttributeIs('mail');
    try {
      const byAttribute = await answer({
        email: 'opaque-id-42',
        attributes: { mail: member.email },
      });
      expect((await exchange(byAttribute.code)).user.email).toBe(member.email);
      expect((await answer({ email: member.email })).refusal).toBe('PROVIDER');
    } finally {
      await emailAttributeIs('');
    }
    expect((await answer({ email: member.email })).status).toBe(200);
  });

  it('provisions from the groups attribute: a first sign-in creates the member with the mapped roles, welcomed with the SAML sign-in', async () => {
    await app.data(
      SET_GROUP_ROLES,
      { input: { brandId: brand.id, group: 'Comms', roles: ['SOCIAL_MANAGER'] } },
      admin,
    );
    const email = 'saml.hire@example.test';
    const { code } = await answer({
      email,
      attributes: { groups: ['comms', 'Unmapped'], displayName: 'Sam L. Hire' },
    });
    const session = await exchange(code);
    const viewer = await app.data(
      '{ viewer { name memberships { brand { id } roles } } }',
      {},
      session.token,
    );
    expect(viewer.viewer).toEqual({
      name: 'Sam L. Hire',
      memberships: [{ brand: { id: brand.id }, roles: ['SOCIAL_MANAGER'] }],
    });
    const added = (await app.auditChain(brand.id)).find(
      (e) => e.action === 'member.added' && (e.data as { email?: string }).email === email,
    );
    expect(added?.actorLabel).toBe(`sso:Acme SAML (${provider.id})`);
    const [welcome] = await emailsDeliveredTo(app.t, peer, email);
    expect(welcome!.text).toContain(`${PUBLIC_URL}/auth/saml/${provider.id}/start`);
    expect(welcome!.text).not.toContain('/account/password/');
  });

  it('refuses settings that could not work or are not the admin’s to give', async () => {
    const base = {
      name: 'Bad',
      idpEntityId: idp.entityId,
      idpSsoUrl: idp.ssoUrl,
      idpCertificates: [idp.certificate],
      emailDomains: ['example.test'],
      brandIds: [(await app.fixtures.brand()).id],
    };
    const refusalOf = async (input: Record<string, unknown>) =>
      (await app.gql(SET_PROVIDER, { input: { ...base, ...input } }, admin)).errors?.[0]
        ?.extensions;
    expect(await refusalOf({ idpCertificates: [idp.expiredCertificate] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({ field: 'input.idpCertificates.0', rules: ['certificate'] }),
      ],
    });
    expect(await refusalOf({ idpCertificates: ['not a certificate'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    for (const hostile of [
      { name: 'Acme \u202eLMAS' },
      { idpEntityId: 'http://idp.example.test/\u0000' },
      { groupsAttribute: 'groups\u001b[31m' },
      { idpCertificates: [`${idp.certificate}\u0000`] },
    ]) {
      expect(await refusalOf(hostile)).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect(await refusalOf({ idpCertificates: undefined })).toMatchObject({
      fields: [expect.objectContaining({ field: 'input.idpCertificates', rules: ['required'] })],
    });
    expect(await refusalOf({ idpSsoUrl: 'http://idp.example.com/sso' })).toMatchObject({
      fields: [expect.objectContaining({ field: 'input.idpSsoUrl', rules: ['url'] })],
    });
    expect(await refusalOf({ brandIds: [brand.id] })).toMatchObject({ code: 'CONFLICT' });
    const brandAdmin = await app.fixtures.member(base.brandIds[0]!, ['ADMIN']);
    expect(
      (
        await app.gql(
          SET_PROVIDER,
          { input: { ...base, emailDomains: ['elsewhere.test'] } },
          brandAdmin.token,
        )
      ).errors?.[0]?.extensions,
    ).toMatchObject({ fields: [expect.objectContaining({ rules: ['verifiedDomain'] })] });
  });

  it('enforcement: once the brand requires it, password sign-in and resets name the SAML provider; a platform administrator keeps theirs', async () => {
    const required = await app.data(SET_REQUIRED, { brandId: brand.id, required: true }, admin);
    expect(required.setSsoRequired).toEqual({
      protocol: 'SAML',
      ssoRequired: true,
      signInUrl: `${PUBLIC_URL}/auth/saml/${provider.id}/start`,
    });
    try {
      const refused = await app.gql(LOGIN, { email: member.email, password: member.password });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'SSO_REQUIRED',
        providerName: 'Acme SAML',
        signInUrl: `${PUBLIC_URL}/auth/saml/${provider.id}/start`,
      });
      const breakGlass = await app.gql(LOGIN, TEST_ADMIN);
      expect(breakGlass.errors).toBeUndefined();
      expect((await signIn({ email: member.email })).status).toBe(200);

      await app.data('mutation ($e: String!) { requestPasswordReset(email: $e) }', {
        e: member.email,
      });
      await app.t.app
        .get(WorkerJobs)
        .all()
        .find((j) => j.name === 'password resets')!
        .run();
      const [reset] = await app.t.dataSource.getRepository(OutboxMessageEntity).find({
        where: { recipientUserId: member.id, topic: 'account.password_reset' },
        order: { id: 'DESC' },
        take: 1,
      });
      expect(reset!.passwordLinkId).toBeNull();
      expect(reset!.body).toContain(`${PUBLIC_URL}/auth/saml/${provider.id}/start`);
    } finally {
      await app.data(SET_REQUIRED, { brandId: brand.id, required: false }, admin);
    }
  });

  describeInBrowser('in Chromium', () => {
    it('walks the whole sign-in, through the provider’s page and its posted form', async () => {
      idp.signInAs({ email: member.email });
      const browser = await launchBrowser(`MAP standpoint.test:80 ${new URL(app.t.url).host}`, [
        PUBLIC_URL,
      ]);
      try {
        const tab = await (await browser.newContext()).newPage();
        await tab.goto(`${PUBLIC_URL}/auth/saml/${provider.id}/start`);
        await tab.getByRole('heading', { name: 'Signed in' }).waitFor();
        expect(tab.url()).toBe(provider.acsUrl);
        const code = await tab.locator('#sign-in-code').textContent();
        expect((await exchange(code ?? undefined)).user.email).toBe(member.email);
      } finally {
        await browser.close();
      }
    });
  });

  // Last: it spends this address's budget of sign-in starts.
  it('limits the sign-ins started from one address (each keeps a request for ten minutes)', async () => {
    let response: Response | undefined;
    for (let started = 0; started <= 300 && response?.status !== 429; started++) {
      response = await fetch(local(`${PUBLIC_URL}/auth/saml/${provider.id}/start`), {
        redirect: 'manual',
      });
    }
    expect(response!.status).toBe(429);
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response!.text()).toContain('Too many sign-ins started from this address');
  });
});
