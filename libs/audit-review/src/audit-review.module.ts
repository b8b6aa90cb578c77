import { Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@standpoint/audit';
import { NodeRegistry } from '@standpoint/graphql';
import { IdentityModule } from '@standpoint/identity';
import { AuditReviewResolver } from './audit-review.resolver';
import { AuditReviewService } from './audit-review.service';
import { DecisionRecordModule } from './decision-record/decision-record.module';
import { PublicKeyController } from './public-key.controller';

/** The audit trail as the API serves it: the events, the checkpoints, the proof that none was changed and the key that signs. */
@Module({
  imports: [AuditModule, IdentityModule, DecisionRecordModule],
  providers: [AuditReviewResolver, AuditReviewService],
  controllers: [PublicKeyController],
})
export class AuditReviewModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly review: AuditReviewService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('aud', (ctx, id) => this.review.get(ctx, id));
  }
}
