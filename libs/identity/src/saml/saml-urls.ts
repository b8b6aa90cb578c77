/**
 * A SAML provider's addresses on this side. Each provider has its own: its entity id (which is
 * also where its metadata is served, as most providers expect), the assertion consumer service the
 * provider posts to, and where a sign-in starts. An assertion for one provider's audience is
 * therefore refused at another's.
 */
export function samlEntityId(publicUrl: string, providerId: string): string {
  return `${publicUrl}/auth/saml/${providerId}/metadata`;
}

export function samlAcsUrl(publicUrl: string, providerId: string): string {
  return `${publicUrl}/auth/saml/${providerId}/acs`;
}

export function samlSignInUrl(publicUrl: string, providerId: string): string {
  return `${publicUrl}/auth/saml/${providerId}/start`;
}
