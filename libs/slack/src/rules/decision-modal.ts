import { Block, note, plain, section } from './block-kit';
import { SlackRequestFacts, wordsBlocks } from './approval-message';

/** The modal's callback id, and the ids of its inputs. */
export const DECISION_MODAL = {
  callbackId: 'standpoint_decision',
  comment: 'comment',
  acknowledge: 'acknowledge',
  /** The longest comment the input takes. */
  commentMaxLength: 3000,
} as const;

/** The words a modal shows at most: every draft at its longest fits (about 72,000 characters). */
const MODAL_WORDS_MAX = 90_000;

const VERB: Record<string, string> = {
  APPROVE: 'Approve',
  REQUEST_CHANGES: 'Request changes',
  REJECT: 'Reject',
};

export interface DecisionModalFacts {
  outcome: 'APPROVE' | 'REQUEST_CHANGES' | 'REJECT';
  request: SlackRequestFacts;
  /** What deciding so would overrule (overrideWords), to acknowledge; null when nothing. */
  override: string | null;
  /** The decision needs a comment (to reject, to request changes, to overrule). */
  commentRequired: boolean;
  /** Binds the submission to the message, the step and the words shown (private_metadata). */
  metadata: string;
}

/** The confirmation of a decision: the exact words, what it overrules, a comment. */
export function decisionModal(facts: DecisionModalFacts): Record<string, unknown> {
  const verb = VERB[facts.outcome];
  const blocks: Block[] = [
    section(`${verb}: “${facts.request.title}” (${facts.request.step.name}), as these words say.`),
    ...wordsBlocks(facts.request, MODAL_WORDS_MAX),
    { type: 'divider' },
  ];
  if (facts.override) {
    blocks.push(section(`Deciding so overrules a warning: ${facts.override}.`), {
      type: 'input',
      block_id: DECISION_MODAL.acknowledge,
      label: plain('Acknowledge', 2000),
      element: {
        type: 'checkboxes',
        action_id: DECISION_MODAL.acknowledge,
        options: [{ text: plain('I acknowledge what this decision overrules', 150), value: 'yes' }],
      },
    });
  }
  blocks.push({
    type: 'input',
    block_id: DECISION_MODAL.comment,
    optional: !facts.commentRequired,
    label: plain(facts.commentRequired ? 'Comment (say why)' : 'Comment', 2000),
    element: {
      type: 'plain_text_input',
      action_id: DECISION_MODAL.comment,
      multiline: true,
      max_length: DECISION_MODAL.commentMaxLength,
    },
  });
  blocks.push(note('Your decision is recorded in Standpoint as yours, bound to these words.'));
  return {
    type: 'modal',
    callback_id: DECISION_MODAL.callbackId,
    private_metadata: facts.metadata,
    title: plain(verb, 24),
    submit: plain(verb, 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** A modal that only tells something: why a button does nothing, or that a decision is recorded. */
export function noticeModal(title: string, text: string): Record<string, unknown> {
  return {
    type: 'modal',
    title: plain(title, 24),
    close: plain('Close', 24),
    blocks: [section(text)],
  };
}
