import { SlackMessage } from './approval-message';
import { Block, clip, header, mrkdwnEscaped, plain, section } from './block-kit';

/** What an admin alert tells, its moments already written (a channel reads it, each on their clock). */
export interface SlackAlertFacts {
  brandName: string;
  headline: string;
  summary: string;
  facts: readonly (readonly [string, string])[];
  link: { title: string; url: string } | null;
}

/** Slack keeps a section to ten fields. */
const FIELDS_MAX = 10;

/** An admin alert in the brand's channel: plain text throughout, the link Standpoint's own. */
export function alertMessage(alert: SlackAlertFacts): SlackMessage {
  const blocks: Block[] = [header(`Alert: ${alert.headline}`), section(alert.summary)];
  if (alert.facts.length > 0)
    blocks.push({
      type: 'section',
      fields: alert.facts
        .slice(0, FIELDS_MAX)
        .map(([title, value]) => plain(`${title}: ${value}`, 2000)),
    });
  if (alert.link)
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: plain(alert.link.title, 75), url: alert.link.url }],
    });
  blocks.push({
    type: 'context',
    elements: [plain(`${alert.brandName} · Standpoint alert`, 2000)],
  });
  return { text: mrkdwnEscaped(clip(`Alert: ${alert.headline}`, 3000)), blocks };
}
