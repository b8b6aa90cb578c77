import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { AuditEventContent } from './audit-chain';
import { checkpointSigner } from './audit-checkpoint';
import { eventLine, EXPORT_FORMAT, verifyExport } from './export-format';
import { sampleExport, withEventAltered } from './sample-export';

const newSigner = () =>
  checkpointSigner(
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
const signer = newSigner();

async function* from(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

/** A valid export of `count` events of one brand, ending with its signed checkpoint. */
const exportOf = (count: number, by = signer) => sampleExport(count, by);

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
  it('accepts an untouched export and reports its head', async () => {
    const result = await verifyExport(from(exportOf(20)));
    expect(result).toMatchObject({
      valid: true,
      checkedEvents: 20,
      headSeq: 20,
      firstBadLine: null,
      reason: null,
      checkpoint: { size: 20, keyId: signer.keyId },
      publicKey: { source: 'export', keyId: signer.keyId },
    });
  });

  it.each([3, 10, 21])('names line %i when one byte of it changes', async (line) => {
    const lines = exportOf(20);
    lines[line - 1] = lines[line - 1].replace('thing.happened', 'thing.happeneD');
    const result = await verifyExport(from(lines));
    expect(result).toMatchObject({ valid: false, firstBadLine: line, checkedEvents: line - 2 });
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
    });

    it('refuses a forged signature, naming its line', async () => {
      const lines = exportOf(5);
      const other = exportOf(4);
      lines[6] = JSON.stringify({
        ...checkpointOf(lines[6]),
        signature: checkpointOf(other[5]).signature,
      });
      expect(await verifyExport(from(lines))).toMatchObject({
        valid: false,
        firstBadLine: 7,
        reason: 'checkpoint: the signature does not verify',
      });
    });

    it('refuses a checkpoint of another head, even well signed', async () => {
      const lines = exportOf(5);
      lines.splice(5, 1); // the last event and its hash gone: the chain is intact, but shorter
      expect(await verifyExport(from(lines))).toMatchObject({
        valid: false,
        firstBadLine: 6,
        reason: expect.stringMatching(
          /^checkpoint: signed for 5 events .* but the export's 4 events/,
        ),
      });
    });

    it('is checked with a trusted key when one is given, and a key mismatch fails', async () => {
      const lines = exportOf(5);
      expect(
        await verifyExport(from(lines), { trustedPublicKeyPem: signer.publicKeyPem }),
      ).toMatchObject({
        valid: true,
        publicKey: { source: 'trusted', keyId: signer.keyId },
      });

      const forger = newSigner();
      const forged = exportOf(5, forger);
      expect(await verifyExport(from(forged))).toMatchObject({ valid: true });
      expect(
        await verifyExport(from(forged), { trustedPublicKeyPem: signer.publicKeyPem }),
      ).toMatchObject({
        valid: false,
        firstBadLine: 7,
        reason: `checkpoint: signed by the key ${forger.keyId}, not by ${signer.keyId}`,
        publicKey: { source: 'trusted' },
      });
    });
  });
});
