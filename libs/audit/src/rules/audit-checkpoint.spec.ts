import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  checkpointSignatureProblem,
  checkpointSignedText,
  checkpointSigner,
  keyIdOf,
  signCheckpoint,
} from './audit-checkpoint';

const pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const signer = checkpointSigner(pem());
const head = {
  brandId: 'brd_1',
  size: 42,
  headHash: 'ab'.repeat(32),
  signedAt: '2026-12-01T09:00:00.000Z',
};

describe('audit checkpoints', () => {
  it('signs the documented canonical text, which any Ed25519 verifier accepts', () => {
    const checkpoint = signCheckpoint(signer, head);
    const text = checkpointSignedText(checkpoint);

    expect(text).toBe(
      `{"brandId":"brd_1","format":"standpoint-audit-checkpoint/1","headHash":"${'ab'.repeat(32)}","keyId":"${signer.keyId}","signedAt":"2026-12-01T09:00:00.000Z","size":42}`,
    );
    expect(
      verify(
        null,
        Buffer.from(text, 'utf8'),
        createPublicKey(signer.publicKeyPem),
        Buffer.from(checkpoint.signature, 'base64'),
      ),
    ).toBe(true);
    expect(checkpointSignatureProblem(checkpoint, signer.publicKeyPem)).toBeNull();
  });

  it('names the key by the SHA-256 of its public key', () => {
    expect(signer.keyId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(keyIdOf(createPublicKey(signer.publicKeyPem))).toBe(signer.keyId);
    expect(checkpointSigner(pem()).keyId).not.toBe(signer.keyId);
  });

  it.each([
    ['size', { size: 43 }],
    ['headHash', { headHash: 'cd'.repeat(32) }],
    ['signedAt', { signedAt: '2026-12-01T09:00:00.001Z' }],
    ['brandId', { brandId: 'brd_2' }],
  ])('refuses a checkpoint whose %s was changed after signing', (_field, change) => {
    const checkpoint = { ...signCheckpoint(signer, head), ...change };
    expect(checkpointSignatureProblem(checkpoint, signer.publicKeyPem)).toBe(
      'the signature does not verify',
    );
  });

  it('refuses a checkpoint signed by another key, naming both keys', () => {
    const other = checkpointSigner(pem());
    const forged = signCheckpoint(other, head);
    expect(checkpointSignatureProblem(forged, signer.publicKeyPem)).toBe(
      `signed by the key ${other.keyId}, not by ${signer.keyId}`,
    );
    // Claiming our key id does not help: the signature is checked with our key.
    expect(
      checkpointSignatureProblem({ ...forged, keyId: signer.keyId }, signer.publicKeyPem),
    ).toBe('the signature does not verify');
  });

  it('refuses a key that is not an Ed25519 public key', () => {
    const checkpoint = signCheckpoint(signer, head);
    expect(checkpointSignatureProblem(checkpoint, 'not a key')).toBe(
      'the public key is not a PEM public key',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(checkpointSignatureProblem(checkpoint, rsa)).toBe(
      'the public key is not an Ed25519 key',
    );
  });
});
