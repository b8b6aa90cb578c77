import { AuditEventContent, GENESIS_HASH, sealEvent } from './audit-chain';
import { CheckpointSigner, signCheckpoint } from './audit-checkpoint';
import { checkpointLine, eventLine, headerLine } from './export-format';

/**
 * The lines of a valid export of `count` made-up events of one brand, ending with its checkpoint
 * signed by `signer`: what the verifier's spec tampers with, and what its bench times at scale.
 * Event `seq` sits on line `seq + 1` and its data holds `"n":seq`.
 */
export function sampleExport(count: number, signer: CheckpointSigner): string[] {
  const lines = [
    headerLine({ brandId: 'brd_1', brandSlug: 'acme', exportedAt: '2026-11-30T00:00:00.000Z' }),
  ];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content: AuditEventContent = {
      brandId: 'brd_1',
      seq,
      at: new Date(Date.UTC(2026, 10, 30, 0, 0, seq)).toISOString(),
      actorId: null,
      actorLabel: 'system',
      action: 'thing.happened',
      entityType: 'Thing',
      entityId: `thing_${seq}`,
      data: { n: seq, note: 'ünïcödé ✊' },
      prevHash,
    };
    const { hash } = sealEvent(content);
    lines.push(eventLine(content, hash));
    prevHash = hash;
  }
  const checkpoint = signCheckpoint(signer, {
    brandId: 'brd_1',
    size: count,
    headHash: prevHash,
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
