import {
  Block,
  header,
  mrkdwnEscaped,
  note,
  plain,
  section,
  sections,
  slackDate,
} from './block-kit';

/** The facts an approval request shows, gathered by its notice. */
export interface SlackRequestFacts {
  brandName: string;
  title: string;
  issue: string;
  urgency: string;
  decisionDeadline: Date | null;
  step: { name: string; dueAt: Date | null };
  revisionNumber: number;
  recommendation: { recommendation: string; rationale: string | null; current: boolean } | null;
  /** The open risks rated HIGH or CRITICAL. */
  highRisks: { category: string; severity: string; description: string }[];
  /** Each network's draft, its name as the network writes it. */
  drafts: { channel: string; body: string; mediaUrls: readonly string[] }[];
}

export interface SlackMessage {
  /** The notification's text (and what clients without blocks show). */
  text: string;
  blocks: Block[];
}

/** The action of each button; its value is the posted message's id. */
export const DECIDE_ACTIONS = {
  APPROVE: 'standpoint_approve',
  REQUEST_CHANGES: 'standpoint_request_changes',
  REJECT: 'standpoint_reject',
} as const;

/** The words shown in a message at most; longer ones open with the buttons (the modal). */
export const MESSAGE_WORDS_MAX = 2500;

/** An approval request: the dossier's summary, the words, and the three buttons. */
export function approvalRequestMessage(facts: SlackRequestFacts, messageId: string): SlackMessage {
  return {
    text: mrkdwnEscaped(
      `${facts.brandName}: your decision is asked on “${facts.title}” (${facts.step.name})`,
    ),
    blocks: [
      ...summaryBlocks(facts),
      ...wordsBlocks(facts, MESSAGE_WORDS_MAX),
      {
        type: 'actions',
        block_id: 'standpoint_decide',
        elements: [
          button('Approve', DECIDE_ACTIONS.APPROVE, messageId, 'primary'),
          button('Request changes', DECIDE_ACTIONS.REQUEST_CHANGES, messageId),
          button('Reject', DECIDE_ACTIONS.REJECT, messageId, 'danger'),
        ],
      },
    ],
  };
}

/**
 * An approval request once it no longer takes decisions (its words were revised, the review ended):
 * it says why, and has no buttons any more.
 */
export function closedMessage(
  request: Pick<SlackRequestFacts, 'brandName' | 'title'>,
  why: string,
): SlackMessage {
  return {
    text: mrkdwnEscaped(`${request.brandName}: “${request.title}”: ${why}`),
    blocks: [header(request.title), note(`:no_entry: *This request is closed.* ${why}`)],
  };
}

/** Why a request closed because its words were revised. */
export function wordsChangedWhy(revisionNumber: number): string {
  return `The words changed (revision ${revisionNumber}): decide on the new words, in the request that follows.`;
}

function summaryBlocks(facts: SlackRequestFacts): Block[] {
  const r = facts.recommendation;
  const lines = [
    `Urgency: ${facts.urgency}`,
    `Step: ${facts.step.name}${facts.step.dueAt ? ` (due ${facts.step.dueAt.toISOString()})` : ''}`,
    `Issue: ${facts.issue}`,
  ];
  const blocks: Block[] = [
    header(facts.title),
    { type: 'section', fields: lines.map((line) => plain(line, 2000)) },
  ];
  if (facts.decisionDeadline)
    blocks.push(note(`Decision deadline: ${slackDate(facts.decisionDeadline)}`));
  blocks.push(
    section(
      r
        ? `Recommendation: ${r.recommendation}${r.current ? '' : ' (given on earlier words)'}${r.rationale ? ` — ${r.rationale}` : ''}`
        : 'Recommendation: none given',
    ),
  );
  blocks.push(
    section(
      facts.highRisks.length === 0
        ? 'Open high risks: none'
        : `Open high risks:\n${facts.highRisks.map((k) => `• ${k.severity} ${k.category}: ${k.description}`).join('\n')}`,
    ),
  );
  return blocks;
}

/**
 * The words of revision N, each network's draft as it will be published. Up to `max` characters in
 * all; beyond it the message says where to read them whole.
 */
export function wordsBlocks(facts: SlackRequestFacts, max: number): Block[] {
  const whole = facts.drafts.map((d) => wordsOf(d)).join('\n\n');
  const blocks: Block[] = [
    { type: 'divider' },
    note(`*The words* (revision ${facts.revisionNumber})`),
  ];
  if ([...whole].length > max) {
    blocks.push(
      note('The words are too long for a Slack message: a button below opens them in full.'),
    );
    return blocks;
  }
  for (const draft of facts.drafts) blocks.push(...sections(wordsOf(draft)));
  return blocks;
}

function wordsOf(draft: SlackRequestFacts['drafts'][number]): string {
  const media = draft.mediaUrls.length > 0 ? `\n\nMedia: ${draft.mediaUrls.join(' ')}` : '';
  return `${draft.channel}:\n${draft.body}${media}`;
}

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger') {
  return {
    type: 'button',
    text: plain(text, 75),
    action_id: actionId,
    value,
    ...(style && { style }),
  };
}
