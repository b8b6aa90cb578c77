import { createHmac, timingSafeEqual } from 'node:crypto';

// The `Standpoint-Signature` header of a webhook delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256
// of "<t>.<body>" with the endpoint's secret>`. Signing the time with the body lets a receiver
// refuse a replayed delivery.

export const SIGNATURE_HEADER = 'Standpoint-Signature';
export const DELIVERY_HEADER = 'Standpoint-Delivery';
export const EVENT_HEADER = 'Standpoint-Event';

/** How far from the receiver's clock a signature's time may be, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacOf(secret, t, body)}`;
}

export type SignatureCheck =
  { valid: true } | { valid: false; reason: 'malformed' | 'outside tolerance' | 'mismatch' };

/** Checks a header against the body as received, in constant time, within a window around `now`. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) {
    return { valid: false, reason: 'malformed' };
  }
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) {
    return { valid: false, reason: 'outside tolerance' };
  }
  const expected = Buffer.from(hmacOf(secret, t, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'))
    ? { valid: true }
    : { valid: false, reason: 'mismatch' };
}

function hmacOf(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
