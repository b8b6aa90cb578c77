import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  LISTENING_IMPORT_LIMITS,
  LISTENING_PRESETS,
  ListeningDateFormat,
  ListeningMapping,
  ListeningPreset,
  ListeningSource,
} from '../rules';
import { readListeningExport } from './read-listening-export';

const SAMPLES = join(__dirname, '../../../../samples/listening');
const sample = (name: string) => createReadStream(join(SAMPLES, name));
const text = (csv: string) => Readable.from([Buffer.from(csv)]);

const SIMPLE: ListeningMapping = {
  date: 'Date',
  dateFormat: ListeningDateFormat.ISO,
  sentiment: 'Sentiment',
};

async function figuresOf(file: string, preset: ListeningPreset) {
  const read = await readListeningExport(sample(file), LISTENING_PRESETS[preset]);
  if (read.outcome !== 'read') throw new Error(JSON.stringify(read));
  return read;
}

describe('readListeningExport', () => {
  const week = {
    periodStart: new Date('2026-11-30T00:00:00Z'),
    periodEnd: new Date('2026-12-07T00:00:00Z'),
  };

  it('reads the Brandwatch sample: report lines, BOM, a quoted line break, hashtags', async () => {
    const read = await figuresOf('brandwatch-mentions.csv', ListeningSource.BRANDWATCH);
    expect(read.figures).toEqual({
      query: 'Acme recall (global)',
      ...week,
      mentionCount: 10,
      positive: 3,
      neutral: 3,
      negative: 4,
      unrated: 0,
      positiveShare: 0.3,
      neutralShare: 0.3,
      negativeShare: 0.4,
      topTerms: [
        { term: '#recall', count: 6 },
        { term: '#acme', count: 5 },
        { term: '#fail', count: 1 },
      ],
      rowsRead: 10,
    });
    expect(read.sha256).toBe('ee0731b6912e4e238a214942c0cb2e94e57f0e553e8e34ab8c53f4ce7d97df3c');
    expect(read.bytes).toBe(2518);
  });

  it('reads the Talkwalker sample: day-first dates, signed sentiment scores', async () => {
    const read = await figuresOf('talkwalker-results.csv', ListeningSource.TALKWALKER);
    expect(read.figures).toEqual({
      query: 'Acme recall',
      ...week,
      mentionCount: 8,
      positive: 2,
      neutral: 3,
      negative: 3,
      unrated: 0,
      positiveShare: 0.25,
      neutralShare: 0.375,
      negativeShare: 0.375,
      topTerms: [
        { term: 'acme', count: 5 },
        { term: 'kettle', count: 4 },
        { term: 'recall', count: 4 },
        { term: 'refund', count: 2 },
      ],
      rowsRead: 8,
    });
  });

  it('reads the Sprout Social sample: daily counts with thousands, unclassified volume', async () => {
    const read = await figuresOf('sprout-social-volume.csv', ListeningSource.SPROUT_SOCIAL);
    expect(read.figures).toEqual({
      query: 'Acme recall',
      ...week,
      mentionCount: 14_888,
      positive: 2011,
      neutral: 6834,
      negative: 5611,
      unrated: 432,
      positiveShare: 2011 / 14_456,
      neutralShare: 6834 / 14_456,
      negativeShare: 5611 / 14_456,
      topTerms: [],
      rowsRead: 7,
    });
  });

  it('reads the Meltwater sample: UTF-16 with tabs and CRLF, a mention not rated', async () => {
    const read = await figuresOf('meltwater-explore.csv', ListeningSource.MELTWATER);
    expect(read.figures).toEqual({
      query: null,
      ...week,
      mentionCount: 9,
      positive: 2,
      neutral: 3,
      negative: 3,
      unrated: 1,
      positiveShare: 0.25,
      neutralShare: 0.375,
      negativeShare: 0.375,
      topTerms: [
        { term: 'acme', count: 6 },
        { term: 'recall', count: 4 },
        { term: 'kettles', count: 2 },
        { term: 'refund', count: 2 },
        { term: 'rückruf', count: 1 },
      ],
      rowsRead: 9,
    });
  });

  it('tells every bad row by its line and what is wrong with it', async () => {
    const csv = [
      'Report,Acme',
      '',
      'Date,Sentiment',
      '2026-12-01,positive',
      '2026-13-01,positive',
      '2026-12-02,furious',
      '2026-12-03,negative',
      '"01/12/2026","?"',
    ].join('\n');
    expect(await readListeningExport(text(csv), SIMPLE)).toEqual({
      outcome: 'bad rows',
      problemCount: 3,
      problems: [
        { line: 5, message: 'Date "2026-13-01" is not a ISO date' },
        { line: 6, message: 'Sentiment "furious" is not positive, neutral or negative' },
        {
          line: 8,
          message:
            'Date "01/12/2026" is not a ISO date; Sentiment "?" is not positive, neutral or negative',
        },
      ],
    });
  });

  it('tells the first bad rows and counts the others', async () => {
    const rows = Array.from({ length: 250 }, () => 'yesterday,positive');
    const read = await readListeningExport(text(['Date,Sentiment', ...rows].join('\n')), SIMPLE);
    expect(read).toMatchObject({ outcome: 'bad rows', problemCount: 250 });
    const problems = read.outcome === 'bad rows' ? read.problems : [];
    expect(problems).toHaveLength(LISTENING_IMPORT_LIMITS.lineProblemsShown);
    expect(problems.at(-1)?.line).toBe(LISTENING_IMPORT_LIMITS.lineProblemsShown + 1);
  });

  it('refuses a file that is not CSV at the line it breaks', async () => {
    const csv = 'Date,Sentiment\n2026-12-01,positive\n2026-12-02,"neg"ative\n2026-12-03,neutral\n';
    const read = await readListeningExport(text(csv), SIMPLE);
    expect(read).toMatchObject({ outcome: 'bad rows', problemCount: 1 });
    expect(read.outcome === 'bad rows' && read.problems[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('The file is not valid CSV here'),
    });
  });

  it('refuses a record longer than the limit at its line, quoting little of it', async () => {
    const limits = { ...LISTENING_IMPORT_LIMITS, maxRecordBytes: 1000 };
    const csv = `Date,Sentiment,Text\n2026-12-01,positive,"${'x'.repeat(5000)}"\n`;
    const read = await readListeningExport(text(csv), SIMPLE, undefined, limits);
    expect(read).toMatchObject({ outcome: 'bad rows', problemCount: 1, problems: [{ line: 2 }] });
    const message = read.outcome === 'bad rows' ? read.problems[0].message : '';
    expect(message).toContain('The file is not valid CSV here: Max Record Size');
    expect(message.length).toBeLessThan(260);
    expect(LISTENING_IMPORT_LIMITS.maxRecordBytes).toBe(1024 * 1024);
  });

  it('refuses a file without the header the mapping names, or without rows', async () => {
    expect(await readListeningExport(text('When,Mood\n2026-12-01,positive\n'), SIMPLE)).toEqual({
      outcome: 'bad rows',
      problemCount: 1,
      problems: [{ line: 2, message: 'The file has no header row naming "Date", "Sentiment"' }],
    });
    expect(await readListeningExport(text('Date,Sentiment\n'), SIMPLE)).toMatchObject({
      problems: [{ line: 1, message: 'The file has no rows under its header' }],
    });
    const preamble = Array.from({ length: 80 }, (_, i) => `note ${i}`).join('\n');
    expect(await readListeningExport(text(`${preamble}\nDate,Sentiment\n`), SIMPLE)).toMatchObject({
      problems: [{ line: LISTENING_IMPORT_LIMITS.maxPreambleRecords }],
    });
  });

  /** `n` rows in chunks of `perChunk`. */
  const rows = (n: number, extra = '', perChunk = 1000) =>
    Readable.from(
      (function* () {
        yield `Date,Sentiment,Terms\n`;
        for (let i = 0; i < n; i += perChunk) {
          yield `2026-12-01,positive,${extra}\n`.repeat(perChunk);
        }
      })(),
    );

  it(`refuses a file of more than ${LISTENING_IMPORT_LIMITS.maxRows} rows`, async () => {
    const mapping = { ...SIMPLE, terms: 'Terms' };
    const limit = LISTENING_IMPORT_LIMITS.maxRows;
    expect(await readListeningExport(rows(limit + 1000), mapping)).toEqual({
      outcome: 'too large',
      message: 'The file has more than 200,000 rows, the most one import reads',
    });
    const small = { ...LISTENING_IMPORT_LIMITS, maxRows: 3000 };
    expect(await readListeningExport(rows(3000), mapping, undefined, small)).toMatchObject({
      outcome: 'read',
      figures: { rowsRead: 3000, mentionCount: 3000 },
    });
  });

  it('refuses a file larger than the byte limit, without destroying its source', async () => {
    const limits = { ...LISTENING_IMPORT_LIMITS, maxBytes: 100_000 };
    const mapping = { ...SIMPLE, terms: 'Terms' };
    // 1,000 rows of 90 bytes: 90,021 bytes pass, 2,000 rows do not.
    const term = 'x'.repeat(69);
    expect(await readListeningExport(rows(1000, term), mapping, undefined, limits)).toMatchObject({
      outcome: 'read',
      bytes: 90_021,
    });
    const source = rows(2000, term, 1);
    expect(await readListeningExport(source, mapping, undefined, limits)).toEqual({
      outcome: 'too large',
      message: 'The file is larger than 100,000 bytes, the most one import reads',
    });
    expect(source.destroyed).toBe(false);
  });

  it('tells its progress in rows and bytes', async () => {
    const seen: [number, number][] = [];
    await readListeningExport(
      sample('sprout-social-volume.csv'),
      LISTENING_PRESETS.SPROUT_SOCIAL,
      (r, b) => seen.push([r, b]),
    );
    expect(seen.map(([r]) => r)).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(seen.at(-1)?.[1]).toBe(632);
  });
});
