import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { CommentsService } from './comments.service';
import { AddCommentInput } from './inputs/comment.input';
import { CommentModel } from './models/comment.model';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(
    private readonly comments: CommentsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => CommentModel)
  addComment(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddCommentInput,
  ): Promise<CommentModel> {
    return this.comments.add(ctx, input);
  }

  @ResolveField(() => UserModel)
  author(@Ctx() ctx: RequestContext, @Parent() comment: CommentModel): Promise<UserModel> {
    return this.users.referenced(ctx, comment.authorId);
  }

  @ResolveField(() => [UserModel], { description: 'The members the comment @mentions.' })
  mentions(@Ctx() ctx: RequestContext, @Parent() comment: CommentModel): Promise<UserModel[]> {
    return Promise.all(comment.mentionedUserIds.map((id) => this.users.referenced(ctx, id)));
  }
}
