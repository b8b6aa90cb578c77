// The Adaptive Cards Standpoint posts to Teams, and the envelope a Teams workflow ("When a Teams
// webhook request is received", then "Post card in a chat or channel") takes them in. Plain data:
// the notices fill a CardContent, this turns it into the card.

/** The Adaptive Card schema version the cards declare (Teams renders 1.4 on every client). */
export const ADAPTIVE_CARD_VERSION = '1.4';

export interface CardContent {
  title: string;
  /** One line under the title: the brand, the kind of notice. */
  subtitle: string;
  /** `attention` for alerts and refusals, `good` for approvals, `default` for the rest. */
  tone: 'default' | 'good' | 'attention' | 'warning';
  facts: { title: string; value: string }[];
  /** A paragraph after the facts, when there is more to say. */
  text?: string;
  /** Where a signed-in member reads on (never a decision link: decisions stay on their page). */
  link: { title: string; url: string } | null;
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: typeof ADAPTIVE_CARD_VERSION;
  body: object[];
  actions?: object[];
}

/** The "message with attachments" a Teams workflow's webhook trigger receives. */
export interface TeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: AdaptiveCard;
  }[];
}

/**
 * Text as Teams shows it, never as markdown: a TextBlock or a FactSet reads markdown, so a title
 * such as `[Approve here](https://…)` would become a link; a TextRun is shown as written.
 */
function plainText(text: string, style: Record<string, unknown> = {}): object {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...style }] };
}

/** A fact as a row of two columns: its name, and its value (what a FactSet shows, unparsed). */
function factRow(fact: { title: string; value: string }): object {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [plainText(fact.title, { weight: 'Bolder' })] },
      { type: 'Column', width: 'stretch', items: [plainText(fact.value)] },
    ],
  };
}

export function adaptiveCard(content: CardContent): AdaptiveCard {
  const body: object[] = [
    {
      type: 'Container',
      style: content.tone === 'default' ? 'emphasis' : content.tone,
      items: [
        plainText(content.title, { size: 'Large', weight: 'Bolder' }),
        plainText(content.subtitle, { isSubtle: true }),
      ],
    },
    ...content.facts.map(factRow),
  ];
  if (content.text) body.push(plainText(content.text));
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(content.link && {
      actions: [{ type: 'Action.OpenUrl', title: content.link.title, url: content.link.url }],
    }),
  };
}

export function teamsMessage(card: AdaptiveCard): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}
