import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { SamlProviderEntity } from './saml-provider.entity';
import { samlAcsUrl, samlEntityId } from './saml-urls';

/** How far the provider's clock may be from ours when its assertion's times are checked. */
const CLOCK_SKEW_MS = 60 * 1000;

const EMAIL_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/**
 * node-saml set up as the service provider one SAML provider signs in to: assertions must be
 * signed (a signed response around an unsigned assertion is not enough) by one of the provider's
 * certificates, for this provider's own entity id (the audience), and within their times.
 * InResponseTo is checked by SamlSignInService against the requests kept in the database, from
 * inside the signed assertion, so node-saml's own in-memory check is off. `requestId` names the
 * AuthnRequest a sign-in start sends.
 */
export function samlServiceProvider(
  provider: SamlProviderEntity,
  publicUrl: string,
  requestId?: string,
): SAML {
  return new SAML({
    issuer: samlEntityId(publicUrl, provider.id),
    audience: samlEntityId(publicUrl, provider.id),
    callbackUrl: samlAcsUrl(publicUrl, provider.id),
    entryPoint: provider.idpSsoUrl,
    idpCert: provider.idpCertificates,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.never,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: EMAIL_NAME_ID,
    // Asking for password authentication would refuse people who sign in with a passkey or MFA.
    disableRequestedAuthnContext: true,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}
