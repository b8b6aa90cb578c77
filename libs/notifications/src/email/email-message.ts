import type { SendMailOptions } from 'nodemailer';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';

/**
 * The email of an outbox row as nodemailer composes it. The Message-ID is the row's, so every
 * resend of the row is recognisably the same message.
 */
export function emailOf(row: OutboxMessageEntity, from: string): SendMailOptions {
  return {
    from,
    to: row.recipient,
    subject: row.subject ?? '',
    messageId: row.messageId,
    ...(row.htmlBody !== null ? { html: row.htmlBody } : {}),
    text: row.body,
  };
}
