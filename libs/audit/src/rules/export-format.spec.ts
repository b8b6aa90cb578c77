import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { AuditEventContent } from './audit-chain';
import { checkpointSigner } from './audit-checkpoint';
import { AuditKeyRing } from './audit-keys';
import { eventLine, EXPORT_FORMAT, verifyExport } from './export-format';
import { sampleExport, withEventAltered } from './sample-export';

const newSigner = () =>
  checkpointSigner(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'standpoint.test/audit',
  );
const signer = newSigner();

async function* from(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

/** A valid export of `count` events of one brand, ending with its signed checkpoint. */
const exportOf = (count: number, by = signer) => sampleExport(count, by);
const trustedKeys = new AuditKeyRing([signer.key]);

describe('eventLine', () => {
  it('is the RFC 8785 JSON of the content with its hash, whatever the content', () => {
    const text = fc.string({ unit: 'grapheme' });
    const content: fc.Arbitrary<AuditEventContent> = fc.record({
      brandId: text,
      seq: fc.nat(),
      at: text,
      actorId: fc.option(text, { nil: null }),
      actorLabel: text,
      action: text,
      entityType: text,
      entityId: text,
      data: fc.dictionary(text, fc.jsonValue()) as fc.Arbitrary<AuditEventContent['data']>,
      prevHash: text,
    });
    fc.assert(
      fc.property(content, text, (event, hash) => {
        expect(eventLine(event, hash)).toBe(canonicalize({ ...event, hash }));
      }),
    );
  });
});

describe('verifyExport', () => {
  it('accepts an untouched export and reports its head, and that only the file vouches for its key', async () => {
    const result = await verifyExport(from(exportOf(20)));
    expect(result).toMatchObject({
      valid: true,
      checkedEvents: 20,
      headSeq: 20,
      firstBadLine: null,
      reason: null,
      checkpoint: { size: 20, keyId: signer.key.keyId },
      checkedCheckpoints: 1,
      trust: { trusted: false, source: 'export', keyId: signer.key.keyId },
    });
  });

  it('checks every checkpoint placed after the event at its size', async () => {
    const lines = sampleExport(10, signer, [3, 7]);
    expect(await verifyExport(from(lines))).toMatchObject({ valid: true, checkedCheckpoints: 3 });
    // The checkpoint after event 3 moved after event 4: it no longer names the head before it.
    const moved = [...lines];
    [moved[4], moved[5]] = [moved[5], moved[4]];
    expect(await verifyExport(from(moved))).toMatchObject({
      valid: false,
      firstBadLine: 6,
      reason: 'checkpoint: a checkpoint of 3 events after event 4',
    });
  });

  it.each([3, 10, 21])('names line %i when one byte of it changes', async (line) => {
    const lines = exportOf(20);
    lines[line - 1] = lines[line - 1].replace('thing.happened', 'thing.happeneD');
    const result = await verifyExport(from(lines));
    expect(result).toMatchObject({
      valid: false,
      firstBadLine: line,
      checkedEvents: Math.min(line - 2, 20),
    });
  });

  // At scale (100,000 events and more) the same is measured by `npm run bench:audit`.
  it('verifies a long export, and names the line of one byte changed among its events', async () => {
    const lines = exportOf(3_000);
    expect(await verifyExport(from(lines))).toMatchObject({ valid: true, checkedEvents: 3_000 });
    const result = await verifyExport(from(withEventAltered(lines, 2_196)));
    expect(result).toMatchObject({ valid: false, firstBadLine: 2_197, checkedEvents: 2_195 });
  });

  it('names the line where an event was removed', async () => {
    const lines = exportOf(5);
    lines.splice(3, 1);
    expect(await verifyExport(from(lines))).toMatchObject({ valid: false, firstBadLine: 4 });
  });

  it('refuses a file without the header', async () => {
    expect(await verifyExport(from(exportOf(3).slice(1)))).toMatchObject({
      valid: false,
      firstBadLine: 1,
      reason: expect.stringContaining(EXPORT_FORMAT),
    });
    expect(await verifyExport(from([]))).toMatchObject({
      valid: false,
      reason: 'empty: no header line',
    });
  });

  it('refuses a line that is not JSON', async () => {
    const lines = exportOf(3);
    lines[2] = lines[2].slice(0, -1);
    expect(await verifyExport(from(lines))).toMatchObject({
      valid: false,
      firstBadLine: 3,
      reason: 'not JSON',
    });
  });

  describe('the closing checkpoint', () => {
    const checkpointOf = (line: string) => JSON.parse(line) as Record<string, unknown>;

    it('must be there: its absence is reported at the line where it should be', async () => {
      const lines = exportOf(5).slice(0, -1);
      expect(await verifyExport(from([...lines, '']))).toMatchObject({
        valid: false,
        firstBadLine: 7,
        reason: 'no checkpoint: the export must end with one',
      });
    });

    it('must be the last line', async () => {
      const lines = exportOf(5);
      const result = await verifyExport(from([...lines, lines[3]]));
      expect(result).toMatchObject({ valid: false, firstBadLine: 8 });
      const earlier = sampleExport(5, signer, [4]);
      expect(await verifyExport(from(earlier.slice(0, -1)))).toMatchObject({
        valid: false,
        firstBadLine: 8,
        reason: 'no checkpoint: the export must end with one',
      });
    });

    it('refuses a forged signature, on the note or beside it, naming its line', async () => {
      const lines = exportOf(5);
      const closing = checkpointOf(lines[6]);
      const otherSignature = checkpointOf(exportOf(4)[5]).signature as string;
      const noteSignature = (closing.note as string).match(/ (\S+)\n$/)![1];
      const forgedNote = (closing.note as string).replace(
        noteSignature,
        Buffer.concat([
          Buffer.from(noteSignature, 'base64').subarray(0, 4),
          Buffer.from(otherSignature, 'base64'),
        ]).toString('base64'),
      );
      for (const forged of [
        { ...closing, note: forgedNote, signature: otherSignature },
        { ...closing, signature: otherSignature },
      ]) {
        lines[6] = JSON.stringify(forged);
        expect(await verifyExport(from(lines))).toMatchObject({
          valid: false,
          firstBadLine: 7,
          reason: expect.stringMatching(
            /^checkpoint: (the signed note does not verify|the signature is not the one on the signed note)/,
          ),
        });
      }
    });

    it('refuses a checkpoint of another head, even well signed', async () => {
      const lines = exportOf(5);
      lines.splice(5, 1); // the last event and its hash gone: the chain is intact, but shorter
      expect(await verifyExport(from(lines))).toMatchObject({
        valid: false,
        firstBadLine: 6,
        reason: 'checkpoint: a checkpoint of 5 events after event 4',
      });
    });

    it('is checked with a trusted key when one is given, and a key mismatch fails', async () => {
      const lines = exportOf(5);
      expect(await verifyExport(from(lines), { trustedKeys })).toMatchObject({
        valid: true,
        trust: { trusted: true, source: 'trusted-key', keyId: signer.key.keyId },
      });

      // A forger re-signs with a key of their own, carried in the file: intact, but not ours.
      const forger = newSigner();
      const forged = exportOf(5, forger);
      expect(await verifyExport(from(forged))).toMatchObject({
        valid: true,
        trust: { trusted: false, source: 'export' },
      });
      expect(await verifyExport(from(forged), { trustedKeys })).toMatchObject({
        valid: false,
        firstBadLine: 7,
        reason: `checkpoint: signed by the key ${forger.key.keyId}, which is not trusted`,
      });
      expect(await verifyExport(from(forged), { pinnedKeyIds: [signer.key.keyId] })).toMatchObject({
        valid: true,
        trust: { trusted: false },
      });
      expect(await verifyExport(from(lines), { pinnedKeyIds: [signer.key.keyId] })).toMatchObject({
        valid: true,
        trust: { trusted: true, source: 'pinned-fingerprint' },
      });
    });

    it('is trusted when a witness saw its key sign, and refused when the witness saw more', async () => {
      const lines = sampleExport(10, signer, [4]);
      const checkpointNote = (line: string) => (JSON.parse(line) as { note: string }).note;
      const witnessNotes = checkpointNote(lines[5]);
      expect(await verifyExport(from(lines), { witnessNotes })).toMatchObject({
        valid: true,
        witnessedCheckpoints: 1,
        trust: { trusted: true, source: 'witness' },
      });
      const rolledBack = sampleExport(3, signer);
      const later = checkpointNote(sampleExport(10, signer).at(-1)!);
      expect(await verifyExport(from(rolledBack), { witnessNotes: later })).toMatchObject({
        valid: false,
        reason:
          'a witness holds a checkpoint of 10 events, but the chain ends at 3: it was rolled back',
      });
    });
  });
});
