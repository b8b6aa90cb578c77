import { ListeningSource } from './listening-presets';
import { listeningSummary } from './listening-summary';
import { ListeningFigures } from './listening-tally';

describe('listeningSummary', () => {
  it('says the tool, the volume, the query, the days and the shares', () => {
    const figures = {
      periodStart: new Date('2026-11-30T00:00:00Z'),
      periodEnd: new Date('2026-12-07T00:00:00Z'),
      mentionCount: 14_888,
      positiveShare: 0.139,
      neutralShare: 0.4727,
      negativeShare: 0.3883,
    } as ListeningFigures;
    expect(listeningSummary(ListeningSource.SPROUT_SOCIAL, 'Acme recall', figures)).toBe(
      'Sprout Social export: 14,888 mentions of "Acme recall" from 2026-11-30 to 2026-12-06: ' +
        '14% positive, 47% neutral, 39% negative',
    );
  });
});
