import { generateKeyPairSync, sign } from 'node:crypto';
import {
  AuditEventContent,
  ChainLink,
  ChainVerifier,
  GENESIS_HASH,
  sealEvent,
} from './audit-chain';
import {
  checkpointSigner,
  jsonCheckpointText,
  signCheckpoint,
  SignedCheckpoint,
} from './audit-checkpoint';
import { AuditKeyRing } from './audit-keys';
import { ChainProof } from './chain-proof';
import { EVIDENCE_FIELDS } from './decision-passkey';
import { witnessedCheckpoints } from './witness-check';
import { leafHash, rangeRoot } from './merkle-tree';

const newSigner = () =>
  checkpointSigner(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'standpoint.test/audit',
  );
const signer = newSigner();
const ring = new AuditKeyRing([signer.key]);

/** A chain of `count` events whose `data.n` is given by `value` (to rewrite one of them). */
function chainOf(count: number, value = (seq: number) => seq): ChainLink[] {
  const links: ChainLink[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const content: AuditEventContent = {
      brandId: 'brd_1',
      seq,
      at: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)).toISOString(),
      actorId: null,
      actorLabel: 'system',
      action: 'thing.happened',
      entityType: 'Thing',
      entityId: `thing_${seq}`,
      data: { n: value(seq) },
      prevHash: links.at(-1)?.hash ?? GENESIS_HASH,
    };
    links.push({ seq, prevHash: content.prevHash, ...sealEvent(content) });
  }
  return links;
}

const checkpointAt = (links: ChainLink[], size: number, by = signer) =>
  signCheckpoint(by, {
    brandId: 'brd_1',
    size,
    headHash: links[size - 1].hash,
    rootHash: rangeRoot(links.slice(0, size).map((link) => leafHash(link.canonical))),
    signedAt: '2026-12-02T00:00:00.000Z',
  });

/** A checkpoint of the first format, signed before the Merkle tree existed. */
function jsonCheckpointAt(links: ChainLink[], size: number): SignedCheckpoint {
  const statement = {
    brandId: 'brd_1',
    size,
    headHash: links[size - 1].hash,
    signedAt: '2026-11-01T00:00:00.000Z',
    keyId: signer.key.keyId,
  };
  const text = Buffer.from(jsonCheckpointText(statement), 'utf8');
  const signature = sign(null, text, signer.privateKey).toString('base64');
  return { ...statement, signature, rootHash: null, note: null };
}

function prove(links: ChainLink[], checkpoints: SignedCheckpoint[], keys = ring, witnessFile = '') {
  const proof = new ChainProof(checkpoints, keys, witnessedCheckpoints(witnessFile, 'brd_1', keys));
  for (const link of links) if (!proof.add(link)) break;
  return proof.result();
}

describe('ChainProof', () => {
  const original = chainOf(10);
  const checkpoints = [checkpointAt(original, 4), checkpointAt(original, 8)];

  it('accepts an untouched chain with its checkpoints, and counts the unsealed tail', () => {
    expect(prove(original, checkpoints)).toMatchObject({
      valid: true,
      checkedEvents: 10,
      headSeq: 10,
      firstInvalidSeq: null,
      checkedCheckpoints: 2,
      sealedSeq: 8,
      unsealedEvents: 2,
      failedCheckpoint: null,
      reason: null,
    });
  });

  it('refuses a chain with events and no checkpoint, however consistent', () => {
    expect(prove(original, [])).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      checkedEvents: 10,
      unsealedEvents: 10,
      reason: 'no signed checkpoint seals any of the 10 events',
    });
    expect(prove([], [])).toMatchObject({ valid: true, headSeq: 0 });
  });

  it('catches a chain rewritten with every later hash recomputed, at the first checkpoint it contradicts', () => {
    const rewritten = chainOf(10, (seq) => (seq === 6 ? 600 : seq));
    expect(prove(rewritten, checkpoints)).toMatchObject({
      valid: false,
      firstInvalidSeq: 8,
      checkedEvents: 7,
      headSeq: 7,
      checkedCheckpoints: 1,
      failedCheckpoint: checkpoints[1],
      reason: 'the chain at sequence number 8 is not the signed one',
    });
  });

  it('catches a fork: a rewritten chain under its own checkpoint, beside the checkpoint of the original', () => {
    const fork = chainOf(10, (seq) => (seq === 2 ? 200 : seq));
    const forkCheckpoint = checkpointAt(fork, 9);
    expect(prove(original, [...checkpoints, forkCheckpoint])).toMatchObject({
      valid: false,
      firstInvalidSeq: 9,
      failedCheckpoint: forkCheckpoint,
    });
    expect(prove(fork, [...checkpoints, forkCheckpoint])).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      failedCheckpoint: checkpoints[0],
    });
  });

  it('holds the chain to the tree root: a checkpoint whose root was re-signed over other events fails', () => {
    const rewritten = chainOf(4, (seq) => (seq === 1 ? 100 : seq));
    const wrongRoot = signCheckpoint(signer, {
      ...checkpoints[0],
      rootHash: rangeRoot(rewritten.map((link) => leafHash(link.canonical))),
    });
    expect(prove(original, [wrongRoot])).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      reason: 'the chain at sequence number 4 is not the signed one',
    });
  });

  it('reports a broken link where it shows, before any checkpoint', () => {
    const links = original.map((l) => (l.seq === 3 ? { ...l, canonical: `${l.canonical} ` } : l));
    expect(prove(links, checkpoints)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      checkedEvents: 2,
      failedCheckpoint: null,
    });
  });

  it('catches events removed from the end, past a checkpoint', () => {
    expect(prove(original.slice(0, 6), checkpoints)).toMatchObject({
      valid: false,
      firstInvalidSeq: 7,
      checkedCheckpoints: 1,
      failedCheckpoint: checkpoints[1],
      reason: 'signed for 8 events, but the chain ends at 6',
    });
  });

  it('refuses a checkpoint whose signature was forged, or whose note states another size', () => {
    const forged = {
      ...checkpoints[0],
      note: checkpoints[0].note!.replace(/ \S+\n$/, ' AAAAAAAA\n'),
    };
    expect(prove(original, [forged, checkpoints[1]])).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      failedCheckpoint: forged,
      reason: expect.stringMatching(/signed note does not verify|no signature/),
    });
    const moved = { ...checkpoints[1], size: 4, headHash: original[3].hash };
    expect(prove(original, [moved])).toMatchObject({
      valid: false,
      reason: "the signed note does not state this checkpoint's brand, size and root",
    });
  });

  it('still verifies checkpoints of the first, JSON format, and refuses one altered', () => {
    const first = jsonCheckpointAt(original, 3);
    expect(prove(original, [first, checkpoints[1]])).toMatchObject({
      valid: true,
      checkedCheckpoints: 2,
    });
    const altered = { ...first, signedAt: '2026-11-01T00:00:00.001Z' };
    expect(prove(original, [altered])).toMatchObject({
      valid: false,
      reason: 'the signature does not verify',
    });
  });

  it('keeps verifying checkpoints of a retired key after a rotation, and refuses the retired key signing again', () => {
    const successor = newSigner();
    const rotated = new AuditKeyRing([signer.key, successor.key]);
    const afterRotation = checkpointAt(original, 9, successor);
    expect(prove(original, [checkpoints[0], afterRotation], rotated)).toMatchObject({
      valid: true,
      checkedCheckpoints: 2,
    });
    // Without the retired key in the ring, the old checkpoint cannot be checked.
    expect(
      prove(original, [checkpoints[0], afterRotation], new AuditKeyRing([successor.key])),
    ).toMatchObject({
      valid: false,
      reason: `signed by the key ${signer.key.keyId}, which is not trusted`,
    });
    const lateOld = checkpointAt(original, 10);
    expect(prove(original, [checkpoints[0], afterRotation, lateOld], rotated)).toMatchObject({
      valid: false,
      firstInvalidSeq: 10,
      reason: `signed by the retired key ${signer.key.keyId} after a newer key had signed`,
    });
  });

  it('continues from a proven head, as the worker checks the events since the last checkpoint', () => {
    const onward = new ChainVerifier({ seq: 4, hash: original[3].hash });
    expect(original.slice(4).every((link) => onward.add(link))).toBe(true);
    expect(onward.result()).toMatchObject({ valid: true, checkedEvents: 6, headSeq: 10 });

    const rewritten = chainOf(10, (seq) => (seq === 2 ? 200 : seq));
    const fromCheckpoint = new ChainVerifier({ seq: 4, hash: original[3].hash });
    expect(fromCheckpoint.add(rewritten[4])).toBe(false);
    expect(fromCheckpoint.result()).toMatchObject({ valid: false, firstInvalidSeq: 5 });
  });
});

describe('ChainProof with the checkpoints a witness kept', () => {
  const original = chainOf(10);
  const witnessFile = [checkpointAt(original, 4), checkpointAt(original, 9)]
    .map((checkpoint) => checkpoint.note)
    .join('\n');

  it('accepts the chain the witness saw grow', () => {
    expect(prove(original, [checkpointAt(original, 10)], ring, witnessFile)).toMatchObject({
      valid: true,
      witnessedCheckpoints: 2,
    });
  });

  it("catches a roll-back, even with the server's own checkpoints cut back to match", () => {
    const rolledBack = original.slice(0, 7);
    expect(prove(rolledBack, [checkpointAt(original, 4)], ring)).toMatchObject({ valid: true });
    expect(prove(rolledBack, [checkpointAt(original, 4)], ring, witnessFile)).toMatchObject({
      valid: false,
      firstInvalidSeq: 8,
      reason:
        'a witness holds a checkpoint of 9 events, but the chain ends at 7: it was rolled back',
    });
  });

  it("catches a fork re-signed with the server's own key", () => {
    const fork = chainOf(10, (seq) => (seq === 6 ? 600 : seq));
    expect(prove(fork, [checkpointAt(fork, 10)], ring)).toMatchObject({ valid: true });
    expect(prove(fork, [checkpointAt(fork, 10)], ring, witnessFile)).toMatchObject({
      valid: false,
      firstInvalidSeq: 9,
      witnessedCheckpoints: 1,
      reason:
        'a witness holds a different checkpoint of 9 events: the history was rewritten (a fork)',
    });
  });

  it('ignores the notes of other logs and refuses one of this brand that no trusted key signed', () => {
    const otherBrand = signCheckpoint(signer, {
      ...checkpointAt(original, 4),
      brandId: 'brd_2',
      rootHash: Buffer.alloc(32),
    });
    expect(witnessedCheckpoints(`${otherBrand.note}\n${witnessFile}`, 'brd_1', ring)).toHaveLength(
      2,
    );
    const stranger = checkpointAt(original, 5, newSigner());
    expect(() => witnessedCheckpoints(stranger.note!, 'brd_1', ring)).toThrow(
      'the checkpoint of 5 events is signed by no trusted key',
    );
  });
});

describe('ChainProof of a passkey-confirmed decision', () => {
  it('refuses a decision event whose passkey evidence does not verify, even sealed and signed', () => {
    const content: AuditEventContent = {
      brandId: 'brd_1',
      seq: 1,
      at: '2026-12-01T00:00:01.000Z',
      actorId: 'usr_1',
      actorLabel: 'approver@example.com',
      action: 'decision.recorded',
      entityType: 'Decision',
      entityId: 'dec_1',
      data: {
        proposalId: 'prp_1',
        step: 'Leadership',
        round: 1,
        outcome: 'APPROVE',
        contentHash: 'ab'.repeat(32),
        passkey: Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, 'AAAA'])),
      },
      prevHash: GENESIS_HASH,
    };
    const link = { seq: 1, prevHash: GENESIS_HASH, ...sealEvent(content) };
    expect(prove([link], [checkpointAt([link], 1)])).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: expect.stringMatching(
        /^the passkey confirmation of the decision at sequence number 1 does not verify: /,
      ),
    });
  });
});
