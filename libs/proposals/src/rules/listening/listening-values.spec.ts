import { SentimentValues } from './listening-mapping';
import { parseCount, parseSentiment, splitTerms } from './listening-values';

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['1204', 1204],
    [' 1,204 ', 1204],
    ['1,204,311', 1_204_311],
    ['1.204.311', 1_204_311],
    ['1 204', 1204],
    ['1\u00a0204', 1204],
    ["1'204", 1204],
  ])('reads %j as %d', (text, count) => expect(parseCount(text)).toBe(count));

  it.each(['', '-3', '1.5', '12,34', '1,204.311', '1,2045', 'many', '1e3'])('refuses %j', (text) =>
    expect(parseCount(text)).toBeUndefined(),
  );
});

describe('parseSentiment', () => {
  it('reads labels in any case, and the labels of mentions not rated', () => {
    const read = (text: string) => parseSentiment(text, SentimentValues.LABELS, ['Not Rated', '']);
    expect(['Positive', ' neutral', 'NEGATIVE', 'not rated', ''].map(read)).toEqual([
      'positive',
      'neutral',
      'negative',
      'unrated',
      'unrated',
    ]);
    expect(read('mixed')).toBeUndefined();
    expect(parseSentiment('', SentimentValues.LABELS, [])).toBeUndefined();
  });

  it('reads signed scores', () => {
    const read = (text: string) => parseSentiment(text, SentimentValues.SIGNED, []);
    expect(['5', '+0.5', '0', '-0', '-3'].map(read)).toEqual([
      'positive',
      'positive',
      'neutral',
      'neutral',
      'negative',
    ]);
    expect(read('positive')).toBeUndefined();
    expect(read('')).toBeUndefined();
  });
});

describe('splitTerms', () => {
  it('lower-cases, trims and drops blanks and repeats', () => {
    expect(splitTerms('#Acme, #recall,, #ACME ', ',')).toEqual(['#acme', '#recall']);
    expect(splitTerms('', ',')).toEqual([]);
  });
});
