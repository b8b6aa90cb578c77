import { Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { EvidenceService } from './evidence.service';
import {
  AddEvidenceInput,
  CitePrecedentInput,
  CorrectEvidenceInput,
  WithdrawEvidenceInput,
} from './inputs/add-evidence.input';
import { EvidenceModel, evidenceModel } from './models/evidence.model';
import { proposalLoaders } from './proposal.loaders';

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => EvidenceModel)
  addEvidence(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AddEvidenceInput,
  ): Promise<EvidenceModel> {
    return this.evidence.add(ctx, input);
  }

  @Mutation(() => EvidenceModel, {
    description: 'Corrects your own evidence; the old version is kept.',
  })
  correctEvidence(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CorrectEvidenceInput,
  ): Promise<EvidenceModel> {
    return this.evidence.correct(ctx, input);
  }

  @Mutation(() => EvidenceModel, {
    description: 'Withdraws your own evidence with a reason; it stays on record.',
  })
  withdrawEvidence(
    @Ctx() ctx: RequestContext,
    @Args('input') input: WithdrawEvidenceInput,
  ): Promise<EvidenceModel> {
    return this.evidence.withdraw(ctx, input);
  }

  @Mutation(() => EvidenceModel, {
    description: 'Copies a precedent into a proposal as evidence, linked to its origin.',
  })
  citePrecedent(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CitePrecedentInput,
  ): Promise<EvidenceModel> {
    return this.evidence.cite(ctx, input);
  }

  @ResolveField(() => UserModel)
  addedBy(@Ctx() ctx: RequestContext, @Parent() evidence: EvidenceModel): Promise<UserModel> {
    return this.users.referenced(ctx, evidence.addedById);
  }

  @ResolveField(() => EvidenceModel, {
    nullable: true,
    description: 'The earlier version this one corrects.',
  })
  corrects(
    @Ctx() ctx: RequestContext,
    @Parent() evidence: EvidenceModel,
  ): Promise<EvidenceModel | null> {
    return linked(ctx, evidence.correctsId);
  }

  @ResolveField(() => EvidenceModel, {
    nullable: true,
    description: 'The precedent this was cited from.',
  })
  citedFrom(
    @Ctx() ctx: RequestContext,
    @Parent() evidence: EvidenceModel,
  ): Promise<EvidenceModel | null> {
    return linked(ctx, evidence.citedFromId);
  }
}

// Linked evidence is always of the same brand: corrections and citations never cross brands.
async function linked(ctx: RequestContext, id: string | null): Promise<EvidenceModel | null> {
  const row = id ? await proposalLoaders.evidenceById(ctx).load(id) : undefined;
  return row ? evidenceModel(row) : null;
}
