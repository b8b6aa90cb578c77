import fc from 'fast-check';
import { ListeningDateFormat } from './listening-dates';
import { LISTENING_IMPORT_LIMITS } from './listening-limits';
import { ListeningMapping } from './listening-mapping';
import { ListeningTally } from './listening-tally';

const COUNTS: ListeningMapping = {
  date: 'Day',
  dateFormat: ListeningDateFormat.ISO,
  mentions: 'Volume',
  positive: 'Pos',
  neutral: 'Neu',
  negative: 'Neg',
  terms: 'Terms',
  queryLabels: ['Topic'],
};

function tally(records: string[][], mapping = COUNTS) {
  const t = new ListeningTally(mapping);
  records.forEach((record, i) => t.read(record, i + 1));
  return t.finish(records.length);
}

describe('ListeningTally', () => {
  it('finds the query and the header under the report lines, and weighs terms by volume', () => {
    const outcome = tally([
      ['Topic: Acme recall'],
      ['Volume', 'Day', 'Neg', 'Neu', 'Pos', 'Terms'],
      ['10', '2026-12-03', '5', '3', '2', 'acme; recall'],
      ['4', '2026-12-01 23:00', '0', '0', '2', 'recall'],
    ]);
    expect(outcome).toMatchObject({
      ok: true,
      figures: {
        query: 'Acme recall',
        periodStart: new Date('2026-12-01T00:00:00Z'),
        periodEnd: new Date('2026-12-04T00:00:00Z'),
        mentionCount: 14,
        unrated: 2,
        positiveShare: 4 / 12,
        topTerms: [
          { term: 'acme; recall', count: 10 },
          { term: 'recall', count: 4 },
        ],
      },
    });
  });

  it('refuses a volume smaller than its sentiment counts, and a file with no rated mention', () => {
    expect(
      tally([
        ['Day', 'Volume', 'Pos', 'Neu', 'Neg', 'Terms'],
        ['2026-12-01', '3', '2', '1', '1', ''],
      ]),
    ).toMatchObject({
      ok: false,
      problems: [
        { line: 2, message: 'Volume 3 is less than the 4 positive, neutral and negative mentions' },
      ],
    });
    expect(
      tally([
        ['Day', 'Volume', 'Pos', 'Neu', 'Neg', 'Terms'],
        ['2026-12-01', '3', '0', '0', '0', ''],
      ]),
    ).toMatchObject({
      ok: false,
      problems: [{ line: 2, message: 'No mention has a sentiment: the shares cannot be computed' }],
    });
  });

  it('refuses a term longer than the limit, and quotes a long cell short', () => {
    const text = 'x'.repeat(LISTENING_IMPORT_LIMITS.maxTermLength + 1);
    expect(
      tally([
        ['Day', 'Volume', 'Pos', 'Neu', 'Neg', 'Terms'],
        ['2026-12-01', '3', '1', '1', '1', 'x'.repeat(LISTENING_IMPORT_LIMITS.maxTermLength)],
        [text, '3', '1', '1', '1', text],
      ]),
    ).toEqual({
      ok: false,
      problemCount: 1,
      problems: [
        {
          line: 3,
          message:
            `Day "${'x'.repeat(40)}…" is not a ISO date; ` +
            `Terms has a term longer than 100 characters: "${'x'.repeat(40)}…"`,
        },
      ],
    });
  });

  const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 10, 1 + n)));
  const row = fc.record({
    day,
    positive: fc.nat(10_000),
    neutral: fc.nat(10_000),
    negative: fc.nat(10_000),
    unrated: fc.nat(1000),
    terms: fc.subarray(['acme', 'recall', 'kettle', 'refund']),
  });

  it('adds the volumes up and its shares sum to 1, however the rows fall', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const rated = rows.reduce((n, r) => n + r.positive + r.neutral + r.negative, 0);
        fc.pre(rated > 0);
        const outcome = tally([
          ['Day', 'Volume', 'Pos', 'Neu', 'Neg', 'Terms'],
          ...rows.map((r) => [
            r.day.toISOString().slice(0, 10),
            (r.positive + r.neutral + r.negative + r.unrated).toLocaleString('en-US'),
            String(r.positive),
            String(r.neutral),
            String(r.negative),
            r.terms.join(','),
          ]),
        ]);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
        const f = outcome.figures;
        const total = rated + rows.reduce((n, r) => n + r.unrated, 0);
        expect(f.mentionCount).toBe(total);
        expect(f.positive + f.neutral + f.negative + f.unrated).toBe(total);
        expect(Math.abs(f.positiveShare + f.neutralShare + f.negativeShare - 1)).toBeLessThan(1e-9);
        expect(f.rowsRead).toBe(rows.length);
        const days = rows.map((r) => r.day.getTime());
        expect(f.periodStart.getTime()).toBe(Math.min(...days));
        expect(f.periodEnd.getTime()).toBe(Math.max(...days) + 86_400_000);
        for (const { term, count } of f.topTerms) {
          const expected = rows
            .filter((r) => r.terms.includes(term))
            .reduce((n, r) => n + r.positive + r.neutral + r.negative + r.unrated, 0);
          expect(count).toBe(expected);
        }
      }),
    );
  });
});
