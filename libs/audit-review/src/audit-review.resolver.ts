import { ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@standpoint/database';
import { Args, Connection, Ctx } from '@standpoint/graphql';
import { UserModel, UsersService } from '@standpoint/identity';
import { AUDIT_PAGE, AuditReviewService, CHECKPOINT_PAGE } from './audit-review.service';
import { AuditFilter } from './inputs/audit-filter.input';
import { AuditCheckpointConnection, AuditCheckpointModel } from './models/audit-checkpoint.model';
import { AuditEventConnection, AuditEventModel } from './models/audit-event.model';
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

  @ResolveField(() => UserModel, { nullable: true })
  async actor(
    @Ctx() ctx: RequestContext,
    @Parent() event: AuditEventModel,
  ): Promise<UserModel | null> {
    return event.actorId ? this.users.referenced(ctx, event.actorId) : null;
  }
}
