import { generateKeyPairSync } from 'node:crypto';
import { sealEvent } from './audit-chain';
import { checkpointSigner, signCheckpoint } from './audit-checkpoint';
import { AuditKeyRing } from './audit-keys';
import { consistencyRanges, leafHash, rangeRoot } from './merkle-tree';
import { PROOF_FORMAT, proofFileText, verifyProofFile } from './proof-file';
import { sampleEvents, sampleProof } from './sample-export';

const newSigner = () =>
  checkpointSigner(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'standpoint.test/audit',
  );
const signer = newSigner();
const trustedKeys = new AuditKeyRing([signer.key]);

describe('proof files', () => {
  it('prove one event offline: its content, its place in the tree and the signed checkpoint', () => {
    for (const [count, seq] of [
      [1, 1],
      [7, 3],
      [40, 40],
      [40, 17],
    ])
      expect(verifyProofFile(sampleProof(count, seq, signer), { trustedKeys })).toMatchObject({
        valid: true,
        kind: 'inclusion',
        reason: null,
        event: { brandId: 'brd_1', seq, action: 'thing.happened' },
        checkpoints: [{ origin: 'standpoint.test/audit/brd_1', size: count }],
        trust: { trusted: true, source: 'trusted-key', keyId: signer.key.keyId },
      });
  });

  it('say when only the key carried in the file vouches for it, unless the reader pinned it', () => {
    const file = sampleProof(10, 4, signer);
    expect(verifyProofFile(file)).toMatchObject({ valid: true, trust: { trusted: false } });
    expect(verifyProofFile(file, { pinnedKeyIds: [signer.key.keyId] })).toMatchObject({
      valid: true,
      trust: { trusted: true, source: 'pinned-fingerprint' },
    });
    const forged = sampleProof(10, 4, newSigner());
    expect(verifyProofFile(forged, { trustedKeys })).toMatchObject({
      valid: false,
      reason: 'the checkpoint of 10 events is signed by no trusted key',
    });
  });

  it('fail with one byte flipped anywhere that matters', () => {
    const file = sampleProof(20, 6, signer);
    const { proof } = JSON.parse(file) as { proof: string };
    const hashLine = proof.split('\n')[2];
    const flips: [string, string, RegExp][] = [
      ['the event', file.replace('"n":6', '"n":7'), /hash is not the hash of its content/],
      ['the event and its hash', reHashed(file), /does not lead to the root/],
      ['a proof hash', file.replace(hashLine, flip(hashLine)), /does not lead to the root/],
      ['the index', file.replace('index 5', 'index 4'), /leaf 4, not for event 6/],
      ['the signed size', file.replace('\\n20\\n', '\\n21\\n'), /does not verify|no trusted key/],
    ];
    for (const [what, altered, reason] of flips) {
      expect(altered).not.toBe(file);
      expect({ what, ...verifyProofFile(altered, { trustedKeys }) }).toMatchObject({
        what,
        valid: false,
        reason: expect.stringMatching(reason),
      });
    }
  });

  it('prove that a later checkpoint extends an earlier one, and catch a rewritten history', () => {
    const events = [...sampleEvents(30, 'brd_1')];
    const leaves = events.map((event) => leafHash(event.canonical));
    const checkpoint = (size: number, tree = leaves) =>
      signCheckpoint(signer, {
        brandId: 'brd_1',
        size,
        headHash: 'unused',
        rootHash: rangeRoot(tree.slice(0, size)),
        signedAt: '2026-12-01T00:00:00.000Z',
      }).note!;
    const proofOf = (from: string, to: string, tree = leaves, sizes = [11, 30]) =>
      proofFileText({
        format: PROOF_FORMAT,
        kind: 'consistency',
        brandId: 'brd_1',
        from,
        to,
        hashes: consistencyRanges(sizes[0], sizes[1]).map(([start, end]) =>
          rangeRoot(tree.slice(start, end)).toString('base64'),
        ),
        publicKeys: [],
      });
    const yesterday = checkpoint(11);
    expect(verifyProofFile(proofOf(yesterday, checkpoint(30)), { trustedKeys })).toMatchObject({
      valid: true,
      kind: 'consistency',
      checkpoints: [{ size: 11 }, { size: 30 }],
    });
    const rewritten = [...leaves.slice(0, 4), leafHash('rewritten'), ...leaves.slice(5)];
    expect(
      verifyProofFile(proofOf(yesterday, checkpoint(30, rewritten), rewritten), { trustedKeys }),
    ).toMatchObject({
      valid: false,
      reason: 'the log of 30 events does not extend the one of 11: its history was rewritten',
    });
  });

  it('refuse what is not a proof file', () => {
    expect(verifyProofFile('nonsense')).toMatchObject({ valid: false, reason: 'not JSON' });
    expect(verifyProofFile('{"format":"other"}')).toMatchObject({
      valid: false,
      reason: `the file does not name the format ${PROOF_FORMAT}`,
    });
  });
});

function flip(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] ^= 1;
  return bytes.toString('base64');
}

/** The file with the event's data changed and its chain hash recomputed to match. */
function reHashed(file: string): string {
  const parsed = JSON.parse(file) as { event: { hash: string; data: { n: number } } };
  const { hash: _hash, ...content } = parsed.event;
  const altered = { ...content, data: { ...content.data, n: 600 } };
  const { hash } = sealEvent(altered as never);
  return JSON.stringify({ ...parsed, event: { ...altered, hash } });
}
