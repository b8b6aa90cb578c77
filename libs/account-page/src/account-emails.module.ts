import { Module, OnModuleInit } from '@nestjs/common';
import { AuditDispatcher, AuditModule } from '@standpoint/audit';
import { IdentityModule } from '@standpoint/identity';
import { NotificationsModule } from '@standpoint/notifications';
import { AccountEmails } from './account-emails';

/**
 * The emails that carry a password link. A new member without a password is welcomed as they are
 * added (`member.added`), in every process that imports this module.
 */
@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule],
  providers: [AccountEmails],
  exports: [AccountEmails],
})
export class AccountEmailsModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: AuditDispatcher,
    private readonly emails: AccountEmails,
  ) {}

  onModuleInit(): void {
    this.dispatcher.contribute('member.added', async (ctx, _event, added) => ({
      data: await this.emails.welcome(ctx, added),
    }));
  }
}
