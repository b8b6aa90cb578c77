import { parseTweet } from 'twitter-text';
import { normalizeBody } from './content-hash';
import { Channel } from './enums';
import { isHttpUrl } from './http-url';

type LimitUnit = 'weighted characters' | 'graphemes' | 'characters';

/**
 * Each network's limit, counted as that network counts: X by twitter-text's weighted length (a URL
 * counts 23, an emoji or a CJK character 2), Bluesky in graphemes, the others in Unicode code
 * points ("characters").
 */
export const CHANNEL_LIMITS: Readonly<Record<Channel, { limit: number; unit: LimitUnit }>> =
  Object.freeze({
    [Channel.X]: { limit: 280, unit: 'weighted characters' },
    [Channel.BLUESKY]: { limit: 300, unit: 'graphemes' },
    [Channel.THREADS]: { limit: 500, unit: 'characters' },
    [Channel.INSTAGRAM]: { limit: 2200, unit: 'characters' },
    [Channel.TIKTOK]: { limit: 2200, unit: 'characters' },
    [Channel.LINKEDIN]: { limit: 3000, unit: 'characters' },
    [Channel.FACEBOOK]: { limit: 63206, unit: 'characters' },
  });

const CHANNEL_NAMES = Object.values(Channel).join(', ');
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The length of a body in its channel's unit, counted on the normalised body that is hashed. */
export function channelLength(channel: Channel, body: string): number {
  const text = normalizeBody(body);
  switch (CHANNEL_LIMITS[channel]?.unit) {
    case 'weighted characters':
      return parseTweet(text).weightedLength;
    case 'graphemes': {
      let count = 0;
      for (const _ of graphemes.segment(text)) count++;
      return count;
    }
    case 'characters':
      return [...text].length;
    default:
      throw new RangeError(`unknown channel: ${String(channel)}`);
  }
}

/** One thing wrong with an input, named by its path in the GraphQL input. */
export interface DraftProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * Everything wrong with a set of channel drafts, in input order: an empty body, a body over its
 * channel's limit, a second draft for one channel, a media link that is not an http(s) URL.
 */
export function draftProblems(
  drafts: readonly { channel: Channel; body: string; mediaUrls?: readonly string[] | null }[],
  path = 'input.drafts',
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const seen = new Set<Channel>();
  drafts.forEach((draft, i) => {
    const at = `${path}[${i}]`;
    const { channel } = draft;
    const known = Object.hasOwn(CHANNEL_LIMITS, channel);
    if (!known) {
      problems.push({
        field: `${at}.channel`,
        rule: 'isEnum',
        message: `${String(channel)} is not a channel; expected one of ${CHANNEL_NAMES}`,
      });
    } else if (seen.has(channel)) {
      problems.push({
        field: `${at}.channel`,
        rule: 'unique',
        message: `There is already a draft for ${channel}; there is at most one draft per channel`,
      });
    }
    seen.add(channel);

    if (normalizeBody(draft.body) === '') {
      problems.push({
        field: `${at}.body`,
        rule: 'isNotEmpty',
        message: `The ${known ? channel : 'channel'} draft is empty`,
      });
    } else if (known) {
      const { limit, unit } = CHANNEL_LIMITS[channel];
      const length = channelLength(channel, draft.body);
      if (length > limit) {
        problems.push({
          field: `${at}.body`,
          rule: 'maxLength',
          message: `${channel} allows ${limit} ${unit}; this draft has ${length}`,
        });
      }
    }

    (draft.mediaUrls ?? []).forEach((url, j) => {
      if (!isHttpUrl(url)) {
        problems.push({
          field: `${at}.mediaUrls[${j}]`,
          rule: 'isUrl',
          message: `Media link ${JSON.stringify(url)} is not an absolute http or https URL`,
        });
      }
    });
  });
  return problems;
}
