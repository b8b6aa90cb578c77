import { diffWordsWithSpace } from 'diff';
import { html, SafeHtml } from '@standpoint/html';
import { quote } from '@standpoint/notifications';
import { EmailDraft } from './email-facts';

/** One channel's words before and after, as runs of kept, removed and added text. */
export interface ChannelDiff {
  channel: string;
  change: 'CHANGED' | 'ADDED' | 'REMOVED' | 'UNCHANGED';
  parts: { text: string; added: boolean; removed: boolean }[];
}

/** Compares the drafts of two revisions word by word, channel by channel, in the new order. */
export function diffDrafts(
  before: readonly EmailDraft[],
  after: readonly EmailDraft[],
): ChannelDiff[] {
  const channels = [...new Set([...after.map((d) => d.channel), ...before.map((d) => d.channel)])];
  return channels.map((channel) => {
    const old = before.find((d) => d.channel === channel);
    const now = after.find((d) => d.channel === channel);
    const parts = diffWordsWithSpace(old ? bodyOf(old) : '', now ? bodyOf(now) : '').map((c) => ({
      text: c.value,
      added: c.added,
      removed: c.removed,
    }));
    const change = !old
      ? 'ADDED'
      : !now
        ? 'REMOVED'
        : parts.some((p) => p.added || p.removed)
          ? 'CHANGED'
          : 'UNCHANGED';
    return { channel, change, parts };
  });
}

/** The words with their media, as one text to compare. */
function bodyOf(draft: EmailDraft): string {
  return draft.mediaUrls.length > 0
    ? `${draft.body}\nMedia: ${draft.mediaUrls.join(' ')}`
    : draft.body;
}

const CHANGE_LABEL: Record<ChannelDiff['change'], string> = {
  CHANGED: 'changed',
  ADDED: 'new channel',
  REMOVED: 'channel removed',
  UNCHANGED: 'unchanged',
};

export function channelTitle(diff: ChannelDiff): string {
  return `${diff.channel} (${CHANGE_LABEL[diff.change]})`;
}

/** Removed words struck through on red, added words underlined on green, line breaks kept. */
export function diffHtml(diff: ChannelDiff): SafeHtml {
  const runs = diff.parts.map((part) => {
    const lines = part.text.split('\n').map((line, i) => html`${i > 0 ? html`<br />` : ''}${line}`);
    if (part.removed)
      return html`<del style="background:#fee2e2;color:#991b1b;text-decoration:line-through;"
        >${lines}</del
      >`;
    if (part.added)
      return html`<ins style="background:#dcfce7;color:#166534;text-decoration:underline;"
        >${lines}</ins
      >`;
    return html`${lines}`;
  });
  return quote(html`${runs}`, channelTitle(diff));
}

/** The same diff for the text part: [-removed-] and {+added+}, as wdiff writes it. */
export function diffText(diff: ChannelDiff): string {
  const body = diff.parts
    .map((part) =>
      part.removed ? `[-${part.text}-]` : part.added ? `{+${part.text}+}` : part.text,
    )
    .join('');
  return `${channelTitle(diff)}:\n${body
    .split('\n')
    .map((line) => `  ${line}`.trimEnd())
    .join('\n')}`;
}
