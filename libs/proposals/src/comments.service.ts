import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import {
  BrandEntity,
  MembersService,
  Operation,
  requireUser,
  UserEntity,
} from '@standpoint/identity';
import { mentionEmail, OutboxService } from '@standpoint/notifications';
import { RateLimit, RateLimits } from '@standpoint/rate-limits';
import { CommentEntity } from './comment.entity';
import { AddCommentInput } from './inputs/comment.input';
import { CommentModel } from './models/comment.model';
import { ProposalAccess } from './proposal-access';
import { mentionedEmails } from './rules';

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

@Injectable()
export class CommentsService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly members: MembersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  /** Adds a comment; @mentions of the brand's members are resolved to them and stored. */
  async add(ctx: RequestContext, input: AddCommentInput): Promise<CommentModel> {
    const proposal = await this.access.forChange(ctx, input.proposalId, Operation.COMMENT);
    this.access.requireDossierOpen(proposal, 'comments');
    const emails = mentionedEmails(input.body);
    const members = await this.members.membersByEmail(ctx, proposal.brandId, emails);
    const comment: CommentEntity = {
      id: newId('cmt'),
      proposalId: proposal.id,
      brandId: proposal.brandId,
      authorId: requireUser(ctx).userId,
      body: input.body.trim(),
      mentionedUserIds: emails.flatMap((email) => members.get(email) ?? []),
      createdAt: this.clock.now(),
    };
    await ctx.em.insert(CommentEntity, comment);
    await this.audit.append(ctx, {
      brandId: comment.brandId,
      action: 'comment.added',
      entityType: 'Comment',
      entityId: comment.id,
      data: {
        proposalId: comment.proposalId,
        body: comment.body,
        mentionedUserIds: comment.mentionedUserIds,
      },
    });
    await this.tellMentioned(ctx, comment, proposal.title);
    return CommentModel.from(comment);
  }

  /**
   * The members a comment @mentions hear of it (the writer does not hear of mentioning themself).
   * Past the writer's budget of mention emails the whole comment is refused, so that nobody is
   * left believing a colleague was told.
   */
  private async tellMentioned(ctx: RequestContext, comment: CommentEntity, proposalTitle: string) {
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
