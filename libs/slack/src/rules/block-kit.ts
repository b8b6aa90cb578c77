// The few Block Kit pieces Standpoint's messages and modals are made of. Whatever people wrote (a
// title, the words, a risk) goes out as plain_text, which Slack never parses: a draft that says
// <!channel> or *bold* shows exactly that, and pings nobody.

/** Slack's limit on the text of a section block. */
export const SECTION_TEXT_MAX = 3000;

export type Block = Record<string, unknown>;

export function plain(text: string, max = SECTION_TEXT_MAX): { type: 'plain_text'; text: string } {
  return { type: 'plain_text', text: clip(text || ' ', max) };
}

/** A header block (Slack keeps its text to 150 characters). */
export function header(text: string): Block {
  return { type: 'header', text: plain(text, 150) };
}

export function section(text: string): Block {
  return { type: 'section', text: plain(text) };
}

/** Standpoint's own words, in Slack's markup (nothing of anyone's in it). */
export function note(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn, SECTION_TEXT_MAX) }] };
}

/** A long text as as many section blocks as it takes, each within Slack's limit. */
export function sections(text: string): Block[] {
  const blocks: Block[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length || i === 0; i += SECTION_TEXT_MAX - 1) {
    blocks.push(section(chars.slice(i, i + SECTION_TEXT_MAX - 1).join('')));
  }
  return blocks;
}

/**
 * People's words in a message's `text`, which Slack reads as mrkdwn (the notification, and what
 * clients without blocks show): `&`, `<` and `>` escaped as Slack asks, so that a title saying
 * `<!channel>` pings nobody.
 */
export function mrkdwnEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `text` within `max` characters (code points), marked with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A date as Slack shows it in the reader's own time zone, with a fallback for old clients. */
export function slackDate(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${at.toISOString()}>`;
}
