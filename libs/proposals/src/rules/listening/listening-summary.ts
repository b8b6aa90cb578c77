import { ListeningSource } from './listening-presets';
import { ListeningFigures } from './listening-tally';

const SOURCE_NAMES: Readonly<Record<ListeningSource, string>> = {
  BRANDWATCH: 'Brandwatch export',
  TALKWALKER: 'Talkwalker export',
  SPROUT_SOCIAL: 'Sprout Social export',
  MELTWATER: 'Meltwater export',
  MAPPING: 'Listening export',
};

const percent = (share: number) => `${Math.round(share * 100)}%`;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The evidence summary of an imported snapshot, for the dossier and the decision record. */
export function listeningSummary(
  source: ListeningSource,
  query: string,
  figures: ListeningFigures,
): string {
  const lastDay = new Date(figures.periodEnd.getTime() - 86_400_000);
  return (
    `${SOURCE_NAMES[source]}: ${figures.mentionCount.toLocaleString('en-US')} mentions of ` +
    `"${query}" from ${day(figures.periodStart)} to ${day(lastDay)}: ` +
    `${percent(figures.positiveShare)} positive, ${percent(figures.neutralShare)} neutral, ` +
    `${percent(figures.negativeShare)} negative`
  );
}
