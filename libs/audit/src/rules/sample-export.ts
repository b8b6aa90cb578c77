import { AuditEventContent, GENESIS_HASH, sealEvent } from './audit-chain';
import { CheckpointSigner, signCheckpoint } from './audit-checkpoint';
import { checkpointLine, eventLine, headerLine } from './export-format';

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
 * The lines of a valid export of `count` made-up events of one brand, ending with its checkpoint
 * signed by `signer`. Event `seq` sits on line `seq + 1`.
 */
export function sampleExport(count: number, signer: CheckpointSigner): string[] {
  const lines = [
    headerLine({ brandId: 'brd_1', brandSlug: 'acme', exportedAt: '2026-11-30T00:00:00.000Z' }),
  ];
  let headHash = GENESIS_HASH;
  for (const { content, hash } of sampleEvents(count, 'brd_1')) {
    lines.push(eventLine(content, hash));
    headHash = hash;
  }
  const checkpoint = signCheckpoint(signer, {
    brandId: 'brd_1',
    size: count,
    headHash,
    signedAt: '2026-11-30T00:00:01.000Z',
  });
  lines.push(checkpointLine(checkpoint, signer.publicKeyPem));
  return lines;
}

/** The lines with event `seq`'s data altered in place, its hash left as it was. */
export function withEventAltered(lines: readonly string[], seq: number): string[] {
  const altered = [...lines];
  altered[seq] = altered[seq].replace(`"n":${seq},`, `"n":${seq + 1},`);
  if (altered[seq] === lines[seq]) throw new Error(`event ${seq} is not in this sample`);
  return altered;
}
