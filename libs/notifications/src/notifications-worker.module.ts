import { Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import { WorkerJobs, WorkerModule } from '@standpoint/worker';
import { DevMailbox } from './dev-mailbox/dev-mailbox';
import { NotificationsModule } from './notifications.module';
import { OutboxDelivery } from './outbox/outbox-delivery.service';
import { OutboxTransports } from './outbox/outbox-transport';
import { SmtpEmailTransport } from './email/smtp-email-transport';

/**
 * The outbox's sender on the worker loop. Emails go to SMTP_URL, or without it to the development
 * mailbox (production refuses to start without SMTP_URL).
 */
@Module({
  imports: [NotificationsModule, IdentityModule, WorkerModule, AuditModule],
  providers: [OutboxDelivery, DevMailbox],
})
export class NotificationsWorkerModule implements OnModuleInit, OnApplicationShutdown {
  private smtp: SmtpEmailTransport | undefined;

  constructor(
    private readonly jobs: WorkerJobs,
    private readonly transports: OutboxTransports,
    private readonly delivery: OutboxDelivery,
    private readonly mailbox: DevMailbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { smtpUrl, mailFrom, outbox } = this.config;
    this.smtp = smtpUrl
      ? new SmtpEmailTransport(smtpUrl, mailFrom, outbox.smtpDeadlineMs)
      : undefined;
    this.transports.register(this.smtp ?? this.mailbox);
    this.jobs.register({ name: 'outbox delivery', run: () => this.delivery.runDue() });
  }

  /** After the worker loop has finished its last tick (beforeApplicationShutdown). */
  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
