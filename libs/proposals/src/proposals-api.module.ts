import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@standpoint/audit';
import { RequestContext } from '@standpoint/database';
import { NodeRegistry } from '@standpoint/graphql';
import { IdentityApiModule, IdentityModule } from '@standpoint/identity';
import { RateLimitsModule } from '@standpoint/rate-limits';
import { CommentsResolver } from './comments.resolver';
import { EvidenceResolver } from './evidence.resolver';
import { ListeningImportsController } from './listening-imports/listening-imports.controller';
import { ProposalModel } from './models/proposal.model';
import { PrecedentsResolver } from './precedents.resolver';
import { ProposalAccess } from './proposal-access';
import { ProposalEventsResolver } from './proposal-events.resolver';
import { ProposalEventsService } from './proposal-events.service';
import { ProposalsModule } from './proposals.module';
import { BrandProposalsResolver, ProposalsResolver } from './proposals.resolver';
import { RecommendationsResolver } from './recommendations.resolver';
import { RevisionsResolver } from './revisions.resolver';
import { RiskNotesResolver } from './risk-notes.resolver';

/** The proposals feature as the API serves it. */
@Module({
  imports: [ProposalsModule, IdentityModule, IdentityApiModule, AuditModule, RateLimitsModule],
  controllers: [ListeningImportsController],
  providers: [
    BrandProposalsResolver,
    CommentsResolver,
    EvidenceResolver,
    PrecedentsResolver,
    ProposalEventsResolver,
    ProposalEventsService,
    ProposalsResolver,
    RecommendationsResolver,
    RevisionsResolver,
    RiskNotesResolver,
  ],
})
export class ProposalsApiModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly access: ProposalAccess,
  ) {}

  onModuleInit(): void {
    this.nodes.register('prp', async (ctx: RequestContext, id: string) =>
      ProposalModel.from(await this.access.forReading(ctx, id)),
    );
  }
}
