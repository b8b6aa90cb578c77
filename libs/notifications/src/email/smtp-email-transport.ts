import { createTransport, Transporter } from 'nodemailer';
import { withinDeadline } from '../outbox/delivery-deadline';
import { emailOf } from './email-message';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxTransport, PermanentDeliveryError } from '../outbox/outbox-transport';

/**
 * Sends the outbox's emails to the SMTP server of SMTP_URL over a pool of kept-open connections.
 * A send that the server has not answered by SMTP_DEADLINE_MS is aborted: nodemailer's pool then
 * closes that connection (it is never used again) and opens a new one for the next message.
 */
export class SmtpEmailTransport implements OutboxTransport {
  readonly channel = 'EMAIL';
  private readonly mailer: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly deadlineMs: number,
  ) {
    this.mailer = createTransport({ url: smtpUrl, pool: true });
  }

  async deliver(message: OutboxMessageEntity): Promise<void> {
    try {
      await withinDeadline(this.deadlineMs, 'the SMTP server', (signal) =>
        this.mailer.sendMail({ ...emailOf(message, this.from), signal }),
      );
    } catch (error) {
      throw isPermanentRefusal(error) ? new PermanentDeliveryError(describe(error)) : error;
    }
  }

  /** Lets the pool's open connections go, once the worker has stopped sending. */
  close(): void {
    this.mailer.close();
  }
}

/**
 * A 5xx answer (RFC 5321: permanent, nodemailer's `permanent`) about the message or its recipient
 * will be the same on every attempt. A refused login is our configuration, which an operator fixes,
 * so it is retried.
 */
function isPermanentRefusal(error: unknown): boolean {
  const failure = error as { permanent?: boolean; command?: string } | null;
  return failure?.permanent === true && !/^AUTH/i.test(failure.command ?? '');
}

function describe(error: unknown): string {
  const failure = error as { response?: string; message?: string } | null;
  return failure?.response ?? failure?.message ?? String(error);
}
