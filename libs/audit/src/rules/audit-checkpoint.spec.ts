import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { checkpointSigner, checkpointTrust, signCheckpoint } from './audit-checkpoint';
import { auditKeyOf, AuditKeyRing, keyIdOf } from './audit-keys';
import { noteKeyHash, parseNote, verifiedSigners } from './signed-note';

const pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const signer = checkpointSigner(pem(), 'standpoint.test/audit');
const ring = new AuditKeyRing([signer.key]);
const root = Buffer.alloc(32, 7);
const head = {
  brandId: 'brd_1',
  size: 42,
  headHash: 'ab'.repeat(32),
  rootHash: root,
  signedAt: '2026-12-01T09:00:00.000Z',
};

describe('audit checkpoints', () => {
  it('are C2SP checkpoints: origin, size and base64 root, signed as a note by the brand log', () => {
    const checkpoint = signCheckpoint(signer, head);
    const origin = 'standpoint.test/audit/brd_1';
    const text = `${origin}\n42\n${root.toString('base64')}\n`;
    expect(checkpoint.note).toBe(
      `${text}\n\u2014 ${origin} ${Buffer.concat([
        noteKeyHash({ keyName: origin, publicKey: signer.key.publicKey }),
        Buffer.from(checkpoint.signature, 'base64'),
      ]).toString('base64')}\n`,
    );
    const parsed = parseNote(checkpoint.note!);
    expect(parsed.text).toBe(text);
    expect(
      verifiedSigners(parsed, [{ keyName: origin, publicKey: signer.key.publicKey }]),
    ).toHaveLength(1);
    expect(checkpointTrust(checkpoint, ring)).toEqual({ key: signer.key, rank: 0 });
  });

  it('names the key by the SHA-256 of its public key', () => {
    expect(signer.key.keyId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(keyIdOf(createPublicKey(signer.key.publicKeyPem))).toBe(signer.key.keyId);
    expect(checkpointSigner(pem(), 'x').key.keyId).not.toBe(signer.key.keyId);
  });

  it.each([
    ['size', { size: 43 }],
    ['rootHash', { rootHash: Buffer.alloc(32, 8).toString('base64') }],
    ['brandId', { brandId: 'brd_2' }],
  ])('refuses a checkpoint whose %s no longer matches its signed note', (_field, change) => {
    const checkpoint = { ...signCheckpoint(signer, head), ...change };
    expect(checkpointTrust(checkpoint, ring)).toEqual({
      problem: "the signed note does not state this checkpoint's brand, size and root",
    });
  });

  it('refuses a checkpoint signed by a key outside the ring, even when it claims a ring key', () => {
    const other = checkpointSigner(pem(), 'standpoint.test/audit');
    const forged = signCheckpoint(other, head);
    expect(checkpointTrust(forged, ring)).toEqual({
      problem: `signed by the key ${other.key.keyId}, which is not trusted`,
    });
    expect(checkpointTrust({ ...forged, keyId: signer.key.keyId }, ring)).toEqual({
      problem: `the note carries no signature of the key ${signer.key.keyId}`,
    });
  });

  it('builds keys only from Ed25519 public keys', () => {
    expect(() => auditKeyOf('not a key')).toThrow('not a PEM public key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() => auditKeyOf(rsa)).toThrow('not an Ed25519 key');
    expect(() => new AuditKeyRing([signer.key, signer.key])).toThrow(/twice/);
  });
});
