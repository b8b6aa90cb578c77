import { mappingProblems } from './listening-mapping';
import { LISTENING_PRESETS, presetNamed, PRESET_NAMES } from './listening-presets';

describe('mappingProblems', () => {
  it('accepts every preset', () => {
    for (const preset of Object.values(LISTENING_PRESETS)) {
      expect(mappingProblems(JSON.parse(JSON.stringify(preset)))).toEqual([]);
    }
  });

  it('says everything wrong with a mapping a person wrote', () => {
    expect(
      mappingProblems({
        date: ' ',
        dateFormat: 'YYYY',
        sentiment: 'Sentiment',
        positive: 'Pos',
        volume: 'Volume',
        delimiter: ':',
        unratedLabels: 'n/a',
      }).map((p) => p.field),
    ).toEqual(['volume', 'date', 'dateFormat', 'sentiment', 'unratedLabels', 'delimiter']);
    expect(mappingProblems({ date: 'Date', dateFormat: 'ISO' })).toEqual([
      {
        field: 'sentiment',
        message: 'Name the sentiment column, or the three columns positive, neutral and negative',
      },
    ]);
    expect(mappingProblems([])).toHaveLength(1);
    expect(mappingProblems('Date')).toHaveLength(1);
  });
});

describe('presetNamed', () => {
  it('knows each preset as people type it', () => {
    expect(PRESET_NAMES).toEqual(['brandwatch', 'talkwalker', 'sprout-social', 'meltwater']);
    expect(PRESET_NAMES.map(presetNamed)).toEqual(Object.keys(LISTENING_PRESETS));
    expect(presetNamed('SPROUT_SOCIAL')).toBe('SPROUT_SOCIAL');
    expect(presetNamed('hootsuite')).toBeUndefined();
    expect(presetNamed('constructor')).toBeUndefined();
  });
});
