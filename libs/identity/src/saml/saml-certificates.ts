// The identity provider's signing certificates as an admin pastes them. Framework-free.

import { X509Certificate } from 'node:crypto';

/** A certificate as it is kept (PEM) and shown (fingerprint, subject, expiry). */
export interface SamlCertificate {
  pem: string;
  fingerprint: string;
  subject: string;
  notAfter: Date;
}

/**
 * Reads a certificate given as PEM or as its bare base64 body (how Entra ID and Google offer it
 * for copying), or says why it cannot be used: not a certificate, or already expired (the
 * provider signs with another one, or will fail every sign-in).
 */
export function readCertificate(text: string, now: Date): SamlCertificate | string {
  const certificate = parseCertificate(text);
  if (typeof certificate === 'string') return certificate;
  if (certificate.notAfter.getTime() <= now.getTime()) {
    return `expired on ${certificate.notAfter.toISOString()}`;
  }
  return certificate;
}

/** A certificate as it is kept and shown, or why the text is not one. */
export function parseCertificate(text: string): SamlCertificate | string {
  const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return 'is not a PEM or base64 certificate';
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(body, 'base64'));
  } catch {
    return 'is not an X.509 certificate';
  }
  const lines = certificate.raw.toString('base64').match(/.{1,64}/g)!;
  return {
    pem: ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----'].join('\n'),
    fingerprint: certificate.fingerprint256,
    subject: certificate.subject.replace(/\n/g, ', '),
    notAfter: new Date(certificate.validTo),
  };
}
