import { generateKeyPairSync } from 'node:crypto';
import {
  AuditEventContent,
  ChainLink,
  ChainVerifier,
  GENESIS_HASH,
  sealEvent,
} from './audit-chain';
import { checkpointSigner, signCheckpoint } from './audit-checkpoint';
import { ChainProof } from './chain-proof';

const signer = checkpointSigner(
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);

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

const checkpointAt = (links: ChainLink[], size: number) =>
  signCheckpoint(signer, {
    brandId: 'brd_1',
    size,
    headHash: links[size - 1].hash,
    signedAt: '2026-12-02T00:00:00.000Z',
  });

function prove(links: ChainLink[], checkpoints: ReturnType<typeof checkpointAt>[]) {
  const proof = new ChainProof(checkpoints, signer.publicKeyPem);
  for (const link of links) if (!proof.add(link)) break;
  return proof.result();
}

describe('ChainProof', () => {
  const original = chainOf(10);
  const checkpoints = [checkpointAt(original, 4), checkpointAt(original, 8)];

  it('accepts an untouched chain with its checkpoints', () => {
    expect(prove(original, checkpoints)).toMatchObject({
      valid: true,
      checkedEvents: 10,
      headSeq: 10,
      firstInvalidSeq: null,
      checkedCheckpoints: 2,
      failedCheckpoint: null,
      reason: null,
    });
  });

  it('catches a chain rewritten with every later hash recomputed, at the first checkpoint it contradicts', () => {
    const rewritten = chainOf(10, (seq) => (seq === 6 ? 600 : seq));
    // On its own the rewritten chain is self-consistent.
    expect(prove(rewritten, [])).toMatchObject({ valid: true, checkedEvents: 10 });

    expect(prove(rewritten, checkpoints)).toMatchObject({
      valid: false,
      firstInvalidSeq: 8,
      checkedEvents: 7,
      headSeq: 7,
      checkedCheckpoints: 1,
      failedCheckpoint: checkpoints[1],
      reason: "the chain's hash at sequence number 8 is not the signed head hash",
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

  it('refuses a checkpoint whose signature was forged', () => {
    const forged = { ...checkpoints[0], signature: checkpoints[1].signature };
    expect(prove(original, [forged, checkpoints[1]])).toMatchObject({
      valid: false,
      firstInvalidSeq: 4,
      failedCheckpoint: forged,
      reason: 'the signature does not verify',
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
