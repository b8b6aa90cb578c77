import { Module } from '@nestjs/common';
import { AccountPageModule } from '@standpoint/account-page';
import { ApprovalsApiModule } from '@standpoint/approvals';
import { AuditReviewModule } from '@standpoint/audit-review';
import { ConfigModule } from '@standpoint/config';
import { DecisionPageModule } from '@standpoint/decision-page';
import { DatabaseModule, HealthModule } from '@standpoint/database';
import { GraphqlApiModule } from '@standpoint/graphql';
import { IdentityApiModule } from '@standpoint/identity';
import { LoggingModule } from '@standpoint/logging';
import { TeamsApiModule, WebhooksApiModule } from '@standpoint/notifications';
import { OutboxApiModule } from '@standpoint/notifications';
import { ProposalsApiModule } from '@standpoint/proposals';
import { SlackApiModule } from '@standpoint/slack';

/** The API: every feature's GraphQL surface and the HTTP routes. Stateless; run as many as needed. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    GraphqlApiModule,
    HealthModule,
    IdentityApiModule,
    ProposalsApiModule,
    ApprovalsApiModule,
    AuditReviewModule,
    DecisionPageModule,
    AccountPageModule,
    WebhooksApiModule,
    TeamsApiModule,
    OutboxApiModule,
    SlackApiModule,
  ],
})
export class ApiModule {}
