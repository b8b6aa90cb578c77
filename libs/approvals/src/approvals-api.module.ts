import { Module } from '@nestjs/common';
import { IdentityModule } from '@standpoint/identity';
import { ApprovalsModule } from './approvals.module';
import { BrandApprovalResolver } from './brand-approval.resolver';
import { ContentFreezeResolver, PublicationResolver } from './publication.resolver';
import { ApprovalStepResolver, DecisionResolver, ReviewResolver } from './review.resolver';

/** The approval workflow as the API serves it. */
@Module({
  imports: [ApprovalsModule, IdentityModule],
  providers: [
    ApprovalStepResolver,
    BrandApprovalResolver,
    ContentFreezeResolver,
    DecisionResolver,
    PublicationResolver,
    ReviewResolver,
  ],
})
export class ApprovalsApiModule {}
