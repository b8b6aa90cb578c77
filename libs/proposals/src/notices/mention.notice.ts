import { Injectable } from '@nestjs/common';
import { AuditDispatcher } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { BrandEntity, UserEntity } from '@standpoint/identity';
import { OutboxService } from '@standpoint/notifications';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import { CommentAdded } from '../comment-added';
import { mentionEmail } from './mention-email';

/**
 * The mention emails one user's comments may cause: a colleague who writes a lot stays far below
 * it; a member who @mentions the whole brand over and over does not fill everyone's inbox.
 */
export const MENTION_EMAILS_PER_USER: RateLimit = {
  name: 'mention-emails',
  points: 100,
  durationSeconds: 60 * 60,
  refusal: 'This comment would send more mention emails than you may cause in an hour',
};

/**
 * The members a comment @mentions hear of it (the writer does not hear of mentioning themself).
 * Past the writer's budget of mention emails the whole comment is refused, so that nobody is left
 * believing a colleague was told.
 */
@Injectable()
export class MentionNotice {
  constructor(
    private readonly outbox: OutboxService,
    private readonly limits: RateLimits,
  ) {}

  subscribe(dispatcher: AuditDispatcher): void {
    dispatcher.onAppended('comment.added', (ctx, _event, added) => this.send(ctx, added));
  }

  private async send(ctx: RequestContext, { comment, proposalTitle }: CommentAdded) {
    const mentioned = comment.mentionedUserIds.filter((id) => id !== comment.authorId);
    if (mentioned.length === 0) return;
    await this.limits.consume(MENTION_EMAILS_PER_USER, comment.authorId, mentioned.length);
    const [author, brand] = [
      await ctx.em.findOneByOrFail(UserEntity, { id: comment.authorId }),
      await ctx.em.findOneByOrFail(BrandEntity, { id: comment.brandId }),
    ];
    await this.outbox.emailMembers(ctx, {
      brandId: comment.brandId,
      topic: 'comment.mentioned',
      recipientUserIds: mentioned,
      payload: { proposalId: comment.proposalId, commentId: comment.id },
      render: (to) =>
        mentionEmail(
          {
            brandName: brand.name,
            proposalTitle,
            commentAuthorName: author.name,
            body: comment.body,
          },
          to,
        ),
    });
  }
}
