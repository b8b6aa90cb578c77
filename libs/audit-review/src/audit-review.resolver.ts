import { ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Connection, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { AUDIT_PAGE, AuditReviewService, CHECKPOINT_PAGE } from './audit-review.service';
import { AuditFilter } from './inputs/audit-filter.input';
import { AuditCheckpointConnection, AuditCheckpointModel } from './models/audit-checkpoint.model';
import { AuditEventConnection, AuditEventModel } from './models/audit-event.model';
import { AuditProofModel } from './models/audit-proof.model';
import { AuditVerificationModel } from './models/audit-verification.model';

@Resolver(() => AuditEventModel)
export class AuditReviewResolver {
  constructor(
    private readonly review: AuditReviewService,
    private readonly users: UsersService,
  ) {}

  @Query(() => AuditEventConnection)
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: AUDIT_PAGE.default })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<AuditEventModel>> {
    return this.review.list(ctx, brandId, filter, first, after);
  }

  @Query(() => AuditVerificationModel)
  verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<AuditVerificationModel> {
    return this.review.verify(ctx, brandId);
  }

  @Query(() => AuditCheckpointConnection, {
    description: "The brand's signed audit checkpoints, newest first.",
  })
  auditCheckpoints(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: CHECKPOINT_PAGE.default })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<AuditCheckpointModel>> {
    return this.review.checkpoints(ctx, brandId, first, after);
  }

  @Query(() => AuditCheckpointModel, { nullable: true })
  latestAuditCheckpoint(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
  ): Promise<AuditCheckpointModel | null> {
    return this.review.latestCheckpoint(ctx, brandId);
  }

  @Query(() => AuditProofModel, {
    description:
      'The proof that this audit event (a decision, an override, a comment…) is in a signed checkpoint of its brand: an outsider checks it offline with `npx standpoint audit verify-proof`. An event no checkpoint seals yet gets one signed now.',
  })
  auditEventProof(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AuditProofModel> {
    return this.review.eventProof(ctx, id);
  }

  @Query(() => AuditProofModel, {
    description:
      "The proof that the brand's log today extends a checkpoint kept earlier (its signed `note`): no event before it was changed or removed.",
  })
  auditConsistencyProof(
    @Ctx() ctx: RequestContext,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('fromCheckpoint', { description: 'The signed note of the checkpoint kept earlier.' })
    fromCheckpoint: string,
  ): Promise<AuditProofModel> {
    return this.review.consistencyProof(ctx, brandId, fromCheckpoint);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async actor(
    @Ctx() ctx: RequestContext,
    @Parent() event: AuditEventModel,
  ): Promise<UserModel | null> {
    return event.actorId ? this.users.referenced(ctx, event.actorId) : null;
  }
}
