import { cose, decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import { createPublicKey, type JsonWebKey } from 'node:crypto';

/** The COSE algorithms a passkey may use: those the offline check verifies. */
export const PASSKEY_ALGORITHMS = [
  cose.COSEALG.ES256,
  cose.COSEALG.EdDSA,
  cose.COSEALG.RS256,
] as number[];

/** A credential's COSE public key in SPKI DER (the form node:crypto and verifiers read). */
export function coseToSpki(coseKey: Uint8Array<ArrayBuffer>): Buffer {
  const key = decodeCredentialPublicKey(coseKey) as unknown as Map<number, unknown>;
  const part = (label: number) => {
    const value = key.get(label);
    if (!(value instanceof Uint8Array)) throw new Error(`the COSE key lacks ${label}`);
    return Buffer.from(value).toString('base64url');
  };
  let jwk: JsonWebKey;
  switch (key.get(cose.COSEKEYS.kty)) {
    case cose.COSEKTY.EC2:
      jwk = { kty: 'EC', crv: 'P-256', x: part(cose.COSEKEYS.x), y: part(cose.COSEKEYS.y) };
      break;
    case cose.COSEKTY.OKP:
      jwk = { kty: 'OKP', crv: 'Ed25519', x: part(cose.COSEKEYS.x) };
      break;
    case cose.COSEKTY.RSA:
      jwk = { kty: 'RSA', n: part(cose.COSEKEYS.n), e: part(cose.COSEKEYS.e) };
      break;
    default:
      throw new Error('the COSE key is of an unsupported type');
  }
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'der', type: 'spki' });
}
