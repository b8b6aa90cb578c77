import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { ApprovalRequestedNotice } from './approval-requested.notice';
import { DecisionNotice } from './decision.notice';
import { EscalationNotice } from './escalation.notice';
import { ExpiredAlertNotice } from './expired-alert.notice';
import { ExpiredNotice } from './expired.notice';
import { FreezeEndedNotice } from './freeze-ended.notice';
import { FreezeStartedNotice } from './freeze-started.notice';
import { ReminderNotice } from './reminder.notice';
import { StepUnsatisfiableNotice } from './step-unsatisfiable.notice';
import { TeamsApprovalNotice } from './teams-approval.notice';
import { WordsChangedNotice } from './words-changed.notice';
import { NoticeFacts } from './notice-facts';

/**
 * The approval workflow's emails (and Teams cards, and the admins' alert of an expiry), each a subscriber to the events it tells of: queued in the
 * change's transaction once its event is written, so an email exists if and only if the change
 * does. No service calls them; lint keeps it so (eslint.config.mjs).
 */
@Injectable()
export class ApprovalNotices {
  // In the order a change's emails were always queued: the words changed before the step they
  // restarted is asked again, a step asked before the decision that activated it is told.
  private readonly inOrder: { subscribe(dispatcher: AuditDispatcher): void }[];

  constructor(
    private readonly dispatcher: AuditDispatcher,
    wordsChanged: WordsChangedNotice,
    approvalRequested: ApprovalRequestedNotice,
    decision: DecisionNotice,
    stepUnsatisfiable: StepUnsatisfiableNotice,
    reminder: ReminderNotice,
    escalation: EscalationNotice,
    expired: ExpiredNotice,
    freezeStarted: FreezeStartedNotice,
    freezeEnded: FreezeEndedNotice,
    teams: TeamsApprovalNotice,
    expiredAlert: ExpiredAlertNotice,
  ) {
    this.inOrder = [
      wordsChanged,
      approvalRequested,
      decision,
      stepUnsatisfiable,
      reminder,
      escalation,
      expired,
      freezeStarted,
      freezeEnded,
      teams,
      expiredAlert,
    ];
  }

  subscribe(): void {
    for (const notice of this.inOrder) notice.subscribe(this.dispatcher);
  }
}

/** The providers of the approval notices. */
export const APPROVAL_NOTICES = [
  ApprovalNotices,
  ApprovalRequestedNotice,
  DecisionNotice,
  EscalationNotice,
  ExpiredAlertNotice,
  ExpiredNotice,
  FreezeEndedNotice,
  FreezeStartedNotice,
  NoticeFacts,
  ReminderNotice,
  StepUnsatisfiableNotice,
  TeamsApprovalNotice,
  WordsChangedNotice,
];
