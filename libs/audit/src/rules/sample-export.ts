import { AuditEventContent, GENESIS_HASH, sealEvent } from './audit-chain';
import { CheckpointSigner, signCheckpoint } from './audit-checkpoint';
import { checkpointLine, eventLine, headerLine } from './export-format';
import { CompactTree, inclusionRanges, leafHash, rangeRoot } from './merkle-tree';
import { PROOF_FORMAT, proofFileText, tlogProof } from './proof-file';

/** A made-up event, sealed by the chain's rules. */
export interface SampleEvent {
  content: AuditEventContent;
  canonical: string;
  hash: string;
}

/**
 * `count` made-up events of one brand, each linked to the one before, continuing a chain from its
 * head (`seq` 0 and the genesis hash for a new one): what the verifier's spec tampers with, and
 * what the audit bench loads by the million. Event `seq` holds `"n":seq` in its data and is dated
 * `seq` seconds after `start`.
 */
export function* sampleEvents(
  count: number,
  brandId: string,
  head: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
  start = Date.UTC(2026, 10, 30),
): Generator<SampleEvent> {
  let prevHash = head.hash;
  for (let seq = head.seq + 1; seq <= head.seq + count; seq++) {
    const content: AuditEventContent = {
      brandId,
      seq,
      at: new Date(start + seq * 1000).toISOString(),
      actorId: null,
      actorLabel: 'system',
      action: 'thing.happened',
      entityType: 'Thing',
      entityId: `thing_${seq}`,
      data: { n: seq, note: 'ünïcödé ✊' },
      prevHash,
    };
    const sealed = sealEvent(content);
    yield { content, ...sealed };
    prevHash = sealed.hash;
  }
}

/**
 * The lines of a valid export of `count` made-up events of one brand, with a checkpoint signed by
 * `signer` after each event whose seq is in `checkpointsAt`, and one closing it. Event `seq` sits
 * on line `seq + 1` when no checkpoint comes before it.
 */
export function sampleExport(
  count: number,
  signer: CheckpointSigner,
  checkpointsAt: readonly number[] = [],
): string[] {
  const publicKeys = [{ keyId: signer.key.keyId, publicKey: signer.key.publicKeyPem }];
  const lines = [
    headerLine({
      brandId: 'brd_1',
      brandSlug: 'acme',
      exportedAt: '2026-11-30T00:00:00.000Z',
      publicKeys,
    }),
  ];
  const tree = CompactTree.empty();
  for (const { content, hash, canonical } of sampleEvents(count, 'brd_1')) {
    lines.push(eventLine(content, hash, canonical));
    tree.append(leafHash(canonical));
    if (content.seq === count || checkpointsAt.includes(content.seq))
      lines.push(
        checkpointLine(
          signCheckpoint(signer, {
            brandId: 'brd_1',
            size: content.seq,
            headHash: hash,
            rootHash: tree.root(),
            signedAt: '2026-11-30T00:00:01.000Z',
          }),
        ),
      );
  }
  return lines;
}

/**
 * The proof file of event `seq` among `count` made-up events, in a checkpoint of them all signed
 * by `signer`, as `npx standpoint audit prove` writes one.
 */
export function sampleProof(count: number, seq: number, signer: CheckpointSigner): string {
  const events = [...sampleEvents(count, 'brd_1')];
  const leaves = events.map((event) => leafHash(event.canonical));
  const checkpoint = signCheckpoint(signer, {
    brandId: 'brd_1',
    size: count,
    headHash: events[count - 1].hash,
    rootHash: rangeRoot(leaves),
    signedAt: '2026-11-30T00:00:01.000Z',
  });
  const hashes = inclusionRanges(seq - 1, count).map(([start, end]) =>
    rangeRoot(leaves.slice(start, end)),
  );
  const { content, hash } = events[seq - 1];
  return proofFileText({
    format: PROOF_FORMAT,
    kind: 'inclusion',
    event: { ...content, hash },
    proof: tlogProof(seq - 1, hashes, checkpoint.note!),
    publicKeys: [{ keyId: signer.key.keyId, publicKey: signer.key.publicKeyPem }],
  });
}

/** The lines with event `seq`'s data altered in place, its hash left as it was. */
export function withEventAltered(lines: readonly string[], seq: number): string[] {
  const altered = [...lines];
  altered[seq] = altered[seq].replace(`"n":${seq},`, `"n":${seq + 1},`);
  if (altered[seq] === lines[seq]) throw new Error(`event ${seq} is not in this sample`);
  return altered;
}
