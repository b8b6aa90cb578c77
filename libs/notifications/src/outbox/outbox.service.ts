import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { Clock, newId, RequestContext } from '@standpoint/database';
import {
  DECISION_TOKEN_PLACEHOLDER,
  DecisionLinksService,
  loadUsers,
  NewDecisionLink,
  PASSWORD_TOKEN_PLACEHOLDER,
  PasswordLinkPurpose,
  PasswordLinksService,
} from '@standpoint/identity';
import { EmailTopic } from '../email/email-topic';
import { EmailRecipient, RenderedEmail } from '../email/kit';
import { OutboxMessageEntity } from './outbox-message.entity';
import { pendingMessage } from './pending-message';

export interface EmailToMember {
  /** The brand it is about; null for an account's own email (a reset link). */
  brandId: string | null;
  topic: EmailTopic;
  recipientUserIds: readonly string[];
  payload: Record<string, unknown>;
  /** Renders the email for one recipient (a template of ./emails). */
  render(to: EmailRecipient): RenderedEmail;
  /**
   * Set when the email asks for a decision: each recipient gets a decision link of their own,
   * bound to this step and revision, and the email carries it as `to.decisionUrl`.
   */
  decisionLink?: Omit<NewDecisionLink, 'approverUserId'>;
  /**
   * Set for a welcome or reset email: each recipient gets a password link of their own, and the
   * email carries it as `to.passwordUrl`.
   */
  passwordLink?: PasswordLinkPurpose;
}

@Injectable()
export class OutboxService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly decisionLinks: DecisionLinksService,
    private readonly passwordLinks: PasswordLinksService,
  ) {}

  /**
   * Queues one email per member, rendered now, in the caller's transaction: sent if and only if
   * the change commits, and exactly as it was rendered.
   */
  async emailMembers(ctx: RequestContext, message: EmailToMember): Promise<void> {
    if (!ctx.inTransaction)
      throw new Error("the outbox is written inside the change's transaction");
    const ids = [...new Set(message.recipientUserIds)];
    if (ids.length === 0) return;
    // Through the request's loader: the change may have read these people already.
    const users = await loadUsers(ctx, ids);
    const now = this.clock.now();
    const payload = JSON.parse(JSON.stringify(message.payload)) as object;
    const rows: OutboxMessageEntity[] = [];
    for (const user of users) {
      const link =
        message.decisionLink &&
        (await this.decisionLinks.create(ctx, {
          ...message.decisionLink,
          approverUserId: user.id,
        }));
      const passwordLink =
        message.passwordLink &&
        (await this.passwordLinks.create(ctx, user.id, message.passwordLink));
      const email = message.render({
        userId: user.id,
        email: user.email,
        name: user.name,
        timeZone: user.timeZone,
        decisionUrl: link ? this.decisionLinks.urlOf(DECISION_TOKEN_PLACEHOLDER) : null,
        passwordUrl: passwordLink ? this.passwordLinks.urlOf(PASSWORD_TOKEN_PLACEHOLDER) : null,
      });
      const id = newId('msg');
      rows.push(
        pendingMessage(
          {
            id,
            brandId: message.brandId,
            topic: message.topic,
            channel: 'EMAIL',
            recipientUserId: user.id,
            recipient: user.email,
            payload,
            subject: email.subject,
            htmlBody: email.html,
            body: email.text,
            decisionLinkId: link ? link.id : null,
            passwordLinkId: passwordLink ? passwordLink.id : null,
            messageId: this.messageIdOf(id),
          },
          now,
        ),
      );
    }
    await ctx.insertRows(OutboxMessageEntity, rows);
  }

  /** A Message-ID (RFC 5322) fixed when the row is written, so every resend of it carries the same. */
  messageIdOf(rowId: string): string {
    return `<${rowId}@${new URL(this.config.publicUrl).hostname}>`;
  }
}
