import { Injectable } from '@nestjs/common';
import { AuditService } from '@standpoint/audit';
import { Clock, newId, RequestContext } from '@standpoint/database';
import { MembersService, Operation, requireUser } from '@standpoint/identity';
import { CommentEntity } from './comment.entity';
import { AddCommentInput } from './inputs/comment.input';
import { CommentModel } from './models/comment.model';
import { ProposalAccess } from './proposal-access';
import { mentionedEmails } from './rules';

@Injectable()
export class CommentsService {
  constructor(
    private readonly access: ProposalAccess,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a comment; @mentions of the brand's members are resolved to them and stored (and told,
   * by the mention notice that listens to `comment.added`).
   */
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
    await this.audit.append(
      ctx,
      {
        brandId: comment.brandId,
        action: 'comment.added',
        entityType: 'Comment',
        entityId: comment.id,
        data: {
          proposalId: comment.proposalId,
          body: comment.body,
          mentionedUserIds: comment.mentionedUserIds,
        },
      },
      { comment, proposalTitle: proposal.title },
    );
    return CommentModel.from(comment);
  }
}
