import { ListeningDateFormat } from './listening-dates';
import { ListeningMapping, SentimentValues } from './listening-mapping';

/** Where an imported snapshot came from: a known tool's export, or a file with a given mapping. */
export enum ListeningSource {
  BRANDWATCH = 'BRANDWATCH',
  TALKWALKER = 'TALKWALKER',
  SPROUT_SOCIAL = 'SPROUT_SOCIAL',
  MELTWATER = 'MELTWATER',
  MAPPING = 'MAPPING',
}

export type ListeningPreset = Exclude<ListeningSource, ListeningSource.MAPPING>;

/**
 * The column mapping of each tool's export, as docs/listening-imports.md describes it and
 * samples/listening/ shows it.
 */
export const LISTENING_PRESETS: Readonly<Record<ListeningPreset, Readonly<ListeningMapping>>> =
  Object.freeze({
    // Consumer Research, Mentions export: report lines above the table, one row per mention.
    BRANDWATCH: {
      date: 'Date',
      dateFormat: ListeningDateFormat.ISO,
      sentiment: 'Sentiment',
      sentimentValues: SentimentValues.LABELS,
      terms: 'Hashtags',
      termSeparator: ',',
      queryLabels: ['Query Name'],
    },
    // Results export: one row per result, sentiment scored from -5 to 5.
    TALKWALKER: {
      date: 'published',
      dateFormat: ListeningDateFormat.DMY,
      sentiment: 'sentiment',
      sentimentValues: SentimentValues.SIGNED,
      terms: 'keywords',
      termSeparator: ',',
      queryLabels: ['Topic'],
    },
    // Listening topic, Volume and Sentiment report: one row per day with its counts.
    SPROUT_SOCIAL: {
      date: 'Date',
      dateFormat: ListeningDateFormat.MDY,
      mentions: 'Volume',
      positive: 'Positive',
      neutral: 'Neutral',
      negative: 'Negative',
      queryLabels: ['Listening Topic'],
    },
    // Explore export: UTF-16 and tab-separated, one row per mention, some of them not rated.
    MELTWATER: {
      date: 'Date',
      dateFormat: ListeningDateFormat.D_MON_Y,
      sentiment: 'Sentiment',
      sentimentValues: SentimentValues.LABELS,
      unratedLabels: ['Not Rated', ''],
      terms: 'Keywords',
      termSeparator: ',',
      delimiter: '\t',
      queryLabels: ['Search Name'],
    },
  });

/** The preset a person names: "brandwatch", "sprout-social", "SPROUT_SOCIAL". */
export function presetNamed(name: string): ListeningPreset | undefined {
  const key = name.trim().toUpperCase().replace(/-/g, '_');
  return Object.hasOwn(LISTENING_PRESETS, key) ? (key as ListeningPreset) : undefined;
}

/** The names presetNamed knows, as a person types them. */
export const PRESET_NAMES = Object.keys(LISTENING_PRESETS).map((key) =>
  key.toLowerCase().replace(/_/g, '-'),
);
