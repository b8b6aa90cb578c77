import { createHmac } from 'node:crypto';
import { signatureOf, verifySignature } from './webhook-signature';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const BODY = '{"type":"PROPOSAL_APPROVED","proposalId":"prp_1"}';
const AT = new Date('2026-03-01T12:00:00.000Z');

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 of the secret, t in unix seconds', () => {
    const t = AT.getTime() / 1000;
    const hex = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(signatureOf(SECRET, BODY, AT)).toBe(`t=${t},v1=${hex}`);
  });

  it('verifies its own signature within the tolerance, on either side of the clock', () => {
    const header = signatureOf(SECRET, BODY, AT);
    expect(verifySignature(SECRET, BODY, header, AT)).toEqual({ valid: true });
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() + 300_000))).toEqual({
      valid: true,
    });
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() - 300_000))).toEqual({
      valid: true,
    });
  });

  it('refuses a tampered body, another secret, a stale time and a forged time', () => {
    const header = signatureOf(SECRET, BODY, AT);
    const mismatch = { valid: false, reason: 'mismatch' };
    expect(verifySignature(SECRET, BODY.replace('APPROVED', 'REJECTED'), header, AT)).toEqual(
      mismatch,
    );
    expect(verifySignature(`${SECRET}x`, BODY, header, AT)).toEqual(mismatch);
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() + 301_000))).toEqual({
      valid: false,
      reason: 'outside tolerance',
    });
    const forged = header.replace(/t=\d+/, `t=${AT.getTime() / 1000 + 10}`);
    expect(verifySignature(SECRET, BODY, forged, AT)).toEqual(mismatch);
  });

  it('refuses malformed headers', () => {
    for (const header of ['', 't=abc,v1=00', `t=1,v1=${'z'.repeat(64)}`, 'v1=' + '0'.repeat(64)]) {
      expect(verifySignature(SECRET, BODY, header, AT)).toEqual({
        valid: false,
        reason: 'malformed',
      });
    }
  });
});
