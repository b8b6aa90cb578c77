import {
  approvalRequestMessage,
  closedMessage,
  DECIDE_ACTIONS,
  MESSAGE_WORDS_MAX,
  SlackRequestFacts,
} from './approval-message';
import { SECTION_TEXT_MAX, sections } from './block-kit';
import { DECISION_MODAL, decisionModal } from './decision-modal';

const facts = (drafts: SlackRequestFacts['drafts']): SlackRequestFacts => ({
  brandName: 'Acme',
  title: 'Flood relief <!channel>',
  issue: 'Floods',
  urgency: 'CRISIS',
  decisionDeadline: new Date('2026-12-07T18:00:00Z'),
  step: { name: 'Leadership', dueAt: null },
  revisionNumber: 2,
  recommendation: { recommendation: 'PROCEED', rationale: 'Expected', current: true },
  highRisks: [{ category: 'BACKLASH', severity: 'HIGH', description: 'A boycott *call*' }],
  drafts,
});
const X = {
  channel: 'X',
  body: 'Stores open as shelters. <!everyone> *now* <https://evil|click>',
  mediaUrls: [],
};

/** Every text object of the blocks, with its type. */
function texts(value: unknown): { type: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own =
    (object.type === 'plain_text' || object.type === 'mrkdwn') && typeof object.text === 'string'
      ? [{ type: object.type, text: object.text }]
      : [];
  return [...own, ...Object.values(object).flatMap(texts)];
}

describe('approvalRequestMessage', () => {
  it('shows the words, the risks and the title as plain text only: nothing anyone wrote is Slack markup', () => {
    const message = approvalRequestMessage(facts([X]), 'slm_1');
    const all = texts(message.blocks);
    const written = [X.body, 'A boycott *call*', 'Flood relief <!channel>', 'Expected'];
    for (const part of written) {
      expect(all.some((t) => t.type === 'plain_text' && t.text.includes(part))).toBe(true);
      expect(all.filter((t) => t.type === 'mrkdwn').some((t) => t.text.includes(part))).toBe(false);
    }
    // The notification's text is mrkdwn: the title's mention is escaped there, as Slack asks.
    expect(message.text).toBe(
      'Acme: your decision is asked on “Flood relief &lt;!channel&gt;” (Leadership)',
    );
  });

  it('carries the three buttons with the message id, and the deadline in the reader’s zone', () => {
    const message = approvalRequestMessage(facts([X]), 'slm_1');
    const actions = message.blocks.find((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string }[];
    };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      [DECIDE_ACTIONS.APPROVE, 'slm_1'],
      [DECIDE_ACTIONS.REQUEST_CHANGES, 'slm_1'],
      [DECIDE_ACTIONS.REJECT, 'slm_1'],
    ]);
    expect(JSON.stringify(message.blocks)).toContain('<!date^1796666400^');
  });

  it('leaves words too long for a message to the modal, and stays within Slack’s limits', () => {
    const long = { channel: 'LinkedIn', body: 'w'.repeat(MESSAGE_WORDS_MAX + 1), mediaUrls: [] };
    const message = approvalRequestMessage(facts([long]), 'slm_1');
    expect(JSON.stringify(message.blocks)).not.toContain('w'.repeat(MESSAGE_WORDS_MAX));
    expect(JSON.stringify(message.blocks)).toContain('too long for a Slack message');
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const t of texts(message.blocks))
      expect([...t.text].length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
  });
});

describe('closedMessage', () => {
  it('says why, and has no buttons', () => {
    const message = closedMessage(
      { brandName: 'A&B', title: 'Flood relief <!here>' },
      'It was withdrawn.',
    );
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(message.blocks)).toContain('It was withdrawn.');
    expect(message.text).toBe('A&amp;B: “Flood relief &lt;!here&gt;”: It was withdrawn.');
  });
});

describe('sections', () => {
  it('splits a long text into sections within the limit, keeping every character', () => {
    const text = '🏳️‍🌈'.repeat(2000);
    const blocks = sections(text) as { text: { text: string } }[];
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect([...b.text.text].length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(blocks.map((b) => b.text.text).join('')).toBe(text);
  });
});

describe('decisionModal', () => {
  const longWords = { channel: 'LinkedIn', body: 'w'.repeat(20_000), mediaUrls: [] };

  it('shows the whole words, however long, and binds the submission with its metadata', () => {
    const modal = decisionModal({
      outcome: 'APPROVE',
      request: facts([longWords, X]),
      override: null,
      commentRequired: false,
      metadata: '{"messageId":"slm_1"}',
    }) as { blocks: unknown[]; private_metadata: string; callback_id: string };
    const shown = texts(modal.blocks)
      .map((t) => t.text)
      .join('');
    expect(shown).toContain(longWords.body);
    expect(shown).toContain(X.body);
    expect(modal.blocks.length).toBeLessThanOrEqual(100);
    expect(modal.private_metadata).toBe('{"messageId":"slm_1"}');
    expect(modal.callback_id).toBe(DECISION_MODAL.callbackId);
    expect(JSON.stringify(modal.blocks)).not.toContain(
      `"block_id":"${DECISION_MODAL.acknowledge}"`,
    );
  });

  it('asks for the acknowledgement of an override, and makes the comment required when the rules do', () => {
    const modal = decisionModal({
      outcome: 'APPROVE',
      request: facts([X]),
      override: 'approved and accepted an open HIGH BACKLASH risk',
      commentRequired: true,
      metadata: '{}',
    }) as { blocks: Record<string, any>[] };
    const ack = modal.blocks.find((b) => b.block_id === DECISION_MODAL.acknowledge)!;
    expect(ack.optional).toBeUndefined();
    const comment = modal.blocks.find((b) => b.block_id === DECISION_MODAL.comment)!;
    expect(comment.optional).toBe(false);
    expect(JSON.stringify(modal.blocks)).toContain(
      'approved and accepted an open HIGH BACKLASH risk',
    );
  });
});
