import { DecisionOutcome } from '@standpoint/approvals';
import { textProblem } from '@standpoint/graphql';
import { DecisionFormState } from './page/decision-page.view';

const COMMENT_MAX = 10_000;
const PASSKEY_ASSERTION_MAX = 16_000;

/**
 * The fields the decision page posts (OPERATIONS.md): outcome, comment, acknowledgeRisks, and the
 * passkey assertion its script adds.
 */
export class DecisionForm {
  readonly outcome: DecisionOutcome | null;
  readonly comment: string | null;
  readonly acknowledgeRisks: boolean;
  /** The approver's passkey assertion (JSON), as the page's script adds it. */
  readonly passkeyAssertion: string | null;

  constructor(private readonly body: Record<string, unknown>) {
    const outcome = text(body.outcome);
    this.outcome = Object.values<string>(DecisionOutcome).includes(outcome)
      ? (outcome as DecisionOutcome)
      : null;
    this.comment = text(body.comment).trim() || null;
    this.acknowledgeRisks = ['true', 'on'].includes(text(body.acknowledgeRisks));
    this.passkeyAssertion = text(body.passkeyAssertion) || null;
  }

  /** What the form itself can tell is wrong; the decision rules judge the rest. */
  problems(): DecisionFormState['errors'] | null {
    const errors: DecisionFormState['errors'] = {};
    if (!this.outcome) errors.outcome = 'Choose approve, request changes or reject.';
    const unreadable = this.comment && textProblem(this.comment);
    if (unreadable) {
      errors.comment = `Remove the invisible characters from the comment: it ${unreadable}.`;
    } else if ((this.comment?.length ?? 0) > COMMENT_MAX) {
      errors.comment = `Shorten the comment to at most ${COMMENT_MAX} characters.`;
    }
    if ((this.passkeyAssertion?.length ?? 0) > PASSKEY_ASSERTION_MAX) {
      errors.form = 'Your passkey’s answer is too long to be one: confirm with your passkey again.';
    }
    return Object.keys(errors).length > 0 ? errors : null;
  }

  /** What was entered, to show again with the problems. */
  state(): DecisionFormState {
    return {
      outcome: this.outcome ?? undefined,
      comment: text(this.body.comment),
      acknowledgeRisks: this.acknowledgeRisks,
    };
  }
}

/** A single form value (a repeated field or a nested object is no text). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
