import { AuditEventContent, GENESIS_HASH, sealEvent } from './audit-chain';
import { eventLine, EXPORT_FORMAT, headerLine, verifyExport } from './export-format';

async function* from(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

/** A valid export of `count` events of one brand. */
function exportOf(count: number): string[] {
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
  return lines;
}

describe('verifyExport', () => {
  it('accepts an untouched export and reports its head', async () => {
    const result = await verifyExport(from(exportOf(20)));
    expect(result).toMatchObject({
      valid: true,
      checkedEvents: 20,
      headSeq: 20,
      firstBadLine: null,
      reason: null,
    });
  });

  it.each([3, 10, 21])('names line %i when one byte of it changes', async (line) => {
    const lines = exportOf(20);
    lines[line - 1] = lines[line - 1].replace('thing.happened', 'thing.happeneD');
    const result = await verifyExport(from(lines));
    expect(result).toMatchObject({ valid: false, firstBadLine: line, checkedEvents: line - 2 });
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
});
