import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as samlify from 'samlify';

/** Throwaway keys made for these tests only (openssl, see saml-keys/). */
const KEYS = join(__dirname, 'saml-keys');
const read = (name: string) => readFileSync(join(KEYS, name), 'utf8');

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** Who the provider signs in, and how its answer is made (a test's way to break each check). */
export interface SamlAnswer {
  email: string;
  attributes?: Record<string, string | string[]>;
  /** What is signed: the assertion (the default), only the response around it, or nothing. */
  signed?: 'assertion' | 'response' | 'nothing';
  /** Which key signs: the provider's, its next one (a rotation), or a stranger's. */
  key?: 'idp' | 'next' | 'stranger';
  audience?: string;
  recipient?: string;
  issuer?: string;
  /** When it stops being valid (default: in five minutes). */
  notOnOrAfter?: Date;
  /** The AuthnRequest it answers; none for an IdP-initiated sign-in. */
  inResponseTo?: string;
}

/** Where the service provider is: its entity id (the audience) and its consumer service. */
export interface SamlServiceProviderAddress {
  entityId: string;
  acsUrl: string;
}

/**
 * A SAML 2.0 identity provider made with samlify, as Okta or Entra ID would answer: a signed
 * `SAMLResponse` for a service provider, and an HTTP sign-in page on a local port that takes an
 * AuthnRequest (HTTP-Redirect) and posts the answer back to the consumer service, as a browser
 * does, for the person `signInAs` names.
 */
export interface TestSamlIdentityProvider {
  entityId: string;
  ssoUrl: string;
  certificate: string;
  nextCertificate: string;
  expiredCertificate: string;
  /** The AuthnRequests its sign-in page received, in order: their ID and consumer service. */
  requests: { id: string; acsUrl: string; issuer: string }[];
  /** Who the sign-in page signs in next, and how. */
  signInAs(answer: SamlAnswer): void;
  /** A base64 SAMLResponse, as the provider would post it. */
  response(sp: SamlServiceProviderAddress, answer: SamlAnswer): Promise<string>;
  close(): Promise<void>;
}

export async function startTestSamlIdentityProvider(): Promise<TestSamlIdentityProvider> {
  const keys = {
    idp: { privateKey: read('idp.key'), signingCert: read('idp.crt') },
    next: { privateKey: read('next.key'), signingCert: read('next.crt') },
    stranger: { privateKey: read('stranger.key'), signingCert: read('stranger.crt') },
  };
  const requests: TestSamlIdentityProvider['requests'] = [];
  let next: SamlAnswer | null = null;
  const server: Server = createServer((request, reply) => {
    void (async () => {
      const query = new URL(request.url ?? '/', 'http://idp.test').searchParams;
      const xml = inflateRawSync(Buffer.from(query.get('SAMLRequest') ?? '', 'base64')).toString();
      const id = /\sID="([^"]+)"/.exec(xml)?.[1] ?? '';
      const acsUrl = /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? '';
      const issuer = /<saml:Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? '';
      requests.push({ id, acsUrl, issuer });
      if (!next || !acsUrl) return reply.writeHead(400).end('no sign-in expected');
      const answer = await provider.response(
        { entityId: issuer, acsUrl },
        { inResponseTo: id, ...next },
      );
      // The RelayState goes back as it came, as every provider echoes it.
      const relayState = query.get('RelayState');
      const relayField = relayState
        ? `<input type="hidden" name="RelayState" value="${escaped(relayState)}">`
        : '';
      reply
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><body onload="document.forms[0].submit()"><form method="post" action="${acsUrl}">` +
            `<input type="hidden" name="SAMLResponse" value="${answer}">${relayField}</form></body>`,
        );
    })().catch((error: unknown) => reply.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const ssoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sso`;
  const entityId = 'http://idp.example.test/saml';

  const provider: TestSamlIdentityProvider = {
    entityId,
    ssoUrl,
    certificate: keys.idp.signingCert,
    nextCertificate: keys.next.signingCert,
    expiredCertificate: read('expired.crt'),
    requests,
    signInAs: (answer) => {
      next = answer;
    },
    async response(sp, answer) {
      const signed = answer.signed ?? 'assertion';
      const idp = samlify.IdentityProvider({
        entityID: answer.issuer ?? entityId,
        ...keys[answer.key ?? 'idp'],
        nameIDFormat: [EMAIL_FORMAT],
        singleSignOnService: [{ Binding: POST, Location: ssoUrl }],
        // Never used; samlify warns on every response without one.
        singleLogoutService: [{ Binding: POST, Location: ssoUrl }],
      });
      const target = samlify.ServiceProvider({
        entityID: answer.audience ?? sp.entityId,
        assertionConsumerService: [{ Binding: POST, Location: sp.acsUrl }],
        wantAssertionsSigned: signed !== 'response',
        wantMessageSigned: signed === 'response',
      });
      // The request is in the template already (filled): samlify is not given one to read.
      const { context } = (await idp.createLoginResponse(
        target,
        { extract: {} },
        'post',
        {},
        {
          customTagReplacement: (template: string) => ({
            id: '',
            context: filled(template, sp, answer, answer.issuer ?? entityId),
          }),
        },
      )) as { context: string };
      if (signed !== 'nothing') return context;
      const xml = Buffer.from(context, 'base64').toString('utf8');
      return Buffer.from(xml.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '')).toString(
        'base64',
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return provider;
}

let sequence = 0;

/** samlify's login response template, filled in as the answer says. */
function filled(
  template: string,
  sp: SamlServiceProviderAddress,
  answer: SamlAnswer,
  issuer: string,
): string {
  const now = new Date();
  const end = (answer.notOnOrAfter ?? new Date(now.getTime() + 5 * 60 * 1000)).toISOString();
  const attributes = Object.entries(answer.attributes ?? {})
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${escaped(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">` +
        [values]
          .flat()
          .map(
            (value) =>
              `<saml:AttributeValue xsi:type="xs:string">${escaped(value)}</saml:AttributeValue>`,
          )
          .join('') +
        '</saml:Attribute>',
    )
    .join('');
  const withRequest = answer.inResponseTo
    ? template
    : template.replace(/ InResponseTo="\{InResponseTo\}"/g, '');
  sequence += 1;
  const values: Record<string, string> = {
    ID: `_response${sequence}${Date.now()}`,
    AssertionID: `_assertion${sequence}${Date.now()}`,
    Destination: sp.acsUrl,
    Audience: answer.audience ?? sp.entityId,
    SubjectRecipient: answer.recipient ?? sp.acsUrl,
    Issuer: issuer,
    IssueInstant: now.toISOString(),
    StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    ConditionsNotBefore: new Date(now.getTime() - 60 * 1000).toISOString(),
    ConditionsNotOnOrAfter: end,
    SubjectConfirmationDataNotOnOrAfter: end,
    NameIDFormat: EMAIL_FORMAT,
    NameID: escaped(answer.email),
    InResponseTo: answer.inResponseTo ?? '',
    AuthnStatement: `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_session${sequence}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`,
    AttributeStatement: attributes
      ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>`
      : '',
  };
  return withRequest.replace(/\{(\w+)\}/g, (tag, name: string) => values[name] ?? tag);
}

function escaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
