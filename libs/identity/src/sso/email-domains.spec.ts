import {
  domainVouchingProblem,
  emailVerifiedIn,
  emailInDomains,
  normalizedDomain,
  PUBLIC_MAIL_DOMAINS,
} from './email-domains';

const admin = { email: 'ada@acme.example', platformAdmin: false };

describe('the email domains a provider may vouch for', () => {
  it('a brand admin may name the domain of their own address', () => {
    expect(domainVouchingProblem('acme.example', admin)).toBeNull();
  });

  it('a brand admin may not name another domain, not even a subdomain of theirs', () => {
    expect(domainVouchingProblem('rival.example', admin)).toMatch(/not the domain of your own/);
    expect(domainVouchingProblem('eu.acme.example', admin)).toMatch(/not the domain of your own/);
  });

  it('a public mail service is refused even when it is the admin’s own', () => {
    const gmailAdmin = { email: 'ada@gmail.com', platformAdmin: false };
    expect(domainVouchingProblem('gmail.com', gmailAdmin)).toMatch(/public mail service/);
    expect(PUBLIC_MAIL_DOMAINS.has('outlook.com')).toBe(true);
  });

  it('a platform administrator approves any domain', () => {
    const root = { email: 'root@standpoint.example', platformAdmin: true };
    expect(domainVouchingProblem('acme.example', root)).toBeNull();
  });

  it('keeps domains in one form and refuses what is not one', () => {
    expect(normalizedDomain(' Acme.Example. ')).toBe('acme.example');
    expect(normalizedDomain('acme')).toBeNull();
    expect(normalizedDomain('@acme.example')).toBeNull();
    expect(normalizedDomain('acme.example/x')).toBeNull();
  });

  it('an address is vouched for by its exact domain only', () => {
    expect(emailInDomains('sam@ACME.example', ['acme.example'])).toBe(true);
    expect(emailInDomains('sam@acme.example.evil', ['acme.example'])).toBe(false);
    expect(emailInDomains('sam@evil.example', ['acme.example'])).toBe(false);
  });

  it('an email is vouched for by email_verified, or by Entra ID’s verified-domain claim, as true', () => {
    expect(emailVerifiedIn({ email_verified: true })).toBe(true);
    expect(emailVerifiedIn({ xms_edov: true })).toBe(true);
    expect(emailVerifiedIn({ email_verified: 'true' })).toBe(false);
    expect(emailVerifiedIn({ email_verified: false, xms_edov: false })).toBe(false);
    expect(emailVerifiedIn({})).toBe(false);
  });
});
