import { Module } from '@nestjs/common';
import { AuditModule } from '@standpoint/audit';
import { IdentityApiModule } from '@standpoint/identity';
import { ProposalsModule } from '@standpoint/proposals';
import { DecisionRecordController } from './decision-record.controller';
import { DecisionRecordLinks } from './decision-record-links';
import { DecisionRecordLineResolver } from './decision-record-line.resolver';
import { DecisionRecordResolver } from './decision-record.resolver';
import { DecisionRecordService } from './decision-record.service';

/** The decision record of a proposal: the GraphQL field, its signed links and the printable page. */
@Module({
  imports: [AuditModule, IdentityApiModule, ProposalsModule],
  controllers: [DecisionRecordController],
  providers: [
    DecisionRecordLineResolver,
    DecisionRecordLinks,
    DecisionRecordResolver,
    DecisionRecordService,
  ],
})
export class DecisionRecordModule {}
