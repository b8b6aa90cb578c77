import { DecisionOutcome } from '@standpoint/approvals';
import { textProblem } from '@standpoint/graphql';
import { DecisionFormState } from './page/decision-page.view';

const COMMENT_MAX = 10_000;

/** The fields the decision page posts (OPERATIONS.md): outcome, comment, acknowledgeRisks. */
export class DecisionForm {
  readonly outcome: DecisionOutcome | null;
  readonly comment: string | null;
  readonly acknowledgeRisks: boolean;

  constructor(private readonly body: Record<string, unknown>) {
    const outcome = text(body.outcome);
    this.outcome = Object.values<string>(DecisionOutcome).includes(outcome)
      ? (outcome as DecisionOutcome)
      : null;
    this.comment = text(body.comment).trim() || null;
    this.acknowledgeRisks = ['true', 'on'].includes(text(body.acknowledgeRisks));
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
