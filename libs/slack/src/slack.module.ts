import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApprovalsModule } from '@standpoint/approvals';
import { AuditDispatcher, AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import {
  AdminAlerts,
  AlertsModule,
  NotificationsModule,
  OutboxTransports,
} from '@standpoint/notifications';
import { ProposalsModule } from '@standpoint/proposals';
import { SlackAlertSink } from './notices/slack-alert.sink';
import { SlackApprovalRequestsNotice } from './notices/slack-approval-requests.notice';
import { SlackCredentials } from './slack-credentials';
import { SlackInteractionEntity } from './slack-interaction.entity';
import { SlackLinkCodeEntity } from './slack-link-code.entity';
import { SlackMessageEntity } from './slack-message.entity';
import { SlackOutbox } from './slack-outbox.service';
import { SlackRequestFactsReader } from './slack-request-facts';
import { SlackUserLinkEntity } from './slack-user-link.entity';
import { SlackWorkspaceEntity } from './slack-workspace.entity';
import { SlackTransport } from './slack.transport';

/**
 * Slack approvals in every process that changes anything or delivers the outbox: the approval
 * requests queued with the changes that ask for them (a subscriber to their events), the admins'
 * alerts in the brand's channel, and the transport of the outbox's SLACK channel.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SlackWorkspaceEntity,
      SlackUserLinkEntity,
      SlackLinkCodeEntity,
      SlackMessageEntity,
      SlackInteractionEntity,
    ]),
    AlertsModule,
    ApprovalsModule,
    AuditModule,
    IdentityModule,
    NotificationsModule,
    ProposalsModule,
  ],
  providers: [
    SlackAlertSink,
    SlackApprovalRequestsNotice,
    SlackCredentials,
    SlackOutbox,
    SlackRequestFactsReader,
    SlackTransport,
  ],
  exports: [SlackCredentials, SlackOutbox, SlackRequestFactsReader],
})
export class SlackModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: AuditDispatcher,
    private readonly transports: OutboxTransports,
    private readonly notice: SlackApprovalRequestsNotice,
    private readonly transport: SlackTransport,
    private readonly alerts: AdminAlerts,
    private readonly alertSink: SlackAlertSink,
  ) {}

  onModuleInit(): void {
    this.notice.subscribe(this.dispatcher);
    this.transports.register(this.transport);
    this.alerts.register(this.alertSink);
  }
}
