import { Module } from '@nestjs/common';
import { ApprovalsModule } from '@standpoint/approvals';
import { AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import { ProposalsModule } from '@standpoint/proposals';
import { RateLimitsModule } from '@standpoint/rate-limits';
import { SlackInteractionsService } from './slack-interactions.service';
import { SlackLinksService } from './slack-links.service';
import { SlackModule } from './slack.module';
import { SlackRequests } from './slack-requests';
import { SlackWorkspacesService } from './slack-workspaces.service';
import { SlackController } from './slack.controller';
import { SlackResolver } from './slack.resolver';

/** Slack as the API serves it: the connection and links (GraphQL), and each connection's routes. */
@Module({
  imports: [
    SlackModule,
    ApprovalsModule,
    AuditModule,
    IdentityModule,
    ProposalsModule,
    RateLimitsModule,
  ],
  controllers: [SlackController],
  providers: [
    SlackInteractionsService,
    SlackLinksService,
    SlackRequests,
    SlackResolver,
    SlackWorkspacesService,
  ],
})
export class SlackApiModule {}
