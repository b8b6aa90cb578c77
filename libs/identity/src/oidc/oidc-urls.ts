/**
 * Where an OIDC sign-in starts (per provider), and the one redirect URI every provider is given:
 * the callback names no provider, because an admin registers it at the provider before Standpoint
 * knows the provider's id; the signed login cookie says which provider answered.
 */
export function oidcSignInUrl(publicUrl: string, providerId: string): string {
  return `${publicUrl}/auth/oidc/${providerId}/start`;
}

export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}/auth/oidc/callback`;
}
