import { ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Connection, ConnectionType, Ctx } from '@standpoint/graphql';
import { BrandModel, BrandsService, UserModel, UsersService } from '@standpoint/identity';
import { CreateProposalInput } from './inputs/create-proposal.input';
import { ProposalFilter } from './inputs/filters.input';
import { ReviseProposalInput } from './inputs/revise-proposal.input';
import { CommentModel } from './models/comment.model';
import { EvidenceModel, evidenceModel } from './models/evidence.model';
import { ProposalResult, ProposalResultType } from './models/proposal-result';
import { ProposalModel } from './models/proposal.model';
import { RevisionModel } from './models/revision.model';
import { RiskNoteModel } from './models/risk-note.model';
import { TeamRecommendationModel } from './models/team-recommendation.model';
import { ProposalAccess } from './proposal-access';
import { proposalLoaders } from './proposal.loaders';
import { PROPOSAL_PAGE, ProposalsService } from './proposals.service';
import { RevisionsService } from './revisions.service';
import { EvidenceStatus, proposalRiskScore, riskMatrix } from './rules';

export const ProposalConnection = ConnectionType('Proposal', ProposalModel);

@Resolver(() => ProposalModel)
export class ProposalsResolver {
  constructor(
    private readonly proposalsService: ProposalsService,
    private readonly revisionsService: RevisionsService,
    private readonly access: ProposalAccess,
    private readonly brands: BrandsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => ProposalModel, { nullable: true })
  async proposal(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProposalModel> {
    return ProposalModel.from(await this.access.forReading(ctx, id));
  }

  @Query(() => ProposalConnection)
  proposals(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('filter', { type: () => ProposalFilter, nullable: true }) filter: ProposalFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: PROPOSAL_PAGE.default })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<ProposalModel>> {
    return this.proposalsService.list(ctx, brandId, filter, first, after);
  }

  @Mutation(() => ProposalModel)
  createProposal(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateProposalInput,
  ): Promise<ProposalModel> {
    return this.proposalsService.create(ctx, input);
  }

  @Mutation(() => ProposalResult)
  reviseProposal(
    @Ctx() ctx: RequestContext,
    @Args('input') input: ReviseProposalInput,
  ): Promise<ProposalResultType> {
    return this.revisionsService.revise(ctx, input);
  }

  @ResolveField(() => BrandModel)
  brand(@Ctx() ctx: RequestContext, @Parent() proposal: ProposalModel): Promise<BrandModel> {
    return this.brands.get(ctx, proposal.brandId);
  }

  @ResolveField(() => UserModel)
  author(@Ctx() ctx: RequestContext, @Parent() proposal: ProposalModel): Promise<UserModel> {
    return this.users.referenced(ctx, proposal.authorId);
  }

  @ResolveField(() => RevisionModel)
  async currentRevision(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<RevisionModel> {
    const revisions = await proposalLoaders.revisionsByProposal(ctx).load(proposal.id);
    const current = revisions.find(
      (revision) => revision.number === proposal.currentRevisionNumber,
    );
    if (!current)
      throw new Error(`proposal ${proposal.id} has no revision ${proposal.currentRevisionNumber}`);
    return RevisionModel.from(current);
  }

  @ResolveField(() => [RevisionModel], { description: 'Every revision, oldest first.' })
  async revisions(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<RevisionModel[]> {
    return (await proposalLoaders.revisionsByProposal(ctx).load(proposal.id)).map(
      RevisionModel.from,
    );
  }

  @ResolveField(() => [EvidenceModel])
  async evidence(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
    @Args('includeHistory', {
      defaultValue: false,
      description: 'Also the corrected and withdrawn versions, kept as history.',
    })
    includeHistory: boolean,
  ): Promise<EvidenceModel[]> {
    const rows = await proposalLoaders.evidenceByProposal(ctx).load(proposal.id);
    return rows
      .filter((row) => includeHistory || row.status === EvidenceStatus.ACTIVE)
      .map(evidenceModel);
  }

  @ResolveField(() => [RiskNoteModel])
  async riskNotes(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<RiskNoteModel[]> {
    return (await proposalLoaders.riskNotesByProposal(ctx).load(proposal.id)).map(
      RiskNoteModel.from,
    );
  }

  @ResolveField(() => Int, {
    description: 'The highest score among the OPEN risk notes; 0 if none.',
  })
  async riskScore(@Ctx() ctx: RequestContext, @Parent() proposal: ProposalModel): Promise<number> {
    return proposalRiskScore(await proposalLoaders.riskNotesByProposal(ctx).load(proposal.id));
  }

  @ResolveField(() => [[Int]], {
    description:
      'Counts of OPEN risk notes for a heat map: riskMatrix[likelihood - 1][impact - 1].',
  })
  async riskMatrix(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<number[][]> {
    return riskMatrix(await proposalLoaders.riskNotesByProposal(ctx).load(proposal.id));
  }

  @ResolveField(() => TeamRecommendationModel, {
    nullable: true,
    description: 'The latest recommendation.',
  })
  async recommendation(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<TeamRecommendationModel | null> {
    const latest = (await proposalLoaders.recommendationsByProposal(ctx).load(proposal.id)).at(-1);
    return latest ? TeamRecommendationModel.from(latest, proposal.currentRevisionNumber) : null;
  }

  @ResolveField(() => [TeamRecommendationModel], {
    description: 'Every recommendation, oldest first.',
  })
  async recommendationHistory(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<TeamRecommendationModel[]> {
    const rows = await proposalLoaders.recommendationsByProposal(ctx).load(proposal.id);
    return rows.map((row) => TeamRecommendationModel.from(row, proposal.currentRevisionNumber));
  }

  @ResolveField(() => [CommentModel])
  async comments(
    @Ctx() ctx: RequestContext,
    @Parent() proposal: ProposalModel,
  ): Promise<CommentModel[]> {
    return (await proposalLoaders.commentsByProposal(ctx).load(proposal.id)).map(CommentModel.from);
  }
}

/** `Brand.proposals`: the same list as `proposals(brandId)`. */
@Resolver(() => BrandModel)
export class BrandProposalsResolver {
  constructor(private readonly proposalsService: ProposalsService) {}

  @ResolveField(() => ProposalConnection)
  proposals(
    @Ctx() ctx: RequestContext,
    @Parent() brand: BrandModel,
    @Args('filter', { type: () => ProposalFilter, nullable: true }) filter: ProposalFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: PROPOSAL_PAGE.default })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<ProposalModel>> {
    return this.proposalsService.list(ctx, brand.id, filter, first, after);
  }
}
