import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { AddRiskNoteInput, UpdateRiskNoteInput } from './inputs/risk-note.input';
import { RiskNoteModel } from './models/risk-note.model';
import { RiskNotesService } from './risk-notes.service';

@Resolver(() => RiskNoteModel)
export class RiskNotesResolver {
  constructor(
    private readonly riskNotes: RiskNotesService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => RiskNoteModel)
  addRiskNote(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddRiskNoteInput,
  ): Promise<RiskNoteModel> {
    return this.riskNotes.add(ctx, input);
  }

  @Mutation(() => RiskNoteModel)
  updateRiskNote(
    @Ctx() ctx: RequestContext,
    @Args('input') input: UpdateRiskNoteInput,
  ): Promise<RiskNoteModel> {
    return this.riskNotes.update(ctx, input);
  }

  @ResolveField(() => UserModel)
  author(@Ctx() ctx: RequestContext, @Parent() note: RiskNoteModel): Promise<UserModel> {
    return this.users.referenced(ctx, note.authorId);
  }
}
