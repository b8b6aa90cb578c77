import { AuditAction } from '@standpoint/events';

/**
 * The topics of emails that tell of something other than one audit action by its name: a request
 * or a reminder to decide, an account's link, a derived notice (an override, a stuck step), an
 * admins' alert. Teams cards take their topics from the same list.
 */
export const EMAIL_ONLY_TOPICS = [
  'approval.requested',
  'step.reminder',
  'words.changed',
  'override.recorded',
  'step.unsatisfiable',
  'comment.mentioned',
  'account.welcome',
  'account.password_reset',
  // The admins' alerts (see ../alerts/alert.ts), by email and in chat.
  'alert.proposal_expired',
  'alert.delivery_gave_up',
  'alert.unapproved_content',
] as const;

/**
 * What an email is about, as its outbox row records it: the audit action it tells of (a decision,
 * an expiry, a freeze), or one of the email-only topics. One vocabulary with the audit trail, so a
 * renamed action renames its emails' topic or fails the build.
 */
export type EmailTopic = AuditAction | (typeof EMAIL_ONLY_TOPICS)[number];
